package se.samsyn.platform;

/** A förbund as other modules see it: its database id, its URL code and its name. */
public record AssociationRef(long id, String code, String name) {
}
