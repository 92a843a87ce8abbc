package se.samsyn.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FollowupReportExportsTests {

	@Test
	void sheetNamesAreShortUniqueAndFreeOfTheCharactersExcelRefuses() {
		Set<String> taken = new HashSet<>();
		assertThat(FollowupReportExports.sheetName("Översikt", taken)).isEqualTo("Översikt");
		assertThat(FollowupReportExports.sheetName("Försörjning vid start (flera kan anges)", taken))
			.isEqualTo("Försörjning vid start (flera ka").hasSize(31);
		assertThat(FollowupReportExports.sheetName("Försörjning vid start (flera kan anges) igen", taken))
			.isEqualTo("Försörjning vid start (fler (2)").hasSize(31);
		assertThat(FollowupReportExports.sheetName("Mål: före/efter [a*b?]\\", taken)).isEqualTo("Mål före efter a b");
		assertThat(FollowupReportExports.sheetName("översikt", taken)).as("Excel compares names without case").isEqualTo("översikt (2)");
		assertThat(FollowupReportExports.sheetName("[]", taken)).isEqualTo("Blad");
	}

	@Test
	void fileNamePartsAreAsciiLettersDigitsAndHyphens() {
		assertThat(FollowupReportExports.slug("Integrering av IPS i psykosvården")).isEqualTo("integrering-av-ips-i-psykosvarden");
		assertThat(FollowupReportExports.slug("Östra Södertörn – FINSAM-team!")).isEqualTo("ostra-sodertorn-finsam-team");
		assertThat(FollowupReportExports.slug("IPS för personer med beroendeproblematik och mer text"))
			.hasSizeLessThanOrEqualTo(40).doesNotEndWith("-").matches("[a-z0-9-]+");
	}
}
