package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

import se.samsyn.IntegrationTest;

/**
 * Sessions are kept in the database, behind the same cookie as before: HttpOnly, SameSite=Lax, 30 minutes
 * idle. They hold who signed in and what the login steps need, never the user's name or address;
 * a login gets a new session id, a logout or an idle timeout ends the session, and stylesheets and
 * images neither start a session nor touch one. Runs on a real port: the cookie is the server's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsIntegrationTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]*)");
	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcIndexedSessionRepository sessions;

	@Test
	void theLoginPagesSessionIsInTheDatabaseBehindTheSameCookieAsBefore() throws Exception {
		HttpResponse<String> page = get("/login", null);
		String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
		Map<String, Object> row = row(cookie(page));
		assertThat(row.get("max_inactive_interval")).as("30 minutes idle, as server.servlet.session.timeout says").isEqualTo(1800);
		assertThat(row.get("principal_name")).isNull();
	}

	@Test
	void aLoginGetsANewSessionIdAndTheSessionHoldsOnlyWhoSignedIn() throws Exception {
		HttpResponse<String> page = get("/login", null);
		String anonymous = cookie(page);
		String signedIn = login(anonymous, csrf(page.body()), "demo-kansli");
		assertThat(signedIn).as("no session fixation: a new id at login").isNotEqualTo(anonymous);
		assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(anonymous))).isZero();
		assertThat(row(signedIn).get("principal_name")).isEqualTo("demo-kansli");
		assertThat(get("/forbund/stockholm", signedIn).statusCode()).as("the session from the database signs the user in").isEqualTo(200);

		String primaryId = (String) row(signedIn).get("primary_id");
		List<Map<String, Object>> attributes = jdbc.sql("select attribute_name, attribute_bytes from spring_session_attributes "
				+ "where session_primary_id = ?").param(primaryId).query().listOfRows();
		assertThat(attributes).isNotEmpty();
		for (Map<String, Object> attribute : attributes) {
			byte[] bytes = (byte[]) attribute.get("attribute_bytes");
			Object value = deserialize(bytes);
			assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("attribute %s", attribute.get("attribute_name"))
				.doesNotContain("Demo Kansli");
			if (value instanceof SecurityContext context) {
				assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(SamsynUser.class, user -> {
					assertThat(user.username()).isEqualTo("demo-kansli");
					assertThat(user.grants()).as("roles are loaded fresh on each request, not kept in the session").isEmpty();
				});
				assertThat(context.getAuthentication().getDetails()).as("no client address in the session").isNull();
				assertThat(context.getAuthentication().getCredentials()).isNull();
			}
		}
		assertThat(attributes).extracting(attribute -> attribute.get("attribute_name")).contains("SPRING_SECURITY_CONTEXT");
	}

	@Test
	void aLogoutDeletesTheSession() throws Exception {
		HttpResponse<String> page = get("/login", null);
		String session = login(cookie(page), csrf(page.body()), "demo-styrelse");
		String home = get("/forbund/stockholm", session).body();
		HttpResponse<String> logout = post("/logout", session, csrf(home), Map.of());
		assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		assertThat(logout.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=;") && c.contains("Max-Age=0"));
		assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(session))).isZero();
		assertThat(get("/forbund/stockholm", session).headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	@Test
	void anIdleSessionEndsAndExpiredSessionsAreDeletedEveryMinute() throws Exception {
		HttpResponse<String> page = get("/login", null);
		String session = login(cookie(page), csrf(page.body()), "demo-styrelse");
		long longAgo = System.currentTimeMillis() - 31 * 60 * 1000L;
		jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?")
			.params(longAgo, longAgo + 30 * 60 * 1000L, sessionId(session)).update();
		assertThat(get("/forbund/stockholm", session).headers().firstValue("Location").orElseThrow()).endsWith("/login?timeout");

		HttpResponse<String> other = get("/login", null);
		jdbc.sql("update spring_session set expiry_time = ? where session_id = ?").params(longAgo, sessionId(cookie(other))).update();
		sessions.cleanUpExpiredSessions();
		assertThat(count("select count(*) from spring_session where session_id = ?", sessionId(cookie(other)))).isZero();
		// The repository schedules the clean-up itself, on its own scheduler.
		assertThat(ReflectionTestUtils.getField(sessions, "cleanupCron")).as("the clean-up runs every minute").isEqualTo("0 * * * * *");
	}

	@Test
	void stylesheetsAndImagesNeitherStartNorTouchASession() throws Exception {
		long before = count("select count(*) from spring_session");
		HttpResponse<String> css = get("/css/samsyn.css", null);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(count("select count(*) from spring_session")).as("no session started").isLessThanOrEqualTo(before);

		HttpResponse<String> page = get("/login", null);
		String session = login(cookie(page), csrf(page.body()), "demo-styrelse");
		long lastAccess = (Long) row(session).get("last_access_time");
		for (String resource : List.of("/css/samsyn.css", "/img/favicon.svg")) {
			assertThat(get(resource, session).statusCode()).isEqualTo(200);
		}
		assertThat(row(session).get("last_access_time")).as("no session read or written for static files").isEqualTo(lastAccess);
		get("/forbund/stockholm", session);
		assertThat((Long) row(session).get("last_access_time")).as("a page does touch it").isGreaterThan(lastAccess);
	}

	private String login(String session, String csrf, String username) throws Exception {
		HttpResponse<String> response = post("/login", session, csrf, Map.of("username", username, "password", DEMO_PASSWORD));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		return cookie(response);
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String session, String csrf, Map<String, String> fields) throws Exception {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		String body = all.entrySet().stream()
			.map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String cookie(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher).filter(Matcher::lookingAt)
			.map(m -> m.group(1)).reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no session cookie"));
	}

	/** The cookie carries the session id in base64. */
	private static String sessionId(String cookie) {
		return new String(java.util.Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private Map<String, Object> row(String cookie) {
		return jdbc.sql("select primary_id, principal_name, max_inactive_interval, last_access_time from spring_session where session_id = ?")
			.param(sessionId(cookie)).query().singleRow();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	private static Object deserialize(byte[] bytes) throws Exception {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return in.readObject();
		}
	}
}
