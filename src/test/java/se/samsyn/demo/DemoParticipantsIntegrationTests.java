package se.samsyn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.samsyn.IntegrationTest;
import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.SamsynUser;
import se.samsyn.followup.Enrollments;
import se.samsyn.followup.JointPlans;
import se.samsyn.followup.ParticipantId;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;

/**
 * The synthetic demo participants have the shape the seeds describe, and the same every start:
 * the exact figures below were written down once from a demo start and must not drift.
 */
class DemoParticipantsIntegrationTests extends IntegrationTest {

	private static final String CONSENT_VERSION = "demo – syntetiska deltagare";

	@Autowired
	Enrollments enrollments;

	@Autowired
	JointPlans plans;

	@Autowired
	AssociationDirectory directory;

	@Test
	void aktivitetsplatsenHasAbout140StartsIn2025AndMostlyWomen() {
		long starts = starts("Aktivitetsplatsen", 2025, null);
		long women = starts("Aktivitetsplatsen", 2025, "WOMAN");
		assertThat(starts).isBetween(110L, 170L);
		assertThat(100.0 * women / starts).isBetween(70.0, 90.0);
		assertThat(topReferrer("Aktivitetsplatsen")).isEqualTo("Försäkringskassan");
	}

	@Test
	void theIpsInsatserHaveMostlyMen() {
		for (String ips : List.of("Integrering av IPS i psykosvården", "IPS för personer med beroendeproblematik")) {
			long all = starts(ips, null, null);
			long men = starts(ips, null, "MAN");
			assertThat(100.0 * men / all).as(ips).isBetween(60.0, 80.0);
		}
		assertThat(topReferrer("Integrering av IPS i psykosvården")).endsWith("psykosmottagning");
	}

	@Test
	void finsamTeamHasAnEvenSplitAndJointPlansWithActivitiesForTheMembers() {
		long all = starts("FINSAM-team", null, null);
		long women = starts("FINSAM-team", null, "WOMAN");
		assertThat(100.0 * women / all).isBetween(40.0, 60.0);
		assertThat(topReferrer("FINSAM-team")).contains("stadsdelsförvaltning");
		long withoutPlan = jdbc.sql(demoOnly("""
				select count(*) from enrollment e join intervention i on i.id = e.intervention_id
				 where i.name = 'FINSAM-team' and not exists (select 1 from joint_plan p where p.enrollment_id = e.id)
				""")).query(Long.class).single();
		// Only those booked in the last two weeks before the demo's last registration day wait for their meeting.
		assertThat(withoutPlan).isLessThan(5);
		List<Integer> activitiesPerPlan = jdbc.sql(demoOnly("""
				select count(a.id) from joint_plan p left join plan_activity a on a.plan_id = p.id group by p.id
				""")).query(Integer.class).list();
		assertThat(activitiesPerPlan).allSatisfy(count -> assertThat(count).isBetween(2, 4));
		assertThat(jdbc.sql(demoOnly("select count(*) from plan_activity where member_id is null")).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql(demoOnly("select count(*) from plan_activity where status_12 = 'DONE'")).query(Long.class).single())
			.isPositive();
	}

	@Test
	void followUpsOfJointPlansAreDue() {
		// The demo's dates are fixed and the list looks back 18 months; after that it is empty by design.
		assumeTrue(LocalDate.now().isBefore(LocalDate.of(2028, 4, 1)));
		AssociationRef stockholm = directory.findByCode("stockholm").orElseThrow();
		List<JointPlans.DueFollowUp> due = asOffice(stockholm, () -> plans.due(stockholm, 30));
		assertThat(due).isNotEmpty();
	}

