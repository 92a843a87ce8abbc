package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.samsyn.Endpoints.Endpoint;
import se.samsyn.followup.FollowupFixtures;

/**
 * Inside one förbund: a project leader reaches nothing about an insats they do not lead, and a
 * VIEWER (the board) reaches no person at all — tried over every page and API endpoint of the
 * application with the records of such an insats.
 */
class FollowupScopeIntegrationTests extends IntegrationTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
	private static final List<String> FOLLOWUP_SEGMENTS = List.of("/deltagare", "/perioder", "/planer", "/aktiviteter",
			"/enrollments", "/imports", "/uppfoljning");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	private long aktivitetsplatsen;

	private FollowupFixtures.Episode foreign;

	@BeforeEach
	void anEpisodeInAnInsatsTheProjectLeaderDoesNotLead() {
		long stockholm = associationId("stockholm");
		aktivitetsplatsen = jdbc.sql("select id from intervention where association_id = ? and name = 'Aktivitetsplatsen'")
			.param(stockholm).query(Long.class).single();
		if (jdbc.sql("select count(*) from participant where code = 'D-NOTYOU'").query(Long.class).single() == 0) {
			FollowupFixtures.create(jdbc, stockholm, aktivitetsplatsen, "D-NOTYOU");
		}
		long participant = jdbc.sql("select id from participant where code = 'D-NOTYOU'").query(Long.class).single();
		long enrollment = jdbc.sql("select max(id) from enrollment where participant_id = ?").param(participant).query(Long.class).single();
		long plan = jdbc.sql("select max(id) from joint_plan where enrollment_id = ?").param(enrollment).query(Long.class).single();
		long activity = jdbc.sql("select max(id) from plan_activity where plan_id = ?").param(plan).query(Long.class).single();
		long importId = jdbc.sql("select import_id from enrollment where id = ?").param(enrollment).query(Long.class).single();
		foreign = new FollowupFixtures.Episode(participant, "D-NOTYOU", enrollment, plan, activity, importId);
	}

	/** The id a path variable stands for: the foreign insats' records, by the path segment before it. */
	private String idFor(String segment) {
		Map<String, Long> ids = Map.of("insatser", aktivitetsplatsen, "interventions", aktivitetsplatsen, "deltagare",
				foreign.participantId(), "perioder", foreign.enrollmentId(), "enrollments", foreign.enrollmentId(), "planer",
				foreign.planId(), "aktiviteter", foreign.activityId(), "imports", foreign.importId(), "import",
				foreign.importId());
		Long id = ids.get(segment);
		// Other records (members, users, targets …) are the förbund's own: the role decides there.
		return id == null ? String.valueOf(jdbc.sql("select min(id) from member").query(Long.class).single()) : String.valueOf(id);
	}

	private String expand(String pattern) {
		String path = pattern.replace("{associationCode}", "stockholm").replace("{year}", "2025");
		Matcher matcher = VARIABLE.matcher(path);
		while (matcher.find()) {
			String[] segments = path.substring(0, matcher.start()).split("/");
			path = path.substring(0, matcher.start()) + idFor(segments[segments.length - 1]) + path.substring(matcher.end());
			matcher = VARIABLE.matcher(path);
		}
		return path;
	}

	@Test
	void aProjectLeaderReachesNothingAboutAnInsatsTheyDoNotLead() throws Exception {
		String before = FollowupFixtures.fingerprint(jdbc, aktivitetsplatsen);
		MockHttpSession leader = login("demo-projektledare");
		List<String> tried = new ArrayList<>();
		for (Endpoint endpoint : Endpoints.of(mappings).all()) {
			if (!Endpoints.namesRecords(endpoint.pattern().replace("{year}", ""))) {
				continue;
			}
			String path = expand(endpoint.pattern());
			tried.add(path);
			assertRefused(endpoint, path, leader, "samsyn-demo-projektledare");
		}
		assertThat(tried).as("follow-up endpoints were tried").anyMatch(p -> p.contains("/perioder/"))
			.anyMatch(p -> p.contains("/enrollments")).hasSizeGreaterThan(40);
		assertThat(FollowupFixtures.fingerprint(jdbc, aktivitetsplatsen)).isEqualTo(before);
	}

	@Test
	void aViewerReachesNoFollowUpEndpointAtAll() throws Exception {
		String before = FollowupFixtures.fingerprint(jdbc, aktivitetsplatsen);
		MockHttpSession viewer = login("demo-styrelse");
		List<String> tried = new ArrayList<>();
		for (Endpoint endpoint : Endpoints.of(mappings).all()) {
			// The follow-up report and its downloads are the board's own: aggregated and suppressed, tested as such
			// in FollowupReportPagesIntegrationTests and FollowupReportExportIntegrationTests.
			if (FOLLOWUP_SEGMENTS.stream().noneMatch(endpoint.pattern()::contains) || endpoint.pattern().contains("/rapporter/")) {
				continue;
			}
			String path = expand(endpoint.pattern());
			tried.add(path);
			assertRefused(endpoint, path, viewer, "samsyn-demo-styrelse");
		}
		assertThat(tried).anyMatch(p -> p.endsWith("/uppfoljning")).anyMatch(p -> p.contains("/deltagare"));
		assertThat(FollowupFixtures.fingerprint(jdbc, aktivitetsplatsen)).isEqualTo(before);
	}

	private void assertRefused(Endpoint endpoint, String path, MockHttpSession session, String token) throws Exception {
		boolean api = path.startsWith("/api/");
		for (RequestMethod method : endpoint.methods()) {
			var builder = request(HttpMethod.valueOf(method.name()), path);
			if (api) {
				builder.header("Authorization", "Bearer " + token);
				if (method == RequestMethod.POST || method == RequestMethod.PUT) {
					builder.contentType(MediaType.APPLICATION_JSON).content("{}");
				}
			}
			else {
				builder.session(session).with(csrf());
			}
			var response = mvc.perform(builder).andReturn().getResponse();
			assertThat(response.getStatus()).as("%s %s", method, path).isIn(403, 404);
			assertThat(response.getContentAsString()).as("%s %s", method, path).doesNotContain(foreign.participantCode());
		}
	}
}
