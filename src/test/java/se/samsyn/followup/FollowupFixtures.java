package se.samsyn.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Follow-up records written straight into the tables, for tests that need another förbund's or insats' data. */
public final class FollowupFixtures {

	private FollowupFixtures() {
	}

	/** The ids of an episode with a participant, a joint plan with an activity, an anonymous start and an import. */
	public record Episode(long participantId, String participantCode, long enrollmentId, long planId, long activityId,
			long importId) {
	}

	public static Episode create(JdbcClient jdbc, long associationId, long interventionId, String participantCode) {
		OffsetDateTime now = OffsetDateTime.now();
		jdbc.sql("""
				insert into followup_import (association_id, intervention_id, file_name, status, row_count, created_count,
				  uploaded_by, uploaded_at, committed_at) values (?, ?, 'uppfoljning.xlsx', 'COMMITTED', 1, 1, 'test', ?, ?)
				""").params(associationId, interventionId, now, now).update();
		long importId = jdbc.sql("select max(id) from followup_import where association_id = ?").param(associationId)
			.query(Long.class).single();
		jdbc.sql("""
				insert into participant (association_id, code, birth_year, gender, created_at) values (?, ?, 1980, 'WOMAN', ?)
				""").params(associationId, participantCode, now).update();
		long participantId = jdbc.sql("select id from participant where association_id = ? and code = ?")
			.params(associationId, participantCode).query(Long.class).single();
		jdbc.sql("""
				insert into enrollment (association_id, intervention_id, participant_id, gender, birth_year, consent_date,
				  consent_version, start_date, education, import_id, created_at, updated_at)
				values (?, ?, ?, 'WOMAN', 1980, ?, '1', ?, 'PRIMARY_9', ?, ?, ?)
				""").params(associationId, interventionId, participantId, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3),
					importId, now, now).update();
		long enrollmentId = jdbc.sql("select max(id) from enrollment where participant_id = ?").param(participantId)
			.query(Long.class).single();
		jdbc.sql("insert into enrollment_income (enrollment_id, phase, code) values (?, 'START', 'SALARY')")
			.param(enrollmentId).update();
		jdbc.sql("insert into joint_plan (association_id, enrollment_id, meeting_date, created_at) values (?, ?, ?, ?)")
			.params(associationId, enrollmentId, LocalDate.of(2025, 2, 10), now).update();
		long planId = jdbc.sql("select max(id) from joint_plan where enrollment_id = ?").param(enrollmentId)
			.query(Long.class).single();
		jdbc.sql("insert into plan_activity (plan_id, description, status_2) values (?, 'Möte med Jobbtorg', 'PARTLY')")
			.param(planId).update();
		long activityId = jdbc.sql("select max(id) from plan_activity where plan_id = ?").param(planId).query(Long.class).single();
		jdbc.sql("""
				insert into anonymous_start (association_id, intervention_id, start_date, gender, reason, created_at)
				values (?, ?, ?, 'MAN', 'NO_CONSENT', ?)
				""").params(associationId, interventionId, LocalDate.of(2025, 3, 1), now).update();
		return new Episode(participantId, participantCode, enrollmentId, planId, activityId, importId);
	}

	/** Everything a request could change about the follow-up of one insats. */
	public static String fingerprint(JdbcClient jdbc, long interventionId) {
		return String.join("|",
				String.join(",", jdbc.sql("""
						select cast(e.id as varchar(20)) || coalesce(cast(e.end_date as varchar(10)), '') || coalesce(e.exit_reason, '')
						       || coalesce(e.education, '') || cast(e.start_date as varchar(10)) || p.code || p.gender
						  from enrollment e join participant p on p.id = e.participant_id where e.intervention_id = ? order by e.id
						""").param(interventionId).query(String.class).list()),
				String.valueOf(jdbc.sql("select count(*) from anonymous_start where intervention_id = ?").param(interventionId)
					.query(Long.class).single()),
				String.join(",", jdbc.sql("""
						select cast(a.id as varchar(20)) || a.description || coalesce(a.status_2, '') || coalesce(a.status_6, '')
						       || coalesce(a.status_12, '') || cast(p.meeting_date as varchar(10))
						  from plan_activity a join joint_plan p on p.id = a.plan_id join enrollment e on e.id = p.enrollment_id
						 where e.intervention_id = ? order by a.id
						""").param(interventionId).query(String.class).list()),
				String.join(",", jdbc.sql("select status from followup_import where intervention_id = ? order by id")
					.param(interventionId).query(String.class).list()));
	}

	/** Episodes whose copy of their participant's gender or birth year differs from the participant's; should be none. */
	public static long episodesDifferingFromTheirParticipant(JdbcClient jdbc) {
		return jdbc.sql("""
				select count(*) from enrollment e join participant p on p.id = e.participant_id
				 where e.gender <> p.gender or coalesce(e.birth_year, -1) <> coalesce(p.birth_year, -1)
				""").query(Long.class).single();
	}
}
