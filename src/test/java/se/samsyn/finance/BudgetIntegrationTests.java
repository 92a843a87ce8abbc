package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import se.samsyn.IntegrationTest;

class BudgetIntegrationTests extends IntegrationTest {

	@Test
	void stockholms2025BudgetReproducesChapter8() throws Exception {
		mvc.perform(get("/api/v1/associations/stockholm/budgets/2025").header("Authorization", "Bearer samsyn-demo-styrelse"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.frameKr").value(42_127_000))
			.andExpect(jsonPath("$.shares.individual").value(0.7244))
			.andExpect(jsonPath("$.shares.office").value(0.1858))
			.andExpect(jsonPath("$.shares.structural").value(0.0764))
			.andExpect(jsonPath("$.shares.closingEquity").value(0.0134))
			.andExpect(jsonPath("$.closingEquityKr").value(565_000))
			.andExpect(jsonPath("$.planYears[*].year").value(hasItem(2026)))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		mvc.perform(get("/forbund/stockholm/ekonomi/2025").session(login("demo-styrelse")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("72,44\u00A0%")))
			.andExpect(content().string(containsString("42\u00A0127")));
	}

	@Test
	void theOtherSeedsAddUpFromTheirLines() throws Exception {
		mvc.perform(get("/api/v1/associations/stockholm/budgets/2017").header("Authorization", "Bearer samsyn-demo-styrelse"))
			.andExpect(jsonPath("$.planYears[?(@.year == 2018)].totalCostsKr").value(hasItem(24_000_000)));
		mvc.perform(get("/api/v1/associations/sodertalje/budgets/2018").header("Authorization", "Bearer samsyn-demo-sysadmin"))
			.andExpect(status().isForbidden());
		var sodertalje = budgets.budget(directory.findByCode("sodertalje").orElseThrow(), 2018).orElseThrow();
		assertThat(sodertalje.budgetYear().figures().totalCostsKr()).isEqualTo(12_950_000);
		var ostra = budgets.budget(directory.findByCode("ostra-sodertorn").orElseThrow(), 2013).orElseThrow();
		assertThat(ostra.budgetYear().figures().frameKr()).isEqualTo(26_641_481);
	}

	@Test
	void invalidBudgetsAreRefusedAndNothingChanges() throws Exception {
		String before = mvc.perform(get("/api/v1/associations/stockholm/budgets/2025").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn().getResponse().getContentAsString();
		mvc.perform(put("/api/v1/associations/stockholm/budgets/2025").header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content("""
					{"openingEquityKr": 100, "lines": [
					  {"code": "A", "name": "Negativ", "group": "OFFICE", "amountKr": -5},
					  {"code": "B", "name": "Okänd grupp", "group": "LUNCH", "amountKr": 5},
					  {"year": 2024, "code": "C", "name": "Före budgetåret", "group": "OFFICE", "amountKr": 5}]}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'lines[0].amountKr')].message").value(hasItem("Talet kan inte vara negativt.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'lines[1].group')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'lines[2].year')].message").value(hasItem("Ett planår ska ligga mellan 2025 och 2027.")));
		String after = mvc.perform(get("/api/v1/associations/stockholm/budgets/2025").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andReturn().getResponse().getContentAsString();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void anAdoptedBudgetIsLockedAndAChangeStartsANewVersion() throws Exception {
		var kansli = login("demo-kansli");
		String body = """
				{"openingEquityKr": 1000000, "lines": [
				  {"code": "CONTRIB", "name": "Medlemsavgifter", "group": "CONTRIBUTION", "amountKr": 2000000},
				  {"code": "OFFICE", "name": "Kansli", "group": "OFFICE", "amountKr": 500000}]}
				""";
		mvc.perform(put("/api/v1/associations/stockholm/budgets/2031").header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.resultKr").value(1_500_000 - (long) jdbc.sql("select coalesce(sum(b.amount_kr), 0) from intervention_budget b join intervention i on i.id = b.intervention_id where i.association_id = ? and b.budget_year = 2031").param(associationId("stockholm")).query(Long.class).single()))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/forbund/stockholm/ekonomi/2031/faststall")
				.session(kansli).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("adoptedOn", "2026-06-01").param("decisionReference", "§ 7"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(put("/api/v1/associations/stockholm/budgets/2031").header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		assertThat(jdbc.sql("select status from budget where association_id = ? and budget_year = 2031 and version = 1")
			.param(associationId("stockholm")).query(String.class).single()).isEqualTo("ADOPTED");
	}

	@Test
	void anAdoptedBudgetKeepsTheInsatsCostsItWasAdoptedWith() throws Exception {
		var kansli = login("demo-kansli");
		long stockholm = associationId("stockholm");
		long insats = jdbc.sql("select min(id) from intervention where association_id = ?").param(stockholm).query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/forbund/stockholm/insatser/" + insats + "/budget")
				.session(kansli).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("year", "2033").param("amountKr", "1000000"));
		mvc.perform(put("/api/v1/associations/stockholm/budgets/2033").header("Authorization", "Bearer samsyn-demo-kansli")
				.contentType(MediaType.APPLICATION_JSON).content("""
					{"openingEquityKr": 0, "lines": [{"code": "CONTRIB", "name": "Avgifter", "group": "CONTRIBUTION", "amountKr": 2000000}]}
					"""))
			.andExpect(jsonPath("$.totalCostsKr").value(1_000_000));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/forbund/stockholm/ekonomi/2033/faststall")
				.session(kansli).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("adoptedOn", "2026-06-01").param("decisionReference", "§ 8"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/forbund/stockholm/insatser/" + insats + "/budget")
				.session(kansli).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("year", "2033").param("amountKr", "3000000"));
		mvc.perform(get("/api/v1/associations/stockholm/budgets/2033").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(jsonPath("$.status").value("ADOPTED"))
			.andExpect(jsonPath("$.totalCostsKr").value(1_000_000));
	}

	@org.springframework.beans.factory.annotation.Autowired
	private Budgets budgets;

	@org.springframework.beans.factory.annotation.Autowired
	private se.samsyn.platform.AssociationDirectory directory;
}
