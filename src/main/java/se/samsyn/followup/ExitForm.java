package se.samsyn.followup;

import java.util.List;

/** An exit as typed: end date, exit reason, occupation and income after, whether a lots supported. */
public record ExitForm(String endDate, String exitReason, String occupationAfter, String occupationAfterExtent,
		List<String> incomeSourcesAfter, String guideSupport) {

	public ExitForm {
		incomeSourcesAfter = incomeSourcesAfter == null ? List.of() : List.copyOf(incomeSourcesAfter);
	}

	public static ExitForm empty(String today) {
		return new ExitForm(today, "", "", "", List.of(), "");
	}
}
