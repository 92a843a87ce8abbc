package se.samsyn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.samsyn.followup.Gender;
import se.samsyn.followup.Personnummer;

class SyntheticParticipantsTests {

	@Test
	void theCheckDigitIsLuhnsAsSkatteverketComputesIt() {
		// Skatteverket's worked example: 640823-323 gets the check digit 4.
		assertThat(SyntheticParticipants.luhn("640823323")).isEqualTo(4);
	}

	@Test
	void madeUpPersonnummerAreValidUniqueAndCarryTheLegalGender() throws Exception {
		SyntheticParticipants generator = new SyntheticParticipants(settings(), LocalDate.of(2026, 11, 23));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 500; i++) {
			String gender = i % 2 == 0 ? "WOMAN" : "MAN";
			int birthYear = 1960 + i % 45;
			String number = generator.personnummer(birthYear, gender);
			Personnummer parsed = Personnummer.parse(number, LocalDate.of(2026, 11, 23)).valid().orElseThrow();
			assertThat(parsed.birthYear()).isEqualTo(birthYear);
			assertThat(parsed.legalGender()).isEqualTo(Gender.valueOf(gender));
			assertThat(number.substring(9, 11)).isIn("98", "99");
			assertThat(seen.add(number)).isTrue();
		}
	}

	@Test
	void nothingIsRegisteredAfterToday() throws Exception {
		LocalDate today = LocalDate.of(2025, 6, 15);
		var episodes = new SyntheticParticipants(settings(), today).generate(DemoInsatser.ALL, Map.of(), Map.of());
		assertThat(episodes).isNotEmpty().allSatisfy(episode -> {
			assertThat(episode.startDate()).isBeforeOrEqualTo(today);
			if (episode.exit() != null) {
				assertThat(episode.exit().endDate()).isBeforeOrEqualTo(today).isAfterOrEqualTo(episode.startDate());
			}
			if (episode.plan() != null) {
				assertThat(episode.plan().meetingDate()).isBeforeOrEqualTo(today).isAfterOrEqualTo(episode.startDate());
			}
		});
	}

	static Map<String, Object> settings() throws Exception {
		try (InputStream in = SyntheticParticipantsTests.class.getResourceAsStream("/demo/participants.yml")) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
	}

	/** The demo insatser the file names, with the periods of demo/interventions.yml. */
	static final class DemoInsatser {

		static final Map<String, SyntheticParticipants.Insats> ALL = Map.ofEntries(
				insats("stockholm/Aktivitetsplatsen", "2024-01-01", null),
				insats("stockholm/FINSAM-team", "2024-01-01", null),
				insats("stockholm/Integrering av IPS i psykosvården", "2019-04-01", "2025-12-31"),
				insats("stockholm/IPS för personer med beroendeproblematik", "2022-09-01", "2025-12-31"),
				insats("stockholm/Novum", "2023-05-01", "2025-12-31"),
				insats("stockholm/Hälsofrämjande insatser för nyanlända", "2024-01-01", null),
				insats("ostra-sodertorn/Ungdomsteamet i Haninge", "2009-11-01", null),
				insats("ostra-sodertorn/Ung i Nynäs och Ung i Tyresö", "2010-09-01", "2014-06-30"),
				insats("ostra-sodertorn/Resursmodellen Södertörn", "2012-01-01", "2014-06-30"),
				insats("ostra-sodertorn/Köp av behandlingstjänster från Manscentrum Södertörn", "2011-01-01", "2013-12-31"),
				insats("sodertalje/Rehabarenan på Torekällberget", "2017-01-01", "2019-12-31"),
				insats("sodertalje/Mobilisering inför arbete (MIA)", "2017-04-01", "2020-05-31"),
				insats("sodertalje/SamSpråk", "2017-08-14", "2020-08-14"),
				insats("sodertalje/Kompis Sverige", "2018-01-01", null));

		private static Map.Entry<String, SyntheticParticipants.Insats> insats(String key, String start, String end) {
			return Map.entry(key, new SyntheticParticipants.Insats(LocalDate.parse(start),
					end == null ? null : LocalDate.parse(end),
					java.util.List.of("Försäkringskassan", "Arbetsförmedlingen", "Region Stockholm", "Stockholms stad")));
		}
	}
}
