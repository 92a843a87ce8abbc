package se.samsyn.followup;

import java.util.List;

/**
 * A start as typed in the start form, the API or one row of an imported file. Text throughout:
 * {@link Enrollments} checks every field and names each broken rule.
 *
 * @param participantId an existing participant of the förbund (a new episode), instead of identity fields
 * @param consent "true" when the participant consented to person-level registration
 * @param protectedIdentity "true" for skyddad identitet: counted only anonymously
 */
public record StartForm(String participantId, String personnummer, String gender, String birthYear, String consent,
		String protectedIdentity, String consentDate, String consentVersion, String referralDate, String referrerId,
		String startDate, String districtId, String education, String timeWithoutWork, List<String> incomeSources,
		String occupation, String occupationExtent, String birthRegion, String disability) {

	public StartForm {
		incomeSources = incomeSources == null ? List.of() : List.copyOf(incomeSources);
	}

	public static StartForm empty(String today, String consentVersion) {
		return new StartForm("", "", "", "", "true", "", today, consentVersion, "", "", today, "", "", "", List.of(), "",
				"", "", "");
	}

	public boolean consented() {
		return "true".equalsIgnoreCase(consent) || "on".equalsIgnoreCase(consent) || "ja".equalsIgnoreCase(consent);
	}

	public boolean protectedIdentityFlag() {
		return "true".equalsIgnoreCase(protectedIdentity) || "on".equalsIgnoreCase(protectedIdentity);
	}
}
