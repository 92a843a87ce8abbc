package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

import se.samsyn.IntegrationTest;

/**
 * Input that used to end in a 500, a stack trace or a broken PDF gets a clear Swedish answer instead. Runs
 * on a real port as well as through MockMvc: the container's own handling (decoding query strings, taking
 * uploads apart, the error page) only happens in the real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HardeningWebIntegrationTests extends IntegrationTest {

	private static final String INTERVENTIONS = "/api/v1/associations/stockholm/interventions";
	private static final String KANSLI = "Bearer samsyn-demo-kansli";
	private static final String CONTROL = "Texten innehåller styrtecken eller andra ogiltiga tecken som inte kan sparas.";

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	// --- 1. control characters in stored text

	@Test
	void controlCharactersInStoredTextAreRefusedFieldByFieldAndTheBudgetPdfStillWorks() throws Exception {
		long existing = jdbc.sql("select min(id) from intervention where association_id = ?").param(associationId("stockholm"))
			.query(Long.class).single();
		String nameBefore = jdbc.sql("select name from intervention where id = ?").param(existing).query(String.class).single();
		// JSON escapes, as a client would send them: a NUL, a lone surrogate half and a non-character.
		for (String name : new String[] { "Styr\\u0000tecken", "Styr\\ud800tecken", "Styrtecken\\uffff", "Styr\\u001btecken" }) {
			mvc.perform(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
					.content(insats(name, "En beskrivning")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.title").value("Uppgifterna är inte giltiga"))
				.andExpect(jsonPath("$.errors[0].field").value("name"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(CONTROL)));
			mvc.perform(put(INTERVENTIONS + "/" + existing).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
					.content(insats(name, null)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("name"));
		}
		// A NUL at the end would once have been trimmed away silently; tabs and line breaks belong to multi-line fields only.
		mvc.perform(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
				.content(insats("Styrtecken\\u0000", "Rad ett\\n\\tRad två\\u0000")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem(containsString(CONTROL))))
			.andExpect(jsonPath("$.errors[?(@.field == 'description')].message").value(hasItem(containsString(CONTROL))));
		mvc.perform(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
				.content(insats("Styrtecken\\tmed tabb", null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("Fältet ska vara en enda rad: ta bort radbrytningar och tabbtecken."));
		assertThat(jdbc.sql("select count(*) from intervention where name like 'Styr%tecken%'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select name from intervention where id = ?").param(existing).query(String.class).single())
			.isEqualTo(nameBefore);

		// The insats form shows the error beside the field and keeps nothing.
		mvc.perform(post("/forbund/stockholm/insatser/ny").session(login("demo-kansli")).with(csrf())
				.param("name", "Styr\u0000tecken i formulär").param("kind", "INDIVIDUAL")
				.param("memberIds", members()[0], members()[1]))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"f-name-error\">" + CONTROL)));
		assertThat(jdbc.sql("select count(*) from intervention where name like 'Styr%formulär'").query(Long.class).single()).isZero();

		// Line breaks in a multi-line field are fine, and the budget PDF prints for everyone.
		String location = mvc.perform(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
				.content(insats("Hel och ren text", "Rad ett\\r\\nRad två\\n\\tindragen")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		long created = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		try {
			assertThat(budgetPdfText()).contains("Hel och ren text");
			// Text stored before these rules (PostgreSQL never held a NUL) no longer stops the PDF either.
			boolean h2 = !"postgresql".equals(System.getProperty("samsyn.test.database"));
			jdbc.sql("update intervention set name = ? where id = ?")
				.params("Äldre" + (h2 ? "\u0000\ud800" : "") + "\uffff text", created).update();
			assertThat(budgetPdfText()).contains("Äldre text");
		}
		finally {
			jdbc.sql("delete from intervention where id = ?").param(created).update();
		}
	}

	@Test
	void namesOfPeopleAndTheFörbundsOwnListsRefuseControlCharactersToo() throws Exception {
		var admin = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/anvandare/ny").session(admin).with(csrf())
				.param("displayName", "Anna\u0000Andersson").param("username", "anna-styr").param("roles", "VIEWER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CONTROL)));
		assertThat(jdbc.sql("select count(*) from app_user where username = 'anna-styr'").query(Long.class).single()).isZero();
		mvc.perform(post("/forbund/stockholm/medlemmar/ny").session(admin).with(csrf())
				.param("kind", "STATE").param("name", "Myndighet\u0007"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CONTROL)));
		assertThat(jdbc.sql("select count(*) from member where name like 'Myndighet%'").query(Long.class).single()).isZero();
	}

	// --- 2. a query string that is not UTF-8

	@Test
	void aQueryStringThatIsNotUtf8IsA400InSwedishWithOneLineInTheLog(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		HttpResponse<String> api = http(HttpRequest.newBuilder(url("/api/v1/catalog?q=%C3%28")));
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"title\":\"Ogiltig begäran\"").contains("inte är giltig UTF-8");
		// A broken escape, which no HTTP client here will even send, counts as unreadable too.
		assertThat(UnreadableRequests.wellFormed("year=100%")).isFalse();
		assertThat(UnreadableRequests.wellFormed("q=%zz")).isFalse();
		assertThat(UnreadableRequests.wellFormed("q=%ED%A0%80")).isFalse();
		assertThat(UnreadableRequests.wellFormed("q=r%C3%A4tt+s%C3%B6kt&lang=sv")).isTrue();

		HttpResponse<String> page = http(HttpRequest.newBuilder(url("/katalog?q=%C3%28")).header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<html lang=\"sv\"").contains("Det gick inte att utföra").contains("inte är giltig UTF-8");

		String log = output.getAll().substring(logged);
		assertThat(log).contains("Refused GET /api/v1/catalog with 400").contains("Refused GET /katalog with 400")
			.doesNotContain("InvalidParameterException").doesNotContain("\tat ").doesNotContain("%C3%28");
		// The same through MockMvc, which is given the raw query string by hand.
		mvc.perform(get("/api/v1/catalog").with(request -> {
			request.setQueryString("q=%C3%28");
			return request;
		})).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/catalog").with(request -> {
			request.setQueryString("q=%C3%A4");
			return request;
		})).andExpect(status().isOk());
	}

	// --- 3. other unreadable input: a NUL in a file name, /error itself, framework English

	@Test
	void aNulInAnUploadsFileNameIsA400AndNoFrameworkEnglishIsEverEchoed() throws Exception {
		long insats = jdbc.sql("select min(id) from intervention where association_id = ?").param(associationId("stockholm"))
			.query(Long.class).single();
		long importsBefore = jdbc.sql("select count(*) from followup_import").query(Long.class).single();
		byte[] csv = "Kön;Startdatum\nK;2024-01-10\n".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/associations/stockholm/imports").file(new MockMultipartFile("file", "a\u0000.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", csv))
				.param("interventionId", String.valueOf(insats)).header("Authorization", KANSLI))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Filnamnet innehåller styrtecken")));
		// The real server's multipart parser refuses the NUL itself; the answer is the same.
		HttpResponse<String> upload = http(HttpRequest.newBuilder(url("/api/v1/associations/stockholm/imports"))
			.header("Authorization", KANSLI).header("Content-Type", "multipart/form-data; boundary=grans")
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody("a\u0000.xlsx", insats, csv))));
		assertThat(upload.statusCode()).isEqualTo(400);
		assertThat(upload.body()).contains("\"field\":\"file\"").contains("Filnamnet innehåller styrtecken");
		assertThat(jdbc.sql("select count(*) from followup_import").query(Long.class).single()).isEqualTo(importsBefore);

		mvc.perform(get("/error")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Sidan finns inte")));
		assertThat(http(HttpRequest.newBuilder(url("/error"))).statusCode()).isEqualTo(404);

		mvc.perform(get(INTERVENTIONS + "/abc").header("Authorization", KANSLI))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("Ogiltigt värde för id."))
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(content().string(not(containsString("Failed to convert"))))
			.andExpect(content().string(not(containsString("abc'"))));
		mvc.perform(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Trasig"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Begäran kunde inte läsas"))
			.andExpect(jsonPath("$.detail").value("Innehållet är inte giltig JSON eller har fel form."));
		mvc.perform(post(INTERVENTIONS).header("Authorization", KANSLI).contentType(MediaType.TEXT_PLAIN).content("namn"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.title").value("Innehållstypen stöds inte"))
			.andExpect(jsonPath("$.detail").value("Skicka innehållet som application/json."));
		mvc.perform(multipart("/api/v1/associations/stockholm/imports").param("interventionId", "x").header("Authorization", KANSLI))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("Failed"))))
			.andExpect(content().string(not(containsString("Required"))));
	}

	// --- 4. browsers get Swedish HTML pages, only /api answers JSON

	@Test
	void browsersGetSwedishErrorPagesWithTheLayoutAndOnlyTheApiAnswersJson() throws Exception {
		HttpClient viewer = browserLoggedIn("demo-styrelse");
		for (String accept : new String[] { "text/html", "*/*", "application/json" }) {
			HttpResponse<String> forbidden = viewer.send(HttpRequest.newBuilder(url("/forbund/stockholm/anvandare"))
				.header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forbidden.statusCode()).isEqualTo(403);
			assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			assertThat(forbidden.body()).contains("<html lang=\"sv\"").contains("<title>Ingen behörighet – Samsyn</title>")
				.contains("<h1>Ingen behörighet</h1>").contains("Demo Styrelseledamot").contains("Logga ut");

			HttpResponse<String> unknown = viewer.send(HttpRequest.newBuilder(url("/finns/inte/alls")).header("Accept", accept).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			assertThat(unknown.body()).contains("<h1>Sidan finns inte</h1>").doesNotContain("\"status\"");
		}

		HttpResponse<String> api = http(HttpRequest.newBuilder(url("/api/v1/finns-inte")).header("Accept", "text/html")
			.header("Authorization", "Bearer samsyn-demo-styrelse"));
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("\"title\":\"Resursen finns inte\"");
		HttpResponse<String> anonymous = http(HttpRequest.newBuilder(url("/api/v1/associations")).header("Accept", "text/html"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

		// What the container shows after an unexpected failure: the error page, or problem details under /api.
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/forbund/stockholm").header("Accept", "application/json"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<h1>Något gick fel</h1>")))
			.andExpect(content().string(containsString("Ett oväntat fel inträffade. Försök igen om en stund.")));
		mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/catalog").header("Accept", "text/html"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Ett oväntat fel inträffade"));
	}

	// --- helpers

	private String insats(String name, String description) {
		String[] members = members();
		return """
				{"name": "%s", %s"kind": "INDIVIDUAL", "memberIds": [%s, %s],
				 "budgets": [{"year": 2026, "amountKr": 100000}]}
				""".formatted(name, description == null ? "" : "\"description\": \"" + description + "\", ", members[0], members[1]);
	}

	private String[] members() {
		return jdbc.sql("select id from member where association_id = ? order by id").param(associationId("stockholm"))
			.query(Long.class).list().stream().limit(2).map(String::valueOf).toArray(String[]::new);
	}

	/** The text of Stockholm's 2025 budget PDF, which lists the insatser's budgets of its plan years. */
	private String budgetPdfText() throws Exception {
		byte[] pdf = mvc.perform(get("/forbund/stockholm/ekonomi/2025.pdf").session(login("demo-styrelse")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A browser-like client that logged in through the login form and keeps its session cookie. */
	private HttpClient browserLoggedIn(String username) throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
		String form = client.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + DEMO_PASSWORD + "&_csrf=" + token.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
		return client;
	}

	private static byte[] multipartBody(String fileName, long interventionId, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--grans\r\nContent-Disposition: form-data; name=\"interventionId\"\r\n\r\n" + interventionId
				+ "\r\n--grans\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n--grans--\r\n".getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}
}
