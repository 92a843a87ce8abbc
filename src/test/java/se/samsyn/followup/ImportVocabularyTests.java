package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.samsyn.followup.ImportVocabulary.Terms;

/**
 * The matcher without Spring: the code lists' labels as the migrations write them, and the demo Stockholm
 * förbund's members, referring units and districts (demo/associations.yml).
 */
class ImportVocabularyTests {

	private static final Terms STOCKHOLM = terms(false);

	/** Östra Södertörn's structure: Region Stockholm and each kommun have one referring unit. */
	private static final Terms OSTRA_SODERTORN = terms(true);

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static Terms terms(boolean ostraSodertorn) {
		Map<String, Map<String, String>> labels = Map.of(
				FollowupCodes.EDUCATION, ordered("PRIMARY_SHORT", "Förgymnasial utbildning kortare än 9 år",
						"PRIMARY_9", "Förgymnasial utbildning 9 år", "UPPER_SECONDARY_2", "Gymnasial utbildning högst 2 år",
						"UPPER_SECONDARY_3", "Gymnasial utbildning 3 år",
						"POST_SECONDARY_SHORT", "Eftergymnasial utbildning kortare än 3 år",
						"POST_SECONDARY_3", "Eftergymnasial utbildning 3 år eller längre", "DOCTORAL", "Forskarutbildning",
						"UNKNOWN", "Uppgift saknas"),
				FollowupCodes.TIME_WITHOUT_WORK, ordered("UNDER_6_MONTHS", "Kortare än 6 månader",
						"MONTHS_6_TO_12", "6–12 månader", "YEARS_1_TO_2", "Mer än 1 år, högst 2 år",
						"YEARS_2_TO_5", "Mer än 2 år, högst 5 år", "OVER_5_YEARS", "Mer än 5 år", "UNKNOWN", "Uppgift saknas"),
				FollowupCodes.EXIT_REASON, ordered("WORK", "Arbete", "STUDIES", "Studier",
						"REHAB_COOPERATION", "Rehabiliteringssamverkan FK–AF", "EMPLOYMENT_SERVICE", "Arbetsförmedlingens insatser",
						"MUNICIPAL_LABOUR_MARKET", "Jobbtorgs eller kommunens arbetsmarknadsinsatser",
						"OTHER_INTERVENTION", "Annan insats", "JOB_SEEKING", "Aktivt arbetssökande", "ILL_HEALTH", "Ohälsa",
						"MOVED", "Flytt", "DROPPED_OUT", "Avbrutet av deltagaren", "WRONG_REGISTRATION", "Felregistrering",
						"OTHER", "Annat"),
				FollowupCodes.INCOME_SOURCE, ordered("SICKNESS_BENEFIT", "Sjukpenning/rehabiliteringspenning",
						"ECONOMIC_ASSISTANCE", "Ekonomiskt bistånd", "SALARY", "Lön", "NONE", "Ingen ersättning"));
		Map<String, String> referrers = new LinkedHashMap<>();
		Map<String, String> members = new LinkedHashMap<>();
		Map<String, String> districts = new LinkedHashMap<>();
		String[][] units = ostraSodertorn ? new String[][] { { "Egen anmälan", null }, { "Försäkringskassan", "Försäkringskassan" },
				{ "Arbetsförmedlingen", "Arbetsförmedlingen" }, { "Primärvården", "Region Stockholm" },
				{ "Haninge kommun, socialtjänsten", "Haninge kommun" }, { "Nynäshamns kommun, socialtjänsten", "Nynäshamns kommun" },
				{ "Tyresö kommun, socialtjänsten", "Tyresö kommun" } }
				: new String[][] { { "Egen anmälan", null }, { "Försäkringskassan", "Försäkringskassan" },
						{ "Arbetsförmedlingen", "Arbetsförmedlingen" }, { "Kommunhubben", "Arbetsförmedlingen" },
						{ "Jobbtorg Stockholm", "Stockholms stad" },
						{ "Södermalms stadsdelsförvaltning, ekonomiskt bistånd", "Stockholms stad" },
						{ "Järva stadsdelsförvaltning, ekonomiskt bistånd", "Stockholms stad" },
						{ "Enskede-Årsta-Vantörs stadsdelsförvaltning, ekonomiskt bistånd", "Stockholms stad" },
						{ "Enheten för hemlösa", "Stockholms stad" }, { "Södermalms psykosmottagning", "Region Stockholm" },
						{ "Gubbängens psykosmottagning", "Region Stockholm" },
						{ "Specialistpsykiatrisk mottagning Alviks strand", "Region Stockholm" },
						{ "Beroendecentrum Stockholm", "Region Stockholm" }, { "Prima Maria", "Region Stockholm" } };
		Map<String, String> notStated = new LinkedHashMap<>();
		for (int i = 0; i < units.length; i++) {
			referrers.put(String.valueOf(10 + i), units[i][0]);
			if (units[i][1] != null) {
				members.put(String.valueOf(10 + i), units[i][1]);
			}
		}
		// Every member's own "unit not stated" entry, as the förbund's structure has it.
		for (String member : new java.util.LinkedHashSet<>(members.values())) {
			String id = String.valueOf(50 + notStated.size());
			referrers.put(id, member + " – enhet ej angiven");
			notStated.put(member, id);
		}
		String[] names = { "Bromma", "Enskede-Årsta-Vantör", "Farsta", "Hägersten-Älvsjö", "Hässelby-Vällingby", "Järva",
				"Kungsholmen", "Norrmalm", "Skarpnäck", "Skärholmen", "Södermalm", "Östermalm" };
		for (int i = 0; i < names.length; i++) {
			districts.put(String.valueOf(100 + i), names[i]);
		}
		return new Terms(null, labels, referrers, referrers, members, notStated, districts);
	}