	@Test
	void aParticipantWithAPersonnummerHasEpisodesInTwoInsatser() {
		List<Long> shared = jdbc.sql(demoOnly("""
				select e.participant_id from enrollment e join participant p on p.id = e.participant_id
				 where p.identity_hash is not null group by e.participant_id having count(distinct e.intervention_id) = 2
				""")).query(Long.class).list();
		assertThat(shared).hasSize(4);
		AssociationRef stockholm = directory.findByCode("stockholm").orElseThrow();
		long participant = jdbc.sql(demoOnly("""
				select e.participant_id from enrollment e join participant p on p.id = e.participant_id
				 where p.association_id = ? and p.identity_hash is not null
				 group by e.participant_id having count(*) = 2 order by e.participant_id fetch first 1 rows only
				""")).param(stockholm.id()).query(Long.class).single();
		var details = asOffice(stockholm, () -> enrollments.participant(stockholm, new ParticipantId(participant)));
		assertThat(details.episodes()).hasSize(2);
		assertThat(details.maskedIdentity()).endsWith("-****");
	}

	@Test
	void someStartsAreAnonymousAndSomeParticipantsHaveNoPersonnummer() {
		long insatsYears = jdbc.sql(demoOnly("""
				select count(*) from (select distinct intervention_id, extract(year from start_date) as y from enrollment) x
				""")).query(Long.class).single();
		long insatsYearsWithAnonymous = jdbc.sql(demoOnly("""
				select count(*) from (select distinct intervention_id, extract(year from start_date) as y from anonymous_start) x
				""")).query(Long.class).single();
		assertThat(insatsYearsWithAnonymous).isEqualTo(insatsYears);
		long withPersonnummer = jdbc.sql(demoOnly("select count(*) from participant where identity_hash is not null"))
			.query(Long.class).single();
		long all = jdbc.sql(demoOnly("select count(*) from participant")).query(Long.class).single();
		assertThat(withPersonnummer).isPositive().isLessThan(all / 2);
	}

	@Test
	void exitsFollowTheNationalFigures() {
		long ended = jdbc.sql(demoOnly("select count(*) from enrollment where end_date is not null")).query(Long.class).single();
		long workOrStudies = jdbc.sql(demoOnly("select count(*) from enrollment where exit_reason in ('WORK', 'STUDIES')"))
			.query(Long.class).single();
		long jobSeeking = jdbc.sql(demoOnly("select count(*) from enrollment where exit_reason = 'JOB_SEEKING'"))
			.query(Long.class).single();
		assertThat(100.0 * workOrStudies / ended).isBetween(27.0, 35.0);
		assertThat(100.0 * jobSeeking / ended).isBetween(12.0, 18.0);
		assertThat(jdbc.sql(demoOnly("select count(*) from enrollment where end_date is null")).query(Long.class).single())
			.isPositive();
	}

	@Test
	void everyEpisodeIsMarkedSyntheticAndNothingLiesInTheFuture() {
		assertThat(jdbc.sql(demoOnly("select count(*) from enrollment where consent_version <> ?")).param(CONSENT_VERSION)
			.query(Long.class).single()).isZero();
		LocalDate today = LocalDate.now(clock); // Sweden's today, as the demo data was made
		assertThat(jdbc.sql(demoOnly("select max(start_date) from enrollment")).query(LocalDate.class).single()).isBeforeOrEqualTo(today);
		assertThat(jdbc.sql(demoOnly("select max(end_date) from enrollment")).query(LocalDate.class).single()).isBeforeOrEqualTo(today);
		assertThat(jdbc.sql(demoOnly("select max(meeting_date) from joint_plan")).query(LocalDate.class).single())
			.isBeforeOrEqualTo(today);
	}

	/** Written down once from a demo start: the same seed must give exactly these every time. */
	@Test
	void theSameDataEveryStart() {
		SoftAssertions soft = new SoftAssertions();
		soft.assertThat(starts("Aktivitetsplatsen", 2025, null)).isEqualTo(143);
		soft.assertThat(starts("Aktivitetsplatsen", 2025, "WOMAN")).isEqualTo(109);
		soft.assertThat(starts("Integrering av IPS i psykosvården", null, "MAN")).isEqualTo(99);
		soft.assertThat(starts("IPS för personer med beroendeproblematik", null, "MAN")).isEqualTo(65);
		soft.assertThat(starts("FINSAM-team", 2024, "WOMAN")).isEqualTo(42);
		soft.assertThat(starts("Ungdomsteamet i Haninge", 2013, null)).isEqualTo(304);
		soft.assertThat(count("select count(*) from enrollment")).isEqualTo(2048);
		soft.assertThat(count("select count(*) from participant")).isEqualTo(2044);
		soft.assertThat(count("select count(*) from participant where identity_hash is not null")).isEqualTo(622);
		soft.assertThat(count("select count(*) from anonymous_start")).isEqualTo(73);
		soft.assertThat(count("select count(*) from joint_plan")).isEqualTo(191);
		soft.assertThat(count("select count(*) from plan_activity")).isEqualTo(567);
		soft.assertThat(count("select count(*) from plan_activity where status_6 = 'DONE'")).isEqualTo(219);
		soft.assertThat(count("select count(*) from enrollment where exit_reason = 'WORK'")).isEqualTo(414);
		soft.assertThat(count("select count(*) from enrollment where end_date is null")).isEqualTo(116);
		soft.assertAll();
	}

