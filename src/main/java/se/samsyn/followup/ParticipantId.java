package se.samsyn.followup;

/** A participant by its database id, kept apart from the ids of their episodes. */
public record ParticipantId(long value) {

	/** The bare number, as audit details and links show it. */
	@Override
	public String toString() {
		return String.valueOf(value);
	}
}
