package se.samsyn.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

class InterventionPagesIntegrationTests extends IntegrationTest {

	@Test
	void stockholmsTabell5IsComputedFromTheLines() throws Exception {
		String page = mvc.perform(get("/forbund/stockholm/budget").param("from", "2024").session(login("demo-styrelse")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String table = page.replace('\u00A0', ' ');
		assertThat(table).contains("Budget 2024", "Budget 2025", "Plan 2027");
		assertThat(row(table, "Summa individinriktade insatser")).containsSequence("30 515");
		assertThat(row(table, "Summa strukturella insatser")).containsSequence("3 219");
		assertThat(row(table, "Totalt insatser")).containsSequence("33 734");
	}

	@Test
	void everyDemoTargetHasAMeasurableDefinitionOrIsReportedByHand() {
		long stockholm = associationId("stockholm");
		List<String> metrics = jdbc.sql("""
				select t.metric from intervention_target t join intervention i on i.id = t.intervention_id
				 where i.association_id = ? and t.target_year = 2025
				""").param(stockholm).query(String.class).list();
		assertThat(metrics).isNotEmpty();
		assertThat(metrics).filteredOn(metric -> !metric.equals("MANUAL")).isNotEmpty();
		assertThat(jdbc.sql("""
				select count(*) from intervention i where i.association_id = ? and i.kind = 'INDIVIDUAL' and i.follow_up = 'PERSON'
				   and exists (select 1 from intervention_budget b where b.intervention_id = i.id and b.budget_year = 2025)
				   and not exists (select 1 from intervention_target t where t.intervention_id = i.id and t.target_year = 2025)
				""").param(stockholm).query(Long.class).single())
			.as("every individinriktad insats of 2025 has its expected results").isZero();
	}

	@Test
	void theListFiltersByYearKindAndStatus() throws Exception {
		var session = login("demo-kansli");
		mvc.perform(get("/forbund/stockholm/insatser").param("year", "2025").param("kind", "STRUCTURAL").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Strukturell")));
		mvc.perform(get("/forbund/stockholm/insatser").param("status", "REJECTED").param("kind", "INDIVIDUAL").session(session))
			.andExpect(status().isOk());
	}

	@Test
	void aPageFormRefusesTooFewMembersInSwedishAndSavesNothing() throws Exception {
		var session = login("demo-kansli");
		long member = jdbc.sql("select min(id) from member where association_id = ?").param(associationId("stockholm"))
			.query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/insatser/ny").session(session).with(csrf())
				.param("name", "Ensam insats").param("kind", "INDIVIDUAL").param("memberIds", String.valueOf(member))
				.param("startDate", "2026-05-01").param("endDate", "2026-04-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Minst 2 av förbundets medlemmar måste delta i insatsen")))
			.andExpect(content().string(containsString("Slutdatumet kan inte ligga före startdatumet.")));
		assertThat(jdbc.sql("select count(*) from intervention where name = 'Ensam insats'").query(Long.class).single()).isZero();
	}

	@Test
	void aBudgetYearWithANegativeAmountOrAShareAbove100IsRefused() throws Exception {
		var session = login("demo-kansli");
		long id = jdbc.sql("select min(id) from intervention where association_id = ?").param(associationId("stockholm"))
			.query(Long.class).single();
		mvc.perform(post("/forbund/stockholm/insatser/" + id + "/budget").session(session).with(csrf())
				.param("year", "2031").param("amountKr", "-100"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Talet kan inte vara negativt.")));
		mvc.perform(post("/forbund/stockholm/insatser/" + id + "/mal").session(session).with(csrf())
				.param("year", "2031").param("text", "Nästan alla kvinnor").param("metric", "SHARE_WOMEN")
				.param("comparator", "AT_LEAST").param("threshold", "150"))
			.andExpect(content().string(containsString("En andel kan inte vara över 100 %.")));
		assertThat(jdbc.sql("select count(*) from intervention_budget where budget_year = 2031").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from intervention_target where target_year = 2031").query(Long.class).single()).isZero();
	}

	@Test
	void fidelityIsScoredAndMeasuresItsTarget() throws Exception {
		var session = login("demo-kansli");
		String created = mvc.perform(post("/forbund/stockholm/insatser/ny").session(session).with(csrf())
				.param("name", "IPS-test för programtrohet").param("kind", "INDIVIDUAL")
				.param("memberIds", memberIds().get(0).toString(), memberIds().get(1).toString()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(created + "/mal").session(session).with(csrf()).param("year", "2026")
				.param("text", "God programtrohet, minst 100 av 125").param("metric", "FIDELITY_SCORE")
				.param("comparator", "AT_LEAST").param("threshold", "100"));
		mvc.perform(get(created).session(session)).andExpect(content().string(containsString("Ej mätbart än")));
		var request = post(created + "/programtrohet").session(session).with(csrf())
			.param("assessedOn", "2026-03-01").param("assessor", "Extern granskare");
		for (int i = 1; i <= 25; i++) {
			request.param("item" + i, i <= 20 ? "4" : "5");
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
		mvc.perform(get(created).session(session))
			.andExpect(content().string(containsString("105 av 125")))
			.andExpect(content().string(containsString("God programtrohet")))
			.andExpect(content().string(containsString("Uppfyllt")));
	}

	@Test
	void coFinancingAndTheSteeringGroupAreKeptOnThePage() throws Exception {
		var session = login("demo-kansli");
		long id = jdbc.sql("select min(id) from intervention where association_id = ?").param(associationId("stockholm"))
			.query(Long.class).single();
		String base = "/forbund/stockholm/insatser/" + id;
		mvc.perform(post(base + "/medfinansiering").session(session).with(csrf()).param("funder", "Europeiska socialfonden")
				.param("project", "LumenaConecto").param("year", "2025").param("amountKr", "1 200 000"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/styrgrupp").session(session).with(csrf()).param("name", "Karin Ek").param("role", "ordförande"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(base + "/medfinansiering").session(session).with(csrf()).param("funder", "").param("year", "1999")
				.param("amountKr", "-3"))
			.andExpect(content().string(containsString("Fältet måste fyllas i.")))
			.andExpect(content().string(containsString("Ange ett år mellan 2000 och 2100.")));
		mvc.perform(get(base).session(session))
			.andExpect(content().string(containsString("LumenaConecto")))
			.andExpect(content().string(containsString("1\u00A0200\u00A0000\u00A0kr")))
			.andExpect(content().string(containsString("Karin Ek")));
	}

	@Test
	void aViewerCannotChangeAnInsatsThroughThePages() throws Exception {
		var viewer = login("demo-styrelse");
		long id = jdbc.sql("select min(id) from intervention where association_id = ?").param(associationId("stockholm"))
			.query(Long.class).single();
		mvc.perform(get("/forbund/stockholm/insatser/ny").session(viewer)).andExpect(status().isForbidden());
		mvc.perform(get("/forbund/stockholm/insatser/" + id).session(viewer)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Lägg till förväntat resultat"))));
		mvc.perform(post("/forbund/stockholm/insatser/" + id + "/budget").session(viewer).with(csrf())
				.param("year", "2032").param("amountKr", "5")).andExpect(status().isForbidden());
		mvc.perform(post("/forbund/stockholm/insatser/" + id + "/beslut").session(viewer).with(csrf())
				.param("action", "END")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from intervention_budget where budget_year = 2032").query(Long.class).single()).isZero();
	}

	@Test
	void anInsatsCannotEndBeforeItStartsAndAbsurdYearsAreRefused() throws Exception {
		var session = login("demo-kansli");
		String created = mvc.perform(post("/forbund/stockholm/insatser/ny").session(session).with(csrf())
				.param("name", "Startar nästa år " + System.nanoTime() % 100000).param("kind", "INDIVIDUAL")
				.param("memberIds", memberIds().get(0).toString(), memberIds().get(1).toString()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(created + "/beslut").session(session).with(csrf()).param("action", "PREPARE").param("decidedOn", "2026-01-10"));
		mvc.perform(post(created + "/beslut").session(session).with(csrf()).param("action", "APPROVE").param("decidedOn", "2026-02-10")
			.param("reference", "§ 9").param("amountKr", "10000").param("periodStart", "2099-01-01"));
		mvc.perform(post(created + "/beslut").session(session).with(csrf()).param("action", "START"));
		mvc.perform(post(created + "/beslut").session(session).with(csrf()).param("action", "END"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Insatsen kan inte avslutas före sitt startdatum.")));
		mvc.perform(post(created + "/budget").session(session).with(csrf()).param("year", "4294969296").param("amountKr", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ange ett heltal från")));
	}

	private List<Long> memberIds() {
		return jdbc.sql("select id from member where association_id = ? order by id").param(associationId("stockholm"))
			.query(Long.class).list();
	}

	/** The text of the table row that starts with the heading. */
	private static String row(String html, String heading) {
		int start = html.indexOf(heading);
		assertThat(start).as("row %s", heading).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}
}
