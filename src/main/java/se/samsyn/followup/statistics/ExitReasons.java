package se.samsyn.followup.statistics;

import java.util.Set;

/**
 * What an exit reason (code list {@code EXIT_REASON}) means for the plan's results: going on to work or studies, or
 * more widely onward to work, studies or another actor's programme (the seeds' wording).
 */
public final class ExitReasons {

	private static final Set<String> ONWARD = Set.of("WORK", "STUDIES", "REHAB_COOPERATION", "EMPLOYMENT_SERVICE",
			"MUNICIPAL_LABOUR_MARKET");

	private static final Set<String> WORK_OR_STUDIES = Set.of("WORK", "STUDIES");

	private ExitReasons() {
	}

	/** On to work, studies or another actor's programme. */
	public static boolean onward(String exitReason) {
		return ONWARD.contains(exitReason);
	}

	/** A registration in error: no outcome, and no part of any share of outcomes. */
	public static boolean registeredInError(String exitReason) {
		return "WRONG_REGISTRATION".equals(exitReason);
	}

	/** On to work or studies. */
	public static boolean workOrStudies(String exitReason) {
		return WORK_OR_STUDIES.contains(exitReason);
	}
}
