package se.samsyn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The national follow-up: only for the national analyst, always suppressed, only the förbund that opted in. */
class NationalReportIntegrationTests extends IntegrationTest {

	private static final String API = "/api/v1/reports/national-followup?from=2025-01-01&to=2025-12-31";
	private static final String PAGE = "/rapporter/nationell?from=2025-01-01&to=2025-12-31";
	private static final Pattern NUMBER_FIELD = Pattern.compile("\"(women|men|total|previousTotal)\":(\\d+)");

	@Test
	void onlyTheNationalAnalystGetsTheFigures() throws Exception {
		for (String token : List.of("samsyn-demo-kansli", "samsyn-demo-admin", "samsyn-demo-styrelse", "samsyn-demo-sysadmin")) {
			mvc.perform(get(API).header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		}
		mvc.perform(get(PAGE).session(login("demo-kansli"))).andExpect(status().isForbidden());
		mvc.perform(get(PAGE).session(login("demo-sysadmin"))).andExpect(status().isForbidden());
		mvc.perform(get(API).header("Authorization", "Bearer samsyn-demo-analytiker")).andExpect(status().isOk());
	}

	@Test
	void theFiguresCoverOnlyOptedInFörbundAndNeverShowACountFromOneToFour() throws Exception {
		long before = jdbc.sql("select count(*) from audit_event where action = 'NATIONAL_REPORT_VIEWED'").query(Long.class).single();
		String body = mvc.perform(get(API).header("Authorization", "Bearer samsyn-demo-analytiker"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode json = JsonMapper.shared().readTree(body);
		assertThat(json.get("suppressed").asBoolean()).isTrue();

		List<String> optedIn = jdbc.sql("select code from association where national_reporting order by code").query(String.class).list();
		List<String> optedOut = jdbc.sql("select code from association where not national_reporting").query(String.class).list();
		assertThat(optedIn).as("the demo has förbund in national reporting").contains("stockholm", "sodertalje");
		assertThat(optedOut).as("and one outside it").contains("ostra-sodertorn");
		List<String> included = new ArrayList<>();
		json.get("associations").forEach(a -> included.add(a.get("code").asString()));
		assertThat(included).containsExactlyInAnyOrderElementsOf(optedIn);
		List<String> perAssociation = new ArrayList<>();
		json.get("startedPerAssociation").get("rows").forEach(r -> perAssociation.add(r.get("code").asString()));
		assertThat(perAssociation).containsExactlyInAnyOrderElementsOf(optedIn);
		assertThat(body).doesNotContain("Östra Södertörn").doesNotContain("ostra-sodertorn");

		List<Long> numbers = new ArrayList<>();
		Matcher matcher = NUMBER_FIELD.matcher(body);
		while (matcher.find()) {
			numbers.add(Long.parseLong(matcher.group(2)));
		}
		assertThat(numbers).isNotEmpty().noneMatch(n -> n >= 1 && n <= 4);
		assertThat(body).contains("\"<5\"");

		List<String> keys = new ArrayList<>();
		json.get("tables").forEach(t -> keys.add(t.get("key").asString()));
		assertThat(keys).contains("ageBand", "referrerKind", "exitReason").doesNotContain("referrer", "referrerMember", "district");
		assertThat(body).as("no insatser and no targets").doesNotContain("Aktivitetsplatsen").doesNotContain("\"targets\"")
			.doesNotContain("interventionId");

		// The combined figures are the sum of the förbund's: the per-förbund started total equals the overview's.
		JsonNode startedTotal = json.get("startedPerAssociation").get("total").get("total");
		JsonNode overviewStarted = json.get("overview").get("rows").get(0).get("total");
		if (startedTotal.isNumber() && overviewStarted.isNumber()) {
			assertThat(startedTotal.asLong()).isEqualTo(overviewStarted.asLong()).isPositive();
		}

		long after = jdbc.sql("select count(*) from audit_event where action = 'NATIONAL_REPORT_VIEWED'").query(Long.class).single();
		assertThat(after - before).as("one audit entry per förbund included").isEqualTo(optedIn.size());
	}

	@Test
	void theAnalystsPageShowsTheFörbundAndSuppressedTables() throws Exception {
		String page = mvc.perform(get(PAGE).session(login("demo-analytiker")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Nationell uppföljning").contains("Samordningsförbundet Stockholms stad")
			.contains("Samordningsförbundet i Södertälje").doesNotContain("Samordningsförbundet Östra Södertörn")
			.contains("Startade per förbund").contains("Ålder vid start").contains("Anmälande part").contains("&lt;5")
			.contains("<svg").doesNotContainPattern("<td class=\"number\">[1-4]</td>").doesNotContain("Aktivitetsplatsen");
		String home = mvc.perform(get("/").session(login("demo-analytiker")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("href=\"/rapporter/nationell\"");
	}
}