	private long count(String sql) {
		return jdbc.sql(demoOnly(sql)).query(Long.class).single();
	}

	private long starts(String insats, Integer year, String gender) {
		StringBuilder sql = new StringBuilder("""
				select count(*) from enrollment e join intervention i on i.id = e.intervention_id
				  join participant p on p.id = e.participant_id
				 where i.name = ?""");
		List<Object> params = new java.util.ArrayList<>(List.of(insats));
		if (year != null) {
			sql.append(" and e.start_date between ? and ?");
			params.add(LocalDate.of(year, 1, 1));
			params.add(LocalDate.of(year, 12, 31));
		}
		if (gender != null) {
			sql.append(" and p.gender = ?");
			params.add(gender);
		}
		return jdbc.sql(demoOnly(sql.toString())).params(params).query(Long.class).single();
	}

	private String topReferrer(String insats) {
		return jdbc.sql(demoOnly("""
				select r.name from enrollment e join intervention i on i.id = e.intervention_id
				  join referrer r on r.id = e.referrer_id
				 where i.name = ? group by r.name order by count(*) desc, r.name fetch first 1 rows only
				""")).param(insats).query(String.class).single();
	}

	private static final Pattern TABLE = Pattern.compile(
			"\\b(from|join)\\s+(enrollment|participant|anonymous_start|joint_plan|plan_activity)\\b(\\s+(?!where\\b|group\\b|order\\b|join\\b|left\\b|on\\b|fetch\\b)(\\w+))?");

	private Map<String, Long> demoBounds;

	/**
	 * The query over the demo's own rows only: other test classes share the database and add episodes of
	 * their own, so every follow-up table is narrowed to the rows the demo loader wrote at start-up.
	 */
	private String demoOnly(String sql) {
		if (demoBounds == null) {
			long enrollments = jdbc.sql("select max(id) from enrollment where consent_version = ?").param(CONSENT_VERSION)
				.query(Long.class).single();
			demoBounds = Map.of("enrollment", enrollments,
					"participant", jdbc.sql("select max(participant_id) from enrollment where id <= ?").param(enrollments).query(Long.class).single(),
					// The demo loader ("system") audited each anonymous start it recorded, naming its id.
					"anonymous_start", jdbc.sql("""
							select max(a.id) from anonymous_start a
							 where exists (select 1 from audit_event e where e.actor = 'system' and e.action = 'ANONYMOUS_START_RECORDED'
							                  and e.detail = 'anonym start ' || cast(a.id as varchar(20)))
							""").query(Long.class).single(),
					"joint_plan", jdbc.sql("select max(id) from joint_plan where enrollment_id <= ?").param(enrollments).query(Long.class).single());
		}
		Matcher matcher = TABLE.matcher(sql);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String table = matcher.group(2);
			String alias = matcher.group(4) == null ? table : matcher.group(4);
			String bound = table.equals("plan_activity") ? "plan_id <= " + demoBounds.get("joint_plan")
					: "id <= " + demoBounds.get(table);
			matcher.appendReplacement(out, matcher.group(1) + " (select * from " + table + " where " + bound + ") " + alias);
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static <T> T asOffice(AssociationRef association, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		try {
			SamsynUser user = new SamsynUser(0, "test-kansli", "Test Kansli",
					List.of(new Grant(association.id(), Role.OFFICE)), false);
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
			SecurityContextHolder.setContext(context);
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
