package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * Consent is never assumed: a file without a Samtycke column is saved only after the user says, once for the
 * file, that everyone consented (and when) or that nobody did – then its rows are anonymous starts only.
 */
class ImportConsentIntegrationTests extends ImportTestSupport {

	private static final String KANSLI = "Bearer samsyn-demo-kansli";
	private static final String UNDECIDED = "Filen har ingen kolumn Samtycke, och samtycke antas aldrig.";

	@Test
	void aFileWithoutASamtyckeColumnIsNotSavedUntilTheApiSaysWhatHoldsForAllItsRows() throws Exception {
		String first = personnummer(LocalDate.of(1987, 4, 3));
		String second = personnummer(LocalDate.of(1992, 10, 19));
		String csv = "Personnummer;Startdatum;Utbildning\n" + first + ";2024-04-02;Gymnasial utbildning 3 år\n" + second
				+ ";2024-04-09;Förgymnasial utbildning 9 år\n";
		String before = counts();
		JsonNode uploaded = body(upload(ips(), csv));
		long id = uploaded.get("id").asLong();
		assertThat(uploaded.get("status").asString()).isEqualTo("NEEDS_MAPPING");
		assertThat(uploaded.get("consentColumn").asBoolean()).isFalse();
		assertThat(uploaded.get("consent").isNull()).isTrue();
		assertThat(uploaded.get("errors")).singleElement()
			.satisfies(e -> assertThat(e.get("column").asString() + ": " + e.get("message").asString()).startsWith("Samtycke: " + UNDECIDED));

		MvcResult refused = commit(id, null);
		assertThat(refused.getResponse().getStatus()).as("consent is not assumed").isEqualTo(422);
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(text(refused)).contains(UNDECIDED);
		assertThat(counts()).isEqualTo(before);

		assertThat(fieldErrors(mapping(id, "{\"consent\": \"KANSKE\"}"))).containsExactly(
				"consent: Okänt värde i parametern consent. Tillåtna värden: ALL_CONSENTED, NONE.");
		assertThat(fieldErrors(mapping(id, "{\"consent\": \"ALL_CONSENTED\"}"))).containsExactly(
				"consentDate: Fältet måste fyllas i.");
		assertThat(fieldErrors(commit(id, "{\"consent\": \"ALL_CONSENTED\", \"consentDate\": \"" + LocalDate.now().plusDays(3) + "\"}")))
			.singleElement().asString().startsWith("consentDate: ");
		assertThat(counts()).isEqualTo(before);

		MvcResult committed = commit(id, "{\"consent\": \"ALL_CONSENTED\", \"consentDate\": \"2024-03-28\"}");
		assertThat(committed.getResponse().getStatus()).as(text(committed)).isEqualTo(200);
		assertThat(body(committed).get("created").asInt()).isEqualTo(2);
		assertThat(body(committed).get("consent").asString()).isEqualTo("ALL_CONSENTED");
		assertThat(jdbc.sql("select consent_date from enrollment where import_id = ?").param(id).query(LocalDate.class).list())
			.containsExactly(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 3, 28));
		assertThat(jdbc.sql("select detail from audit_event where action = 'IMPORT_COMMITTED' and target_id = ?")
			.param(String.valueOf(id)).query(String.class).single()).endsWith("samtycke för hela filen 2024-03-28");
		mvc.perform(delete(API + "/" + id).header("Authorization", KANSLI));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void nobodyConsentedCountsTheRowsOnlyAsAnonymousStartsByGenderAndYear() throws Exception {
		String woman = personnummer(LocalDate.of(1985, 6, 1));
		String csv = "Personnummer;Kön;Födelseår;Startdatum;Slutdatum;Avslutsorsak\n" + woman + ";;;2024-05-06;;\n"
				+ ";M;1979;2024-05-07;2024-08-30;Arbete\n" + ";K;1990;2025-01-13;;\n";
		String before = counts();
		long participants = count("participant");
		long id = body(upload(ips(), csv)).get("id").asLong();
		JsonNode mapped = body(mapping(id, "{\"consent\": \"NONE\"}"));
		assertThat(mapped.get("status").asString()).isEqualTo("PREVIEW");
		assertThat(mapped.get("errors")).isEmpty();
		assertThat(mapped.get("notices").toString()).contains("raderna sparas bara som anonyma starter");

		assertThat(body(commit(id, null)).get("created").asInt()).isEqualTo(3);
		assertThat(count("participant")).as("no person is registered").isEqualTo(participants);
		assertThat(jdbc.sql("select count(*) from enrollment where import_id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select extract(year from start_date) || ' ' || gender || ' ' || reason from anonymous_start"
				+ " where import_id = ? order by start_date").param(id).query(String.class).list())
			.containsExactly("2024 " + Personnummer.parse(woman, LocalDate.now()).value().legalGender() + " NO_CONSENT",
					"2024 MAN NO_CONSENT", "2025 WOMAN NO_CONSENT");
		mvc.perform(delete(API + "/" + id).header("Authorization", KANSLI));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void theImportPageAsksOnceForTheFileAndAFileWithASamtyckeColumnIsAsBefore() throws Exception {
		MockHttpSession session = login("demo-kansli");
		String pages = "/forbund/stockholm/uppfoljning/import";
		MvcResult uploaded = mvc.perform(multipart(pages).file(new MockMultipartFile("file", "utan-samtycke.csv", "text/csv",
				"Kön;Födelseår;Startdatum\nK;1988;2024-02-05\nM;1991;2024-02-06\n".getBytes(StandardCharsets.UTF_8)))
			.param("interventionId", String.valueOf(ips())).session(session).with(csrf())).andReturn();
		String location = uploaded.getResponse().getRedirectedUrl();
		String page = text(mvc.perform(get(location).session(session)).andReturn());
		assertThat(page).contains("Samtycke för hela filen").contains("name=\"consent\" value=\"ALL_CONSENTED\"")
			.contains("name=\"consent\" value=\"NONE\"").contains("Datum för samtycket").doesNotContain("Spara 2 rader");

		String refused = text(mvc.perform(post(location + "/koppling").session(session).with(csrf())
			.param("header0", "Kön").param("field0", "gender").param("consent", "ALL_CONSENTED")).andReturn());
		assertThat(refused).as("everyone consented, but when?").contains("error-summary").contains("href=\"#f-consentDate\"");

		mvc.perform(post(location + "/koppling").session(session).with(csrf()).param("header0", "Kön").param("field0", "gender")
			.param("consent", "NONE"));
		page = text(mvc.perform(get(location).session(session)).andReturn());
		assertThat(page).contains("Spara 2 rader").contains("raderna sparas bara som anonyma starter")
			.contains("value=\"NONE\" checked");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(post(location + "/ta-bort").session(session).with(csrf()));
		assertThat(jdbc.sql("select status from followup_import where id = ?").param(id).query(String.class).single())
			.isEqualTo("DISCARDED");

		JsonNode withColumn = body(upload(ips(), "Kön;Födelseår;Startdatum;Samtycke\nK;1988;2024-02-05;Ja\nM;1991;2024-02-06;Nej\n"));
		assertThat(withColumn.get("status").asString()).as("a Samtycke column answers row by row, as before").isEqualTo("PREVIEW");
		assertThat(withColumn.get("consentColumn").asBoolean()).isTrue();
		long columnId = withColumn.get("id").asLong();
		assertThat(text(mvc.perform(get(pages + "/" + columnId).session(session)).andReturn()))
			.as("the page asks nothing about consent").doesNotContain("Samtycke för hela filen").contains("Spara 2 rader");
		assertThat(fieldErrors(mapping(columnId, "{\"consent\": \"NONE\"}")))
			.containsExactly("consent: Filen har en kolumn Samtycke; samtycket läses där för varje rad.");
		mvc.perform(delete(API + "/" + columnId).header("Authorization", KANSLI));
	}

	private MvcResult mapping(long id, String json) throws Exception {
		return mvc.perform(put(API + "/" + id + "/mapping").header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andReturn();
	}

	private MvcResult commit(long id, String json) throws Exception {
		var request = post(API + "/" + id + "/commit").header("Authorization", KANSLI);
		return mvc.perform(json == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
	}

	/** The field errors of a 400 answer. */
	private List<String> fieldErrors(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(text(result)).isEqualTo(400);
		List<String> errors = new ArrayList<>();
		body(result).get("errors").forEach(e -> errors.add(e.get("field").asString() + ": " + e.get("message").asString()));
		return errors;
	}
}
