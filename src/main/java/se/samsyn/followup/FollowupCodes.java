package se.samsyn.followup;

import java.util.List;

/** The code lists the follow-up registers on (besides the exit reasons and target groups in platform). */
public final class FollowupCodes {

	public static final String EDUCATION = "EDUCATION";
	public static final String TIME_WITHOUT_WORK = "TIME_WITHOUT_WORK";
	public static final String INCOME_SOURCE = "INCOME_SOURCE";
	public static final String OCCUPATION = "OCCUPATION";
	public static final String BIRTH_REGION = "BIRTH_REGION";
	public static final String DISABILITY = "DISABILITY";
	public static final String EXIT_REASON = se.samsyn.platform.CodeLists.EXIT_REASON;

	/** The voluntary equality questions a förbund may choose to ask. */
	public static final List<String> VOLUNTARY_QUESTIONS = List.of(BIRTH_REGION, DISABILITY);

	public static final List<String> ALL = List.of(EDUCATION, TIME_WITHOUT_WORK, INCOME_SOURCE, OCCUPATION,
			BIRTH_REGION, DISABILITY, EXIT_REASON);

	private FollowupCodes() {
	}
}
