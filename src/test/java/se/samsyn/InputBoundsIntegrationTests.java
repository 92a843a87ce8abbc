package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samsyn.followup.ImportTestSupport;

/**
 * Input has bounds wherever it comes in: dates in 1900–2100, lists of a sane length, filter values that
 * exist. Each is refused with Swedish problem details naming the field or parameter – never ignored, never a 500.
 */
class InputBoundsIntegrationTests extends IntegrationTest {

	private static final String KANSLI = "Bearer samsyn-demo-kansli";
	private static final String INTERVENTIONS = "/api/v1/associations/stockholm/interventions";
	private static final String OUTSIDE = "Datumet måste ligga mellan 1900-01-01 och 2100-12-31.";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void datesOutside1900To2100AreRefusedInTheApiTheFormsAndImports() throws Exception {
		long interventions = count("intervention");
		JsonNode insats = refused(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
			.content(insats("Långt fram", "+999999-01-01", "1899-12-31", List.of())));
		assertThat(errors(insats)).contains("startDate: " + OUTSIDE, "endDate: " + OUTSIDE);
		assertThat(count("intervention")).isEqualTo(interventions);

		long enrollments = count("enrollment") + count("anonymous_start");
		String start = INTERVENTIONS + "/" + novum() + "/enrollments";
		JsonNode episode = refused(post(start).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON).content("""
				{"gender": "WOMAN", "birthYear": 1990, "consent": true, "consentDate": "2025-01-10", "startDate": "+999999-01-01"}
				"""));
		assertThat(errors(episode)).containsExactly("startDate: " + OUTSIDE);
		assertThat(errors(refused(get(start).param("from", "+999999-01-01").header("Authorization", KANSLI))))
			.containsExactly("from: " + OUTSIDE);
		assertThat(errors(refused(get("/api/v1/associations/stockholm/reports/followup").param("from", "1066-10-14")
			.param("to", "2025-12-31").header("Authorization", KANSLI)))).containsExactly("from: " + OUTSIDE);

		String form = text(mvc.perform(post("/forbund/stockholm/insatser/" + novum() + "/deltagare/ny").session(login("demo-kansli"))
			.with(csrf()).param("consent", "true").param("gender", "MAN").param("birthYear", "1980")
			.param("consentDate", "1850-01-01").param("startDate", "2025-01-15")).andReturn());
		assertThat(form).as("the start form").contains(OUTSIDE);

		ImportTestSupport.moveImportIds(jdbc);
		MvcResult uploaded = mvc.perform(multipart("/api/v1/associations/stockholm/imports")
			.file(new MockMultipartFile("file", "gammal.csv", "text/csv",
					"Kön;Födelseår;Startdatum;Samtycke\nK;1980;1850-03-01;Ja\nM;1981;99999;Ja\n".getBytes(StandardCharsets.UTF_8)))
			.param("interventionId", String.valueOf(novum())).header("Authorization", KANSLI)).andReturn();
		assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
		List<String> rows = new ArrayList<>();
		body(uploaded).get("errors").forEach(e -> rows.add(e.get("row").asInt() + " " + e.get("column").asString() + ": "
				+ e.get("message").asString()));
		assertThat(rows).as("the date 1850 and the Excel day number 99999 (the year 2173)")
			.containsExactly("2 Startdatum: " + OUTSIDE, "3 Startdatum: " + OUTSIDE);
		assertThat(count("enrollment") + count("anonymous_start")).isEqualTo(enrollments);
		mvc.perform(delete("/api/v1/associations/stockholm/imports/" + body(uploaded).get("id").asLong()).header("Authorization", KANSLI));
	}

	@Test
	void listsInARequestHaveMaxima() throws Exception {
		long interventions = count("intervention");
		List<String> targets = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			targets.add("{\"year\": 2026, \"text\": \"Mål " + i + "\", \"metric\": \"STARTED_COUNT\", \"comparator\": \"AT_LEAST\", \"threshold\": 1}");
		}
		JsonNode problem = refused(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
			.content(insats("Femtusen mål", "2026-01-01", "2026-12-31", targets)));
		assertThat(errors(problem)).as("one error for the list, not one per target").containsExactly("targets: Högst 200 får anges.");
		assertThat(count("intervention")).isEqualTo(interventions);

	}

	@Test
	void unknownFilterValuesAreRefusedNamingTheParameter() throws Exception {
		String list = INTERVENTIONS + "/" + novum() + "/enrollments";
		assertThat(errors(refused(get(list).param("status", "EVIL").header("Authorization", KANSLI))))
			.containsExactly("status: Okänt värde i parametern status. Tillåtna värden: ONGOING, ENDED.");
		assertThat(mvc.perform(get(list).param("status", "ONGOING").header("Authorization", KANSLI)).andReturn()
			.getResponse().getStatus()).isEqualTo(200);

		MvcResult year = mvc.perform(get(INTERVENTIONS).param("year", "EVIL").header("Authorization", KANSLI)).andReturn();
		assertThat(year.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(year).get("detail").asString()).isEqualTo("Ogiltigt värde för year.");
		MvcResult publication = mvc.perform(get("/api/v1/associations/stockholm/reports/followup").param("from", "2025-01-01")
			.param("to", "2025-06-30").param("publication", "EVIL").header("Authorization", KANSLI)).andReturn();
		assertThat(publication.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(publication).get("detail").asString()).isEqualTo("Ogiltigt värde för publication.");
	}

	private long novum() {
		return jdbc.sql("select id from intervention where name = 'Novum'").query(Long.class).single();
	}

	private String insats(String name, String start, String end, List<String> targets) {
		String members = String.join(",", jdbc.sql("select id from member where association_id = ? order by id limit 2")
			.param(associationId("stockholm")).query(Long.class).list().stream().map(String::valueOf).toList());
		return """
				{"name": "%s", "kind": "INDIVIDUAL", "startDate": "%s", "endDate": "%s", "memberIds": [%s], "targets": [%s]}
				""".formatted(name + " " + System.nanoTime(), start, end, members, String.join(",", targets));
	}

	/** The answer is 400 problem details in Swedish; returns its body. */
	private JsonNode refused(RequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(text(result)).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode body = body(result);
		assertThat(body.get("title").asString()).isEqualTo("Uppgifterna är inte giltiga");
		return body;
	}

	private static List<String> errors(JsonNode problem) {
		List<String> errors = new ArrayList<>();
		problem.get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("message").asString()));
		return errors;
	}

	private JsonNode body(MvcResult result) throws Exception {
		return json.readTree(text(result));
	}

	private static String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
