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

/** The report page and API: exact figures for the kansli, suppressed ones for the board and for publication. */
class FollowupReportPagesIntegrationTests extends IntegrationTest {

	private static final String API = "/api/v1/associations/stockholm/reports/followup?from=2025-01-01&to=2025-12-31";
	private static final Pattern NUMBER_FIELD = Pattern.compile("\"(women|men|total|previousTotal)\":(\\d+)");

	private String json(String url, String token) throws Exception {
		return mvc.perform(get(url).header("Authorization", "Bearer " + token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private static List<Long> numbers(String json) {
		List<Long> numbers = new ArrayList<>();
		Matcher matcher = NUMBER_FIELD.matcher(json);
		while (matcher.find()) {
			numbers.add(Long.parseLong(matcher.group(2)));
		}
		return numbers;
	}

	@Test
	void theKansliSeesExactFiguresAndTheBoardNeverACountFromOneToFour() throws Exception {
		String exact = json(API, "samsyn-demo-kansli");
		assertThat(exact).contains("\"suppressed\":false").doesNotContain("<5");
		assertThat(numbers(exact)).as("small counts exist in the demo year").anyMatch(n -> n >= 1 && n <= 4);

		String board = json(API, "samsyn-demo-styrelse");
		assertThat(board).contains("\"suppressed\":true").contains("\"<5\"");
		assertThat(numbers(board)).isNotEmpty().noneMatch(n -> n >= 1 && n <= 4);

		String published = json(API + "&publication=true", "samsyn-demo-kansli");
		assertThat(published).contains("\"suppressed\":true");
		assertThat(numbers(published)).noneMatch(n -> n >= 1 && n <= 4);
		assertThat(published).contains("\"targets\":[").contains("\"status\":\"");
	}

	@Test
	void theBoardsPageShowsNoSmallCountAndNoPerson() throws Exception {
		var viewer = login("demo-styrelse");
		String page = mvc.perform(get("/forbund/stockholm/rapporter/uppfoljning?from=2025-01-01&to=2025-12-31").session(viewer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Uppföljningsrapport").contains("&lt;5").contains("Aktivitetsplatsen")
			.doesNotContainPattern("<td class=\"number\">[1-4]</td>");
		assertThat(withoutCsrfTokens(page)).as("no participant code").doesNotContainPattern("D-[A-Z0-9]{6}");
		assertThat(page).as("the targets of seed 002").contains("140 deltagare börjar insatsen").contains("Ej mätbart än");
	}

	@Test
	void aProjectLeaderReportsOnlyOnTheirOwnInsatser() throws Exception {
		long aktivitetsplatsen = jdbc.sql("select id from intervention where name = 'Aktivitetsplatsen'").query(Long.class).single();
		long ips = jdbc.sql("select id from intervention where name = 'Integrering av IPS i psykosvården'").query(Long.class).single();
		mvc.perform(get(API + "&interventionId=" + aktivitetsplatsen).header("Authorization", "Bearer samsyn-demo-projektledare"))
			.andExpect(status().isNotFound());
		String own = json(API, "samsyn-demo-projektledare");
		assertThat(own).contains("\"interventionIds\":[" + ips + "]").contains("\"suppressed\":false");
		mvc.perform(get(API.replace("stockholm", "sodertalje")).header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBrokenPeriodIsRefusedWithAMessage() throws Exception {
		String body = mvc.perform(get("/api/v1/associations/stockholm/reports/followup?from=2025-12-31&to=2025-01-01")
				.header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("Slutdatum kan inte ligga före startdatum.");
	}

	@Test
	void theBoardChoosesAStandardPeriodAndAllInsatserOrOne() throws Exception {
		var viewer = login("demo-styrelse");
		String page = mvc.perform(get("/forbund/stockholm/rapporter/uppfoljning?period=2025-Q2").session(viewer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("name=\"period\"").contains("<option value=\"2025-Q2\" selected=\"selected\">2025 – kvartal 2</option>")
			.contains("type=\"radio\" name=\"insats\"").doesNotContain("type=\"date\"").contains("href=\"/om/skyddade-tal\"")
			.contains("Perioden 2025-04-01 – 2025-06-30");

		String refused = mvc.perform(get("/forbund/stockholm/rapporter/uppfoljning?from=2025-02-01&to=2025-04-30").session(viewer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).as("the page says why and shows the last half-year instead").contains("standardperioder")
			.contains("Rätta följande");

		var kansli = login("demo-kansli");
		long first = jdbc.sql("select id from intervention where name = 'Aktivitetsplatsen'").query(Long.class).single();
		long second = jdbc.sql("select id from intervention where name = 'FINSAM-team'").query(Long.class).single();
		String both = mvc.perform(get("/forbund/stockholm/rapporter/uppfoljning?from=2025-02-01&to=2025-04-30&publicering=true&insats="
				+ first + "&insats=" + second).session(kansli))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(both).as("a publication of free dates and two insatser is refused on both counts, not a failure")
			.contains("standardperioder").contains("alla insatser eller en enda insats");
		assertThat(mvc.perform(get("/forbund/stockholm/rapporter/uppfoljning?from=2025-02-01&to=2025-04-30&insats=" + first
				+ "&insats=" + second).session(kansli)).andReturn().getResponse().getContentAsString())
			.as("the kansli's exact report keeps free dates and any selection").doesNotContain("standardperioder")
			.contains("type=\"date\"");
		mvc.perform(get("/om/skyddade-tal")).andExpect(status().isOk());
	}

	/** The random CSRF token may contain any letters, participant codes included. */
	private static String withoutCsrfTokens(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}
}
