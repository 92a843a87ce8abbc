package se.samsyn.followup;

/** An episode (insatsdeltagande) by its database id, kept apart from the ids of insatser, participants and plans. */
public record EnrollmentId(long value) {

	/** The bare number, as audit details and links show it. */
	@Override
	public String toString() {
		return String.valueOf(value);
	}
}
