package se.samsyn.intervention;

/** An insats by its database id: a value the compiler keeps apart from the ids of targets, lines and episodes. */
public record InterventionId(long value) {

	/** The bare number, as audit details and links show it. */
	@Override
	public String toString() {
		return String.valueOf(value);
	}
}
