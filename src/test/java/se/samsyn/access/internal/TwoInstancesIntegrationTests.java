package se.samsyn.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import se.samsyn.SamsynApplication;

/**
 * Two Samsyn instances on one PostgreSQL database share nothing but the database, as behind a
 * round-robin proxy: they start at once on an empty database, and one browser's requests go to them in
 * turn. With sessions in each instance's memory every second request would find no session: the login
 * would forget its CSRF token, the second factor its signed-in user, the form its second factor.
 * Each test gets an empty schema of its own in the suite's database.
 */
@EnabledIfSystemProperty(named = "samsyn.test.database", matches = "postgresql")
class TwoInstancesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>");
	private static final String PASSWORD = "samsyn-demo";

	@Test
	void twoInstancesStartingAtOnceOnAnEmptyDatabaseCreateOneAdministrator() throws Exception {
		try (Schema schema = Schema.create(); Instances instances = Instances.startAtOnce(schema, "--samsyn.demo.mode=off")) {
			JdbcClient jdbc = schema.jdbc();
			assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
			assertThat(jdbc.sql("select role from role_assignment").query(String.class).list()).containsExactly("SYSTEM_ADMIN");
			assertThat(jdbc.sql("select count(*) from association").query(Long.class).single()).isZero();
		}
	}

	@Test
	void oneBrowsersRequestsGoInTurnToTwoInstancesThatLoadedTheDemoOnce() throws Exception {
		try (Schema schema = Schema.create();
				Instances instances = Instances.startAtOnce(schema, "--samsyn.demo.mode=always", "--samsyn.security.require-mfa=true")) {
			JdbcClient jdbc = schema.jdbc();
			Map<String, Object> demo = demoData();
			assertThat(jdbc.sql("select username from app_user order by username").query(String.class).list())
				.as("the demo accounts, once, and no first administrator beside them")
				.containsExactlyElementsOf(list(demo, "users").stream().map(user -> (String) user.get("username")).sorted().toList());
			assertThat(jdbc.sql("select count(*) from association").query(Long.class).single())
				.isEqualTo(list(demo, "associations").size());

			Browser browser = new Browser(instances.baseUris());

			// Login: the CSRF token from one instance's login page is accepted by the other, and the session
			// gets a new id when the user signs in (no session fixation).
			String token = csrf(browser.get("/login", 200));
			String before = browser.sessionCookie();
			HttpResponse<String> login = browser.post("/login", token, Map.of("username", "demo-kansli", "password", PASSWORD));
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(location(login)).doesNotContain("/login");
			assertThat(browser.sessionCookie()).as("a new session id at login").isNotNull().isNotEqualTo(before);

			// The second factor: set up on one instance, confirmed on the other.
			assertThat(location(browser.get("/forbund/stockholm", 302))).endsWith("/mfa");
			String setup = browser.get("/mfa", 200).body();
			String secret = find(SECRET, setup).replace(" ", "");
			String codes = browser.post("/mfa/installera", csrf(setup), Map.of("code", Totp.code(secret, Totp.step(Instant.now()))))
				.body();
			assertThat(codes).contains("<code>");
			String home = browser.get("/forbund/stockholm", 200).body();

			// Logout on one instance ends the session on both.
			assertThat(location(browser.post("/logout", csrf(home), Map.of()))).endsWith("/login?logout");
			assertThat(location(browser.get("/forbund/stockholm", 302))).contains("/login");

			// The next login: back to the page asked for, then the code from the app.
			String again = csrf(browser.get("/login", 200));
			HttpResponse<String> relogin = browser.post("/login", again, Map.of("username", "demo-kansli", "password", PASSWORD));
			assertThat(location(relogin)).as("the page asked for before the login, remembered by the other instance")
				.contains("/forbund/stockholm");
			assertThat(location(browser.get("/forbund/stockholm", 302))).endsWith("/mfa");
			String verify = browser.get("/mfa", 200).body();
			HttpResponse<String> passed = browser.post("/mfa", csrf(verify), Map.of("code", Totp.code(secret, Totp.step(Instant.now()) + 1)));
			assertThat(location(passed)).doesNotContain("/mfa").doesNotContain("/login");

			// A form: shown by one instance, posted to the other, its notice shown by the first.
			long interventionId = jdbc.sql("select i.id from intervention i join association a on a.id = i.association_id "
					+ "where a.code = 'stockholm' and i.name = 'Aktivitetsplatsen'").query(Long.class).single();
			String form = browser.get("/forbund/stockholm/insatser/" + interventionId + "/deltagare/ny", 200).body();
			LocalDate start = LocalDate.now().minusDays(10);
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("consent", "true");
			fields.put("consentDate", start.toString());
			fields.put("consentVersion", "2");
			fields.put("startDate", start.toString());
			fields.put("referralDate", start.minusDays(7).toString());
			fields.put("gender", "WOMAN");
			fields.put("birthYear", "1990");
			fields.put("education", "UPPER_SECONDARY_3");
			fields.put("timeWithoutWork", "YEARS_1_TO_2");
			fields.put("occupation", "NONE");
			fields.put("incomeSources", "SICKNESS_BENEFIT");
			HttpResponse<String> saved = browser.post("/forbund/stockholm/insatser/" + interventionId + "/deltagare/ny", csrf(form), fields);
			assertThat(saved.statusCode()).isEqualTo(302);
			assertThat(location(saved)).contains("/forbund/stockholm/perioder/");
			assertThat(browser.get(URI.create(location(saved)).getPath(), 200).body()).contains("Starten är registrerad.");

			// A report.
			String report = browser.get("/forbund/stockholm/rapporter/uppfoljning?from=" + start.withDayOfYear(1) + "&to="
					+ start.withDayOfYear(start.lengthOfYear()), 200).body();
			assertThat(report).contains("Uppföljningsrapport");

			// The control: the session is nowhere but in the database. Without its row neither instance knows the user.
			assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'demo-kansli'").query(Long.class).single())
				.isEqualTo(1);
			jdbc.sql("delete from spring_session").update();
			assertThat(location(browser.get("/forbund/stockholm", 302))).endsWith("/login?timeout");
		}
	}

	private static String csrf(HttpResponse<String> page) {
		return csrf(page.body());
	}

	private static String csrf(String html) {
		return find(CSRF, html);
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("pattern %s in page", pattern).isTrue();
		return matcher.group(1);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static Map<String, Object> demoData() throws Exception {
		try (InputStream in = new ClassPathResource("demo/associations.yml").getInputStream()) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	/** One cookie jar, and every request to the next instance in turn. */
	private static final class Browser {

		private final List<URI> instances;
		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		private final HttpClient client;
		private final List<Integer> served = new ArrayList<>();
		private int next;

		Browser(List<URI> instances) {
			this.instances = instances;
			this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10)).build();
		}

		HttpResponse<String> get(String path, int expectedStatus) throws Exception {
			HttpResponse<String> response = send(HttpRequest.newBuilder(), path);
			assertThat(response.statusCode()).as("GET %s on instance %s (Location: %s)", path, served.get(served.size() - 1),
					location(response)).isEqualTo(expectedStatus);
			return response;
		}

		HttpResponse<String> post(String path, String csrf, Map<String, String> fields) throws Exception {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			String body = all.entrySet().stream()
				.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			HttpResponse<String> response = send(HttpRequest.newBuilder()
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)), path);
			assertThat(response.statusCode()).as("POST %s on instance %s", path, served.get(served.size() - 1)).isLessThan(400);
			return response;
		}

		private HttpResponse<String> send(HttpRequest.Builder request, String path) throws Exception {
			int instance = next;
			next = (next + 1) % instances.size();
			served.add(instance);
			return client.send(request.uri(instances.get(instance).resolve(path)).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		String sessionCookie() {
			return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
				.map(HttpCookie::getValue).findFirst().orElse(null);
		}
	}

	/** An empty schema of its own in the suite's PostgreSQL database, dropped afterwards. */
	private record Schema(String name, String url, String user, String password) implements AutoCloseable {

		static Schema create() throws Exception {
			String base = System.getenv("SAMSYN_TEST_DB_URL");
			assertThat(base).as("the PostgreSQL run sets SAMSYN_TEST_DB_URL").isNotBlank();
			String name = "two_instances_" + System.nanoTime();
			Schema schema = new Schema(name, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name,
					System.getenv("SAMSYN_TEST_DB_USER"), System.getenv().getOrDefault("SAMSYN_TEST_DB_PASSWORD", ""));
			schema.execute(base, "create schema " + name);
			return schema;
		}

		JdbcClient jdbc() {
			var dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(url, user, password);
			return JdbcClient.create(dataSource);
		}

		private void execute(String on, String sql) throws Exception {
			try (Connection connection = DriverManager.getConnection(on, user, password); Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		@Override
		public void close() throws Exception {
			execute(System.getenv("SAMSYN_TEST_DB_URL"), "drop schema " + name + " cascade");
		}
	}

	/** Two instances of Samsyn on random ports, started at the same moment on one schema. */
	private record Instances(List<ConfigurableApplicationContext> contexts) implements AutoCloseable {

		private static final String LOGGING_SYSTEM = org.springframework.boot.logging.LoggingSystem.SYSTEM_PROPERTY;

		static Instances startAtOnce(Schema schema, String... settings) throws Exception {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + schema.url(),
					"--spring.datasource.username=" + schema.user(), "--spring.datasource.password=" + schema.password(),
					"--spring.datasource.hikari.maximum-pool-size=5"));
			args.addAll(List.of(settings));
			ExecutorService starters = Executors.newFixedThreadPool(2);
			CountDownLatch ready = new CountDownLatch(2);
			// Two starts in one JVM at once would each reconfigure the one logging system; the suite's stays as it is.
			String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
			try {
				List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					starting.add(starters.submit(() -> {
						ready.countDown();
						ready.await();
						return new SpringApplicationBuilder(SamsynApplication.class).run(args.toArray(String[]::new));
					}));
				}
				List<ConfigurableApplicationContext> contexts = new ArrayList<>();
				Exception failure = null;
				for (Future<ConfigurableApplicationContext> instance : starting) {
					try {
						contexts.add(instance.get(5, TimeUnit.MINUTES));
					}
					catch (Exception ex) {
						failure = ex;
					}
				}
				if (failure != null) {
					contexts.forEach(ConfigurableApplicationContext::close);
					throw new AssertionError("both instances must start", failure);
				}
				return new Instances(contexts);
			}
			finally {
				starters.shutdownNow();
				if (loggingSystem == null) {
					System.clearProperty(LOGGING_SYSTEM);
				}
				else {
					System.setProperty(LOGGING_SYSTEM, loggingSystem);
				}
			}
		}

		List<URI> baseUris() {
			return contexts.stream()
				.map(context -> URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()))
				.toList();
		}

		@Override
		public void close() {
			contexts.forEach(ConfigurableApplicationContext::close);
		}
	}
}
