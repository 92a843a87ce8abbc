package se.samsyn.intervention;

/** An insats was registered or changed: its name, description, members, groups, districts or status. */
public record InterventionChanged(long associationId, long interventionId) {
}