	private static String label(Terms terms, ImportField field, Optional<String> value) {
		return value.map(v -> terms.choices(field).get(v)).orElse(null);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Förgymnasial utbildning kortare än 9 år       | PRIMARY_SHORT
			Förgymnasial utbildning 9 (10) år             | PRIMARY_9
			Förgymnasial utbildning, 9 (10) år            | PRIMARY_9
			Gymnasial utbildning, högst 2 år              | UPPER_SECONDARY_2
			Gymnasial utbildning, 3 år                    | UPPER_SECONDARY_3
			Eftergymnasial utbildning, mindre än 3 år     | POST_SECONDARY_SHORT
			Eftergymnasial utbildning, 3 år eller mer     | POST_SECONDARY_3
			Eftergymnasial utbildning 3 år eller längre   | POST_SECONDARY_3
			Forskarutbildning                             | DOCTORAL
			Uppgift om utbildningsnivå saknas             | UNKNOWN
			EFTERGYMNASIAL UTBILDNING – MINDRE ÄN 3 ÅR    | POST_SECONDARY_SHORT
			Eftergymnasial mindre än 3 år                 | POST_SECONDARY_SHORT
			Eftergymnasial 3 år eller mer                 | POST_SECONDARY_3
			Gymnasial 3 år                                | UPPER_SECONDARY_3
			Gymnasial högst 2 år                          | UPPER_SECONDARY_2
			Grundskola 9 år                               | PRIMARY_9
			Grundskola kortare än 9 år                    | PRIMARY_SHORT
			Gymnasium 2 år                                | UPPER_SECONDARY_2
			Gymnasiet 3 år                                | UPPER_SECONDARY_3
			Högskola < 3 år                               | POST_SECONDARY_SHORT
			Högskola kortare än 3 år                      | POST_SECONDARY_SHORT
			Högskola 3 år eller mer                       | POST_SECONDARY_3
			högskola 3+ år                                | POST_SECONDARY_3
			""")
	void sunLabelsAsScbWritesThemAndTheirShortForms(String text, String code) {
		assertThat(STOCKHOLM.match(ImportField.EDUCATION, text)).contains(code);
	}

	@Test
	void anEducationWithoutItsLengthIsNotGuessed() {
		assertThat(STOCKHOLM.match(ImportField.EDUCATION, "Gymnasium")).isEmpty();
		assertThat(STOCKHOLM.match(ImportField.EDUCATION, "Eftergymnasial")).isEmpty();
		assertThat(STOCKHOLM.match(ImportField.EDUCATION, "Förgymnasial")).isEmpty();
		assertThat(STOCKHOLM.match(ImportField.EDUCATION, "Grundskola")).as("completed or not?").isEmpty();
		assertThat(STOCKHOLM.propose(ImportField.EDUCATION, "Grundskola")).contains("PRIMARY_9");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			<6 mån                  | UNDER_6_MONTHS
			< 6 månader             | UNDER_6_MONTHS
			under 6 mån             | UNDER_6_MONTHS
			0-6 mån                 | UNDER_6_MONTHS
			3 mån                   | UNDER_6_MONTHS
			6-12 mån                | MONTHS_6_TO_12
			6–12 månader            | MONTHS_6_TO_12
			6 - 12 mån.             | MONTHS_6_TO_12
			mellan 6 och 12 månader | MONTHS_6_TO_12
			6 mån                   | MONTHS_6_TO_12
			1-2 år                  | YEARS_1_TO_2
			1–2 år                  | YEARS_1_TO_2
			18 månader              | YEARS_1_TO_2
			Mer än 1 år, högst 2 år | YEARS_1_TO_2
			2-5 år                  | YEARS_2_TO_5
			3 år                    | YEARS_2_TO_5
			över 5 år               | OVER_5_YEARS
			mer än 5 år             | OVER_5_YEARS
			>5 år                   | OVER_5_YEARS
			5+ år                   | OVER_5_YEARS
			10 år                   | OVER_5_YEARS
			""")
	void timeWithoutWorkIsReadByItsBounds(String text, String code) {
		assertThat(STOCKHOLM.match(ImportField.TIME_WITHOUT_WORK, text)).contains(code);
	}

