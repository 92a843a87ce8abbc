package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import se.samsyn.IntegrationTest;

class FinanceIntegrationTests extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	private Contributions contributions;

	@org.springframework.beans.factory.annotation.Autowired
	private se.samsyn.platform.AssociationDirectory directory;

	@Test
	void stockholms2025ContributionsAreSplitHalfQuarterQuarter() throws Exception {
		mvc.perform(get("/api/v1/associations/stockholm/contributions/2025").header("Authorization", "Bearer samsyn-demo-styrelse"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalKr").value(36_168_000))
			.andExpect(jsonPath("$.members[?(@.name == 'Försäkringskassan')].amountKr").value(org.hamcrest.Matchers.hasItem(18_084_000)))
			.andExpect(jsonPath("$.members[?(@.name == 'Region Stockholm')].amountKr").value(org.hamcrest.Matchers.hasItem(9_042_000)))
			.andExpect(jsonPath("$.members[?(@.name == 'Stockholms stad')].amountKr").value(org.hamcrest.Matchers.hasItem(9_042_000)))
			.andExpect(jsonPath("$.members[?(@.name == 'Arbetsförmedlingen')].paidBy").value(org.hamcrest.Matchers.hasItem("Försäkringskassan")));
		mvc.perform(get("/api/v1/associations/stockholm/contributions/1999").header("Authorization", "Bearer samsyn-demo-styrelse"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theMunicipalQuarterIsSplitByPopulationAndAddsUpExactly() throws Exception {
		var kansli = login("demo-kansli");
		long ostra = associationId("ostra-sodertorn");
		var municipalities = jdbc.sql("select id from municipality where association_id = ? order by municipality_code").param(ostra)
			.query(Long.class).list();
		mvc.perform(post("/forbund/ostra-sodertorn/medlemsavgifter").session(kansli).with(csrf()).param("year", "2013")
				.param("totalKr", "18 000 000").param("population-" + municipalities.get(0), "77 000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ange kommunens befolkning")));
		assertThat(jdbc.sql("select count(*) from contribution_year where association_id = ? and contribution_year = 2013").param(ostra)
			.query(Long.class).single()).isZero();
		var request = post("/forbund/ostra-sodertorn/medlemsavgifter").session(kansli).with(csrf()).param("year", "2013")
			.param("totalKr", "18 000 001").param("populationDate", "2012-11-01");
		long[] populations = { 78_001, 43_002, 26_003 };
		for (int i = 0; i < municipalities.size(); i++) {
			request.param("population-" + municipalities.get(i), String.valueOf(populations[i]));
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
		var year = contributions.year(directory.findByCode("ostra-sodertorn").orElseThrow(), 2013).orElseThrow();
		assertThat(year.members().stream().filter(part -> part.kind() == se.samsyn.association.MemberKind.MUNICIPALITY)
			.mapToLong(part -> part.amount().value()).sum()).isEqualTo(4_500_000);
		assertThat(year.members().stream().mapToLong(part -> part.amount().value()).sum()).isEqualTo(18_000_001);
		mvc.perform(get("/forbund/ostra-sodertorn/medlemsavgifter").param("year", "2013").session(kansli))
			.andExpect(content().string(containsString("betalas av Försäkringskassan")));
	}

	@Test
	void theMemberOfferingLeastRelativeToItsShareSetsTheWhole() throws Exception {
		var kansli = login("demo-kansli");
		long stockholm = associationId("stockholm");
		java.util.function.Function<String, String> member = name -> String.valueOf(jdbc.sql(
				"select id from member where association_id = ? and name = ?").params(stockholm, name).query(Long.class).single());
		mvc.perform(post("/forbund/stockholm/medlemsavgifter").session(kansli).with(csrf()).param("year", "2016")
				.param("totalKr", "8 000 000").param("offer-" + member.apply("Försäkringskassan"), "4 500 000"))
			.andExpect(content().string(containsString("Ange beslutat bidrag för alla medlemmar som betalar, eller för ingen.")));
		mvc.perform(post("/forbund/stockholm/medlemsavgifter").session(kansli).with(csrf()).param("year", "2016")
				.param("totalKr", "8 000 000")
				.param("offer-" + member.apply("Försäkringskassan"), "4 500 000")
				.param("offer-" + member.apply("Region Stockholm"), "2 500 000")
				.param("offer-" + member.apply("Stockholms stad"), "2 000 000"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/associations/stockholm/contributions/2016").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(jsonPath("$.binding.name").value("Stockholms stad"))
			.andExpect(jsonPath("$.binding.totalKr").value(8_000_000));
	}

	@Test
	void theCalculatorReadsACsvFileAndOutcomesCanBeTypedIn() throws Exception {
		var csv = new org.springframework.mock.web.MockMultipartFile("file", "forbund.csv", "text/csv",
				"\uFEFFkod;befolkning;försörjningsmått\na;100000;3000\nb;300000;1000\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/idealfordelning").file(csv)
				.param("stateTotalKr", "10000000").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("6\u00A0150\u00A0000\u00A0kr")));

		var kansli = login("demo-kansli");
		mvc.perform(post("/forbund/stockholm/ekonomi/2025/utfall/manad").session(kansli).with(csrf())
				.param("lineCode", "OFFICE-SALARY").param("month", "13").param("amountKr", "400000"))
			.andExpect(content().string(containsString("Ange en månad från 1 till 12.")));
		mvc.perform(post("/forbund/stockholm/ekonomi/2025/utfall/manad").session(kansli).with(csrf())
				.param("lineCode", "OFFICE-SALARY").param("month", "3").param("amountKr", "400 000"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select amount_kr from budget_actual where association_id = ? and actual_month = 3 and line_code = 'OFFICE-SALARY'")
			.param(associationId("stockholm")).query(Long.class).single()).isEqualTo(400_000);
	}

	@Test
	void aViewerCannotEnterContributions() throws Exception {
		mvc.perform(post("/forbund/stockholm/medlemsavgifter").session(login("demo-styrelse")).with(csrf())
				.param("year", "2030").param("totalKr", "1000"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theIdealAllocationIsPublicAndExplainsBadInput() throws Exception {
		mvc.perform(post("/api/v1/ideal-allocation").contentType(MediaType.APPLICATION_JSON).content("""
				{"year": 2025, "stateTotalKr": 10000000, "associations": [
				  {"code": "a", "population16to64": 100000, "supportMeasure": 3000},
				  {"code": "b", "population16to64": 300000, "supportMeasure": 1000}]}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allocations[0].allocationKr").value(6_150_000))
			.andExpect(jsonPath("$.allocations[0].idealBudgetKr").value(12_300_000))
			.andExpect(jsonPath("$.allocations[1].allocationKr").value(3_850_000));
		mvc.perform(post("/api/v1/ideal-allocation").contentType(MediaType.APPLICATION_JSON).content("""
				{"stateTotalKr": 500000, "associations": [{"code": "a", "population16to64": -1, "supportMeasure": 5},
				  {"code": "a", "population16to64": 5, "supportMeasure": 5}]}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'stateTotalKr')].message")
				.value(org.hamcrest.Matchers.hasItem("Statens medel räcker inte till grundbeloppet för varje förbund.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'associations[1].code')].message")
				.value(org.hamcrest.Matchers.hasItem("Samma förbund finns två gånger.")));
		mvc.perform(get("/idealfordelning").param("stateTotalKr", "10 000 000")
				.param("rows", "a; 100000; 3000\nb; 300000; 1000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("6\u00A0150\u00A0000\u00A0kr")));
	}

	@Test
	void theCalculatorTakesRowsPastedFromASpreadsheetOrSavedAsCsv() throws Exception {
		for (String rows : List.of("a\t100000\t3000\nb\t300000\t1000", "\"a\";\"100 000\";3000\r\n\r\n\"b\";300000;\"1 000\"")) {
			mvc.perform(get("/idealfordelning").param("stateTotalKr", "10 000 000").param("rows", rows))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("6\u00A0150\u00A0000\u00A0kr")));
		}
		mvc.perform(get("/idealfordelning").param("stateTotalKr", "10 000 000").param("rows", "a;100000;3000\n\nb;300000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Rad 3 ska ha tre delar")));
	}
}
