package se.samsyn.followup;

/**
 * Why a start is only counted (legal gender and start date, as in SUS) and holds no personal data. Stored by name.
 */
public enum AnonymousReason {
	/** The participant did not consent to registration of personal data. */
	NO_CONSENT,
	/** The participant has protected identity (skyddade personuppgifter). */
	PROTECTED_IDENTITY,
	/** The participant withdrew consent after the start: the episode's personal data was erased. */
	CONSENT_WITHDRAWN;

	/** The message key of the reason's name. */
	public String labelKey() {
		return "followup.anonymous.reason." + name();
	}
}