	@Test
	void aSpanAcrossBandsOrWithoutALengthIsLeftForAPerson() {
		assertThat(STOCKHOLM.match(ImportField.TIME_WITHOUT_WORK, "mer än 1 år")).as("more than one band").isEmpty();
		assertThat(STOCKHOLM.match(ImportField.TIME_WITHOUT_WORK, "under 2 år")).isEmpty();
		assertThat(STOCKHOLM.match(ImportField.TIME_WITHOUT_WORK, "aldrig arbetat")).as("no band says it").isEmpty();
		assertThat(STOCKHOLM.match(ImportField.TIME_WITHOUT_WORK, "länge")).isEmpty();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			sjuk                         | ILL_HEALTH
			Sjukskriven                  | ILL_HEALTH
			avbrutit                     | DROPPED_OUT
			Avbrutet av deltagaren       | DROPPED_OUT
			flyttat                      | MOVED
			AF:s insatser                | EMPLOYMENT_SERVICE
			Af:s insatser                | EMPLOYMENT_SERVICE
			arbetsförmedlingens insatser | EMPLOYMENT_SERVICE
			Fått jobb                    | WORK
			arbete                       | WORK
			Studerar                     | STUDIES
			FK-AF                        | REHAB_COOPERATION
			Rehabiliteringssamverkan FK-AF | REHAB_COOPERATION
			Jobbtorg                     | MUNICIPAL_LABOUR_MARKET
			""")
	void everydayExitReasons(String text, String code) {
		assertThat(STOCKHOLM.match(ImportField.EXIT_REASON, text)).contains(code);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Försäkringskassan                                    | Försäkringskassan
			FK                                                   | Försäkringskassan
			F-kassan                                             | Försäkringskassan
			AF                                                   | Arbetsförmedlingen
			Arbetsförmedlingen                                   | Arbetsförmedlingen
			Egen                                                 | Egen anmälan
			Södermalms stadsdelsförvaltning, ekonomiskt bistånd  | Södermalms stadsdelsförvaltning, ekonomiskt bistånd
			SDF Södermalm, ekonomiskt bistånd                    | Södermalms stadsdelsförvaltning, ekonomiskt bistånd
			Järva SDF ekonomiskt bistånd                         | Järva stadsdelsförvaltning, ekonomiskt bistånd
			""")
	void referrersByNameAbbreviationAndDistrictPrefix(String text, String unit) {
		assertThat(label(STOCKHOLM, ImportField.REFERRER, STOCKHOLM.match(ImportField.REFERRER, text))).isEqualTo(unit);
	}

