package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.samsyn.Endpoints.Endpoint;
import se.samsyn.access.ApiTokens;
import se.samsyn.access.Role;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.Forms;

/**
 * Enumerates every page and API path of the application and tries it, as a user of one förbund,
 * against another förbund: by naming the other förbund, and by naming the other förbund's records
 * under the user's own. Every answer must be 403 or 404, carry none of the other förbund's data,
 * and change nothing.
 */
class AssociationIsolationIntegrationTests extends IntegrationTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
	private static final Map<String, String> TABLES = pairs("medlemmar", "member", "kommuner", "municipality",
			"stadsdelar", "district", "anmalande-parter", "referrer", "anvandare", "app_user", "api-nycklar", "api_token",
			"insatser", "intervention", "interventions", "intervention", "mal", "intervention_target",
			"deltagare", "participant", "perioder", "enrollment", "enrollments", "enrollment", "planer", "joint_plan",
			"aktiviteter", "plan_activity", "imports", "followup_import", "import", "followup_import");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Autowired
	private AssociationStructure structure;

	@Autowired
	private ApiTokens tokens;

	private long foreignUserId;

	private String sodertaljeInterventionName;

	@BeforeEach
	void foreignRecords() {
		long sodertalje = associationId("sodertalje");
		if (structure.districts(sodertalje).isEmpty()) {
			long municipality = structure.municipalities(sodertalje).get(0).id();
			structure.saveDistrict(sodertalje, null, new Forms.DistrictForm(String.valueOf(municipality), "Hovsjö"));
		}
		String username = newUser("isolation", "sodertalje", Role.OFFICE);
		foreignUserId = users.idOf(username).orElseThrow();
		var foreignUser = new se.samsyn.access.SamsynUser(foreignUserId, username, "Test", List.of(
				new se.samsyn.access.Grant(sodertalje, Role.OFFICE)), false);
		tokens.create(foreignUser, sodertalje, "Södertäljes nyckel", Duration.ofDays(30));
		sodertaljeInterventionName = jdbc.sql("select name from intervention where association_id = ? order by id")
			.param(sodertalje).query(String.class).list().get(0);
		if (jdbc.sql("select count(*) from participant where association_id = ? and code = 'D-ISOLAT'").param(sodertalje)
			.query(Long.class).single() == 0) {
			long intervention = jdbc.sql("select min(id) from intervention where association_id = ?").param(sodertalje)
				.query(Long.class).single();
			se.samsyn.followup.FollowupFixtures.create(jdbc, sodertalje, intervention, "D-ISOLAT");
		}
	}

	@Test
	void pagesOfAnotherFörbundAnswer403Or404AndChangeNothing() throws Exception {
		String before = fingerprint();
		MockHttpSession admin = login("demo-admin");
		List<String> tried = new ArrayList<>();
		for (Endpoint endpoint : endpoints(false)) {
			for (String path : expand(endpoint.pattern(), "sodertalje")) {
				tried.add(path);
				assertRefused(endpoint, path, admin, null);
			}
			if (namesRecords(endpoint.pattern())) {
				for (String path : expand(endpoint.pattern(), "stockholm")) {
					tried.add(path);
					assertRefused(endpoint, path, admin, null);
				}
			}
		}
		assertThat(tried).as("the enumeration reached the förbund's pages").hasSizeGreaterThan(40);
		assertThat(fingerprint()).as("nothing of the other förbund changed").isEqualTo(before);
	}

	@Test
	void apiPathsOfAnotherFörbundAnswer403Or404() throws Exception {
		List<String> tried = new ArrayList<>();
		for (Endpoint endpoint : endpoints(true)) {
			for (String path : expand(endpoint.pattern(), "sodertalje")) {
				tried.add(path);
				assertRefused(endpoint, path, null, "samsyn-demo-admin");
				assertRefused(endpoint, path, null, "samsyn-demo-kansli");
			}
			if (namesRecords(endpoint.pattern())) {
				for (String path : expand(endpoint.pattern(), "stockholm")) {
					tried.add(path);
					assertRefused(endpoint, path, null, "samsyn-demo-admin");
				}
			}
		}
		assertThat(tried).as("the enumeration reached the API").hasSizeGreaterThan(3);
	}

	@Test
	void anotherUsersTokenCannotBeRevoked() throws Exception {
		long tokenId = jdbc.sql("select max(id) from api_token where user_id = ?").param(foreignUserId).query(Long.class).single();
		MockHttpSession admin = login("demo-admin");
		var result = mvc.perform(request(HttpMethod.POST, "/konto/api-nycklar/" + tokenId + "/aterkalla").session(admin).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from api_token where id = ? and revoked_at is null").param(tokenId)
			.query(Long.class).single()).isEqualTo(1);
	}

	private void assertRefused(Endpoint endpoint, String path, MockHttpSession session, String token) throws Exception {
		for (RequestMethod method : endpoint.methods()) {
			var builder = request(HttpMethod.valueOf(method.name()), path).with(csrf());
			if (session != null) {
				builder.session(session);
			}
			if (token != null) {
				builder.header("Authorization", "Bearer " + token);
				if (method == RequestMethod.POST || method == RequestMethod.PUT) {
					builder.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}");
				}
			}
			MvcResult result = mvc.perform(builder).andReturn();
			int status = result.getResponse().getStatus();
			assertThat(status).as("%s %s", method, path).isIn(403, 404);
			String body = result.getResponse().getContentAsString();
			assertThat(body).as("%s %s shows nothing of Södertälje", method, path)
				.doesNotContain("Södertälje kommun").doesNotContain("Hovsjö").doesNotContain("Södertäljes nyckel")
				.doesNotContain(sodertaljeInterventionName).doesNotContain("D-ISOLAT");
		}
	}

	private static boolean namesRecords(String pattern) {
		return Endpoints.namesRecords(pattern);
	}

	private List<Endpoint> endpoints(boolean api) {
		return Endpoints.of(mappings).api(api);
	}

	/** Every concrete path for the pattern: the förbund code given, records of Södertälje for the ids. */
	private List<String> expand(String pattern, String associationCode) {
		List<String> paths = new ArrayList<>();
		expand(pattern.replace("{associationCode}", associationCode), paths);
		return paths;
	}

	private void expand(String path, List<String> out) {
		Matcher matcher = VARIABLE.matcher(path);
		if (!matcher.find()) {
			out.add(path);
			return;
		}
		Set<String> values = new LinkedHashSet<>();
		if (matcher.group(2) != null) {
			values.addAll(List.of(matcher.group(2).split("\\|")));
		}
		else {
			String before = path.substring(0, matcher.start());
			String[] segments = before.split("/");
			String table = TABLES.getOrDefault(segments[segments.length - 1], "member");
			values.add(String.valueOf(foreignId(table)));
		}
		for (String value : values) {
			expand(path.substring(0, matcher.start()) + value + path.substring(matcher.end()), out);
		}
	}

	private long foreignId(String table) {
		return switch (table) {
			case "app_user" -> foreignUserId;
			case "api_token" -> jdbc.sql("select max(id) from api_token where user_id = ?").param(foreignUserId).query(Long.class).single();
			case "plan_activity" -> jdbc.sql("""
					select min(a.id) from plan_activity a join joint_plan p on p.id = a.plan_id
					 where p.association_id = ?""").param(associationId("sodertalje")).query(Long.class).single();
			case "intervention_target" -> jdbc.sql("""
					select min(t.id) from intervention_target t join intervention i on i.id = t.intervention_id
					 where i.association_id = ?""").param(associationId("sodertalje")).query(Long.class).single();
			// Table names come from the fixed map above.
			default -> jdbc.sql("select min(id) from " + table + " where association_id = ?").param(associationId("sodertalje"))
				.query(Long.class).single();
		};
	}

	/** Everything of Södertälje's that a request could change. */
	private String fingerprint() {
		long id = associationId("sodertalje");
		return String.join("|",
				jdbc.sql("select name || coalesce(org_number, '') || cast(national_reporting as varchar(5)) from association where id = ?")
					.param(id).query(String.class).single(),
				String.join(",", jdbc.sql("select kind || name from member where association_id = ? order by id").param(id).query(String.class).list()),
				String.join(",", jdbc.sql("select municipality_code || name from municipality where association_id = ? order by id").param(id).query(String.class).list()),
				String.join(",", jdbc.sql("select name from district where association_id = ? order by id").param(id).query(String.class).list()),
				String.join(",", jdbc.sql("select name || cast(active as varchar(5)) from referrer where association_id = ? order by id").param(id).query(String.class).list()),
				String.join(",", jdbc.sql("select cast(user_id as varchar(20)) || role from role_assignment where association_id = ? order by id").param(id).query(String.class).list()),
				String.join(",", jdbc.sql("select username || cast(active as varchar(5)) || cast(mfa_enabled as varchar(5)) || password_hash from app_user where id = ?").param(foreignUserId).query(String.class).list()),
				String.join(",", jdbc.sql("select name || status || coalesce(cast(end_date as varchar(10)), '') from intervention where association_id = ? order by id").param(id).query(String.class).list()),
				String.valueOf(jdbc.sql("select count(*) + coalesce(sum(b.amount_kr), 0) from intervention_budget b join intervention i on i.id = b.intervention_id where i.association_id = ?").param(id).query(Long.class).single()),
				String.join(",", jdbc.sql("select t.wording || coalesce(cast(t.manual_value as varchar(20)), '') from intervention_target t join intervention i on i.id = t.intervention_id where i.association_id = ? order by t.id").param(id).query(String.class).list()),
				String.valueOf(jdbc.sql("select count(*) from intervention_decision where association_id = ?").param(id).query(Long.class).single()),
				String.valueOf(jdbc.sql("select count(*) from intervention_leader l join intervention i on i.id = l.intervention_id where i.association_id = ?").param(id).query(Long.class).single()),
				String.join(",", jdbc.sql("select id from intervention where association_id = ? order by id").param(id).query(Long.class).list()
					.stream().map(intervention -> se.samsyn.followup.FollowupFixtures.fingerprint(jdbc, intervention)).toList()));
	}

	private static Map<String, String> pairs(String... keysAndValues) {
		Map<String, String> map = new java.util.HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return Map.copyOf(map);
	}

}
