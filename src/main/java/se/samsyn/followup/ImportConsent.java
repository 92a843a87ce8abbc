package se.samsyn.followup;

/**
 * What holds for every row of an imported file that has no Samtycke column: consent is never assumed, so the
 * user says it once for the file. Without consent the rows are counted only as anonymous starts (legal gender
 * and start date), as in SUS.
 */
public enum ImportConsent {

	/** Everyone in the file consented to registration, on a date the user gives. */
	ALL_CONSENTED,

	/** Nobody in the file consented: anonymous starts only. */
	NONE
}