	@Test
	void aMemberStandsForItsUnitOnlyWhenItHasExactlyOne() {
		assertThat(label(OSTRA_SODERTORN, ImportField.REFERRER, OSTRA_SODERTORN.match(ImportField.REFERRER, "Region Stockholm")))
			.isEqualTo("Primärvården");
		assertThat(label(OSTRA_SODERTORN, ImportField.REFERRER, OSTRA_SODERTORN.match(ImportField.REFERRER, "Haninge kommun")))
			.isEqualTo("Haninge kommun, socialtjänsten");
		assertThat(label(OSTRA_SODERTORN, ImportField.REFERRER, OSTRA_SODERTORN.match(ImportField.REFERRER, "SLL")))
			.isEqualTo("Primärvården");
		assertThat(label(STOCKHOLM, ImportField.REFERRER, STOCKHOLM.match(ImportField.REFERRER, "Region Stockholm")))
			.as("five units: the file says only the member").isEqualTo("Region Stockholm – enhet ej angiven");
		assertThat(label(STOCKHOLM, ImportField.REFERRER, STOCKHOLM.match(ImportField.REFERRER, "SLL")))
			.isEqualTo("Region Stockholm – enhet ej angiven");
		assertThat(label(STOCKHOLM, ImportField.REFERRER, STOCKHOLM.match(ImportField.REFERRER, "Stockholms stad")))
			.isEqualTo("Stockholms stad – enhet ej angiven");
		assertThat(label(OSTRA_SODERTORN, ImportField.REFERRER,
				OSTRA_SODERTORN.match(ImportField.REFERRER, "Region Stockholm – enhet ej angiven")))
			.as("chosen by its own name").isEqualTo("Region Stockholm – enhet ej angiven");
		assertThat(STOCKHOLM.propose(ImportField.REFERRER, "Region Stockholms")).as("no unit is guessed for a member").isEmpty();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Södermalm                                 | Södermalm
			SDF Södermalm                             | Södermalm
			Södermalms stadsdelsförvaltning           | Södermalm
			stadsdelsförvaltning Järva                | Järva
			Enskede-Årsta-Vantörs stadsdelsförvaltning| Enskede-Årsta-Vantör
			Enskede Årsta Vantör                      | Enskede-Årsta-Vantör
			Hässelby–Vällingby SDO                    | Hässelby-Vällingby
			Stadsdelsområde Östermalm                 | Östermalm
			""")
	void districtsWithTheirUsualPrefix(String text, String district) {
		assertThat(label(STOCKHOLM, ImportField.DISTRICT, STOCKHOLM.match(ImportField.DISTRICT, text))).isEqualTo(district);
	}

	@Test
	void theClosestChoiceIsProposedButNotMatched() {
		assertThat(STOCKHOLM.match(ImportField.DISTRICT, "Södermaln")).isEmpty();
		assertThat(label(STOCKHOLM, ImportField.DISTRICT, STOCKHOLM.propose(ImportField.DISTRICT, "Södermaln"))).isEqualTo("Södermalm");
		assertThat(STOCKHOLM.match(ImportField.EDUCATION, "Eftergymnasial utbilning mindre än tre år")).isEmpty();
		assertThat(STOCKHOLM.propose(ImportField.EDUCATION, "Eftergymnasial utbilning mindre än 3 år")).contains("POST_SECONDARY_SHORT");
		assertThat(STOCKHOLM.propose(ImportField.EXIT_REASON, "Flyttade utomlands")).contains("MOVED");
		assertThat(label(STOCKHOLM, ImportField.REFERRER, STOCKHOLM.propose(ImportField.REFERRER, "Beroendecentrum")))
			.isEqualTo("Beroendecentrum Stockholm");
	}

	@Test
	void nothingIsProposedForATextFarFromEveryChoice() {
		assertThat(STOCKHOLM.propose(ImportField.EXIT_REASON, "xyz")).isEmpty();
		assertThat(STOCKHOLM.propose(ImportField.DISTRICT, "Göteborg")).isEmpty();
		assertThat(STOCKHOLM.propose(ImportField.TIME_WITHOUT_WORK, "aldrig arbetat")).isEmpty();
		assertThat(STOCKHOLM.propose(ImportField.GENDER, "K")).isEmpty();
	}

	@Test
	void everySynonymFileNamesOnlyRealCodes() {
		Map<String, java.util.Set<String>> codes = Map.of(
				FollowupCodes.EDUCATION, STOCKHOLM.labels().get(FollowupCodes.EDUCATION).keySet(),
				FollowupCodes.TIME_WITHOUT_WORK, STOCKHOLM.labels().get(FollowupCodes.TIME_WITHOUT_WORK).keySet(),
				FollowupCodes.EXIT_REASON, STOCKHOLM.labels().get(FollowupCodes.EXIT_REASON).keySet());
		codes.forEach((list, known) -> assertThat(known).as(list).containsAll(ValueWords.synonyms(list).names().keySet()));
		assertThat(ValueWords.synonyms(FollowupCodes.INCOME_SOURCE).names()).isNotEmpty();
		assertThat(ValueWords.synonyms("DISTRICT").ignored()).contains("sdf", "stadsdelsforvaltning");
	}
}
