package se.samsyn.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.samsyn.intervention.InterventionScope;

/** SQL for participants, enrollments and anonymous starts. Every query names the förbund. */
@Repository
class EnrollmentStore {

	private final JdbcClient jdbc;

	EnrollmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record ParticipantRow(long id, long associationId, String code, String identityCipher, Integer birthYear,
			Gender gender) {
	}

	/** The columns of an episode, typed and checked. */
	record EnrollmentValues(LocalDate consentDate, String consentVersion, LocalDate referralDate, Long referrerId,
			LocalDate startDate, Long districtId, String education, String timeWithoutWork, List<String> incomeSources,
			String occupation, Integer occupationExtent, String birthRegion, String disability) {
	}

	record ExitValues(LocalDate endDate, String exitReason, String occupationAfter, Integer occupationAfterExtent,
			List<String> incomeSourcesAfter, Boolean guideSupport) {
	}

	Optional<ParticipantRow> participant(long associationId, long participantId) {
		return jdbc.sql("select * from participant where association_id = ? and id = ?")
			.params(associationId, participantId).query(EnrollmentStore::participantRow).optional();
	}

	Optional<ParticipantRow> participantByHash(long associationId, String hash) {
		return jdbc.sql("select * from participant where association_id = ? and identity_hash = ?")
			.params(associationId, hash).query(EnrollmentStore::participantRow).optional();
	}

	boolean codeTaken(long associationId, String code) {
		return jdbc.sql("select count(*) from participant where association_id = ? and code = ?")
			.params(associationId, code).query(Long.class).single() > 0;
	}

	long insertParticipant(long associationId, String code, String cipher, String hash, Integer birthYear, Gender gender,
			Long importId, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into participant (association_id, code, identity_cipher, identity_hash, birth_year, gender, import_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(associationId, code, cipher, hash, birthYear, gender.name(), importId, now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean hasOngoing(long interventionId, long participantId) {
		return jdbc.sql("select count(*) from enrollment where intervention_id = ? and participant_id = ? and end_date is null")
			.params(interventionId, participantId).query(Long.class).single() > 0;
	}

	long insertEnrollment(long associationId, long interventionId, long participantId, EnrollmentValues v, Long importId,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into enrollment (association_id, intervention_id, participant_id, gender, birth_year, consent_date,
				  consent_version, referral_date, referrer_id, start_date, district_id, education, time_without_work,
				  occupation, occupation_extent, birth_region, disability, import_id, created_at, updated_at)
				select ?, ?, p.id, p.gender, p.birth_year, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
				  from participant p where p.id = ?
				""")
			.params(associationId, interventionId, v.consentDate(), v.consentVersion(), v.referralDate(),
					v.referrerId(), v.startDate(), v.districtId(), v.education(), v.timeWithoutWork(), v.occupation(),
					v.occupationExtent(), v.birthRegion(), v.disability(), importId, now.atOffset(ZoneOffset.UTC),
					now.atOffset(ZoneOffset.UTC), participantId)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertIncome(id, "START", v.incomeSources());
		return id;
	}

	void updateStart(long associationId, long enrollmentId, EnrollmentValues v, Instant now) {
		jdbc.sql("""
				update enrollment set consent_date = ?, consent_version = ?, referral_date = ?, referrer_id = ?,
				  start_date = ?, district_id = ?, education = ?, time_without_work = ?, occupation = ?,
				  occupation_extent = ?, birth_region = ?, disability = ?, updated_at = ?
				 where association_id = ? and id = ?
				""")
			.params(v.consentDate(), v.consentVersion(), v.referralDate(), v.referrerId(), v.startDate(), v.districtId(),
					v.education(), v.timeWithoutWork(), v.occupation(), v.occupationExtent(), v.birthRegion(),
					v.disability(), now.atOffset(ZoneOffset.UTC), associationId, enrollmentId)
			.update();
		jdbc.sql("delete from enrollment_income where enrollment_id = ? and phase = 'START'").param(enrollmentId).update();
		insertIncome(enrollmentId, "START", v.incomeSources());
	}

	void end(long associationId, long enrollmentId, ExitValues v, Instant now) {
		jdbc.sql("""
				update enrollment set end_date = ?, exit_reason = ?, occupation_after = ?, occupation_after_extent = ?,
				  guide_support = ?, updated_at = ?
				 where association_id = ? and id = ?
				""")
			.params(v.endDate(), v.exitReason(), v.occupationAfter(), v.occupationAfterExtent(), v.guideSupport(),
					now.atOffset(ZoneOffset.UTC), associationId, enrollmentId)
			.update();
		jdbc.sql("delete from enrollment_income where enrollment_id = ? and phase = 'EXIT'").param(enrollmentId).update();
		insertIncome(enrollmentId, "EXIT", v.incomeSourcesAfter());
	}

	void reopen(long associationId, long enrollmentId, Instant now) {
		jdbc.sql("""
				update enrollment set end_date = null, exit_reason = null, occupation_after = null,
				  occupation_after_extent = null, guide_support = null, updated_at = ?
				 where association_id = ? and id = ?
				""").params(now.atOffset(ZoneOffset.UTC), associationId, enrollmentId).update();
		jdbc.sql("delete from enrollment_income where enrollment_id = ? and phase = 'EXIT'").param(enrollmentId).update();
	}

	private void insertIncome(long enrollmentId, String phase, Collection<String> codes) {
		for (String code : codes) {
			jdbc.sql("insert into enrollment_income (enrollment_id, phase, code) values (?, ?, ?)")
				.params(enrollmentId, phase, code).update();
		}
	}

	/** Deletes an episode and its plans; the participant too when no episode is left. */
	void delete(long associationId, long enrollmentId) {
		Long participantId = jdbc.sql("select participant_id from enrollment where association_id = ? and id = ?")
			.params(associationId, enrollmentId).query(Long.class).optional().orElse(null);
		if (participantId == null) {
			return;
		}
		jdbc.sql("delete from plan_activity where plan_id in (select id from joint_plan where enrollment_id = ?)")
			.param(enrollmentId).update();
		jdbc.sql("delete from joint_plan where enrollment_id = ?").param(enrollmentId).update();
		jdbc.sql("delete from enrollment_income where enrollment_id = ?").param(enrollmentId).update();
		jdbc.sql("delete from enrollment where association_id = ? and id = ?").params(associationId, enrollmentId).update();
		jdbc.sql("delete from participant where id = ? and not exists (select 1 from enrollment e where e.participant_id = participant.id)")
			.param(participantId).update();
	}

	long insertAnonymous(long associationId, long interventionId, LocalDate startDate, Gender gender, String reason,
			Long importId, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into anonymous_start (association_id, intervention_id, start_date, gender, reason, import_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(associationId, interventionId, startDate, gender.name(), reason, importId, now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<FollowupViews.AnonymousTally> tallies(long associationId, long interventionId) {
		return jdbc.sql("""
				select extract(year from start_date) as y,
				       sum(case when gender = 'WOMAN' then 1 else 0 end) as women,
				       sum(case when gender = 'MAN' then 1 else 0 end) as men
				  from anonymous_start where association_id = ? and intervention_id = ?
				 group by extract(year from start_date) order by y
				""")
			.params(associationId, interventionId)
			.query((rs, n) -> new FollowupViews.AnonymousTally(rs.getInt("y"), rs.getLong("women"), rs.getLong("men")))
			.list();
	}

	/** The episodes of an insats, newest start first, filtered in SQL. */
	/** Every episode of an insats that passes the filter, newest start first. */
	List<EnrollmentRowData> rows(long associationId, long interventionId, FollowupViews.ListFilter filter, LocalDate today) {
		return rows(associationId, interventionId, filter, today, 0, Integer.MAX_VALUE);
	}

	/**
	 * One page of an insats' episodes, newest start first. The page is chosen from the insats' episodes
	 * alone (the insats' start-date index gives them in order) before participants and income sources
	 * are read, so a page of 100 reads 100 episodes, however many the insats has. The förbund is checked
	 * again on the page's rows: an episode of another förbund could only be left out, never shown.
	 */
	List<EnrollmentRowData> rows(long associationId, long interventionId, FollowupViews.ListFilter filter, LocalDate today,
			int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = listWhere(interventionId, filter, today, params);
		String page = "";
		if (offset > 0 || limit < Integer.MAX_VALUE) {
			page = " offset ? rows fetch next ? rows only";
			params.add(offset);
			params.add(limit);
		}
		params.add(associationId);
		return jdbc.sql("""
				select e.id, e.participant_id, p.code, p.gender, p.birth_year, e.start_date, e.end_date, e.exit_reason,
				       e.referrer_id, e.education, e.time_without_work, e.occupation, e.occupation_after,
				       (select count(*) from enrollment_income x where x.enrollment_id = e.id and x.phase = 'START') as income_start,
				       (select count(*) from enrollment_income x where x.enrollment_id = e.id and x.phase = 'EXIT') as income_exit
				  from (select * from enrollment e where""" + " " + where + " order by e.start_date desc, e.id desc" + page + """
				       ) e join participant p on p.id = e.participant_id
				 where e.association_id = ? order by e.start_date desc, e.id desc""")
			.params(params)
			.query((rs, n) -> new EnrollmentRowData(rs.getLong("id"),
				rs.getLong("participant_id"), rs.getString("code"), Gender.valueOf(rs.getString("gender")),
				rs.getObject("birth_year", Integer.class), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("exit_reason"),
				rs.getObject("referrer_id", Long.class), rs.getString("education"), rs.getString("time_without_work"),
				rs.getString("occupation"), rs.getString("occupation_after"), rs.getLong("income_start"),
				rs.getLong("income_exit"))).list();
	}

	/** How many episodes pass the filter, how many of them are ongoing, and how many lack data. */
	record ListSummary(long total, long ongoing, long incomplete) {
	}

	/**
	 * Counted by the database so that the list's summary does not read every row. "Lacks data" is the
	 * same rule as {@code Enrollments.missing}: birth year, referrer, education, time without work,
	 * occupation or income at start; for an ended episode also occupation or income after.
	 */
	ListSummary summary(long associationId, long interventionId, FollowupViews.ListFilter filter, LocalDate today) {
		List<Object> params = new ArrayList<>(List.of(associationId));
		String where = "e.association_id = ? and " + listWhere(interventionId, filter, today, params);
		return jdbc.sql("""
				select count(*) as total,
				       coalesce(sum(case when e.end_date is null then 1 else 0 end), 0) as ongoing,
				       coalesce(sum(case when e.birth_year is null or e.referrer_id is null or e.education is null
				                           or e.time_without_work is null or e.occupation is null
				                           or not exists (select 1 from enrollment_income x where x.enrollment_id = e.id and x.phase = 'START')
				                           or (e.end_date is not null and (e.occupation_after is null
				                               or not exists (select 1 from enrollment_income x where x.enrollment_id = e.id and x.phase = 'EXIT')))
				                         then 1 else 0 end), 0) as incomplete
				  from enrollment e
				 where""" + " " + where)
			.params(params)
			.query((rs, n) -> new ListSummary(rs.getLong("total"), rs.getLong("ongoing"), rs.getLong("incomplete")))
			.single();
	}

	private static String listWhere(long interventionId, FollowupViews.ListFilter filter, LocalDate today,
			List<Object> params) {
		StringBuilder sql = new StringBuilder("e.intervention_id = ?");
		params.add(interventionId);
		if ("ONGOING".equals(filter.status())) {
			sql.append(" and e.end_date is null");
		}
		else if ("ENDED".equals(filter.status())) {
			sql.append(" and e.end_date is not null");
		}
		if (filter.from() != null) {
			sql.append(" and (e.end_date is null or e.end_date >= ?)");
			params.add(filter.from());
		}
		if (filter.to() != null) {
			sql.append(" and e.start_date <= ?");
			params.add(filter.to());
		}
		if (filter.ongoingMonths() != null) {
			sql.append(" and e.end_date is null and e.start_date <= ?");
			params.add(today.minusMonths(filter.ongoingMonths()));
		}
		return sql.toString();
	}

	record EnrollmentRowData(long id, long participantId, String code, Gender gender, Integer birthYear,
			LocalDate startDate, LocalDate endDate, String exitReason, Long referrerId, String education,
			String timeWithoutWork, String occupation, String occupationAfter, long incomeStart, long incomeExit) {
	}

	Optional<FollowupViews.EnrollmentDetails> enrollment(long associationId, long enrollmentId, Map<Long, String> names) {
		return details("e.association_id = ? and e.id = ?", List.of(associationId, enrollmentId), names).stream().findFirst();
	}

	List<FollowupViews.EnrollmentDetails> episodes(long associationId, long participantId, Map<Long, String> names) {
		return details("e.association_id = ? and e.participant_id = ?", List.of(associationId, participantId), names);
	}

	/** {@code and column in (…)} for a scope of some insatser, nothing for all of them. */
	static String inScope(String column, InterventionScope interventions, List<Object> params) {
		if (interventions.isAll()) {
			return "";
		}
		params.addAll(interventions.ids());
		return " and " + column + " in (" + String.join(",", interventions.ids().stream().map(id -> "?").toList()) + ")";
	}

	/** Full details of the episodes of an insats, for export. */
	List<FollowupViews.EnrollmentDetails> enrollmentsOf(long associationId, InterventionScope interventions,
			Map<Long, String> names) {
		if (interventions.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(List.of(associationId));
		String where = "e.association_id = ?" + inScope("e.intervention_id", interventions, params);
		return details(where, params, names);
	}

	private List<FollowupViews.EnrollmentDetails> details(String where, List<Object> params, Map<Long, String> names) {
		List<Row> rows = jdbc.sql("""
				select e.*, p.code, p.gender, p.birth_year, p.identity_hash
				  from enrollment e join participant p on p.id = e.participant_id
				""" + " where " + where + " order by e.start_date, e.id")
			.params(params).query(Row::of).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<String, List<String>>> income = income(rows.stream().map(Row::id).toList());
		return rows.stream().map(row -> row.details(names.get(row.interventionId()),
				income.getOrDefault(row.id(), Map.of()))).toList();
	}

	private Map<Long, Map<String, List<String>>> income(List<Long> ids) {
		Map<Long, Map<String, List<String>>> income = new HashMap<>();
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			jdbc.sql("select enrollment_id, phase, code from enrollment_income where enrollment_id in ("
					+ String.join(",", chunk.stream().map(id -> "?").toList()) + ") order by code")
				.params(new ArrayList<Object>(chunk))
				.query((rs, n) -> {
					income.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
						.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
					return null;
				}).list();
		}
		return income;
	}

	private record Row(long id, long associationId, long interventionId, long participantId, String code, Gender gender,
			Integer birthYear, boolean identityKnown, LocalDate consentDate, String consentVersion, LocalDate referralDate,
			Long referrerId, Long districtId, LocalDate startDate, String education, String timeWithoutWork,
			String occupation, Integer occupationExtent, String birthRegion, String disability, LocalDate endDate,
			String exitReason, String occupationAfter, Integer occupationAfterExtent, Boolean guideSupport, Long importId) {

		static Row of(ResultSet rs, int n) throws SQLException {
			return new Row(rs.getLong("id"), rs.getLong("association_id"), rs.getLong("intervention_id"),
					rs.getLong("participant_id"), rs.getString("code"), Gender.valueOf(rs.getString("gender")),
					rs.getObject("birth_year", Integer.class), rs.getString("identity_hash") != null,
					rs.getObject("consent_date", LocalDate.class), rs.getString("consent_version"),
					rs.getObject("referral_date", LocalDate.class), rs.getObject("referrer_id", Long.class),
					rs.getObject("district_id", Long.class), rs.getObject("start_date", LocalDate.class),
					rs.getString("education"), rs.getString("time_without_work"), rs.getString("occupation"),
					rs.getObject("occupation_extent", Integer.class), rs.getString("birth_region"),
					rs.getString("disability"), rs.getObject("end_date", LocalDate.class), rs.getString("exit_reason"),
					rs.getString("occupation_after"), rs.getObject("occupation_after_extent", Integer.class),
					rs.getObject("guide_support", Boolean.class), rs.getObject("import_id", Long.class));
		}

		FollowupViews.EnrollmentDetails details(String interventionName, Map<String, List<String>> income) {
			return new FollowupViews.EnrollmentDetails(id, associationId, interventionId, interventionName, participantId,
					code, gender, birthYear, identityKnown, consentDate, consentVersion, referralDate, referrerId,
					districtId, startDate, education, timeWithoutWork, income.getOrDefault("START", List.of()), occupation,
					occupationExtent, birthRegion, disability, endDate, exitReason, occupationAfter, occupationAfterExtent,
					income.getOrDefault("EXIT", List.of()), guideSupport, importId);
		}
	}

	private static ParticipantRow participantRow(ResultSet rs, int n) throws SQLException {
		return new ParticipantRow(rs.getLong("id"), rs.getLong("association_id"), rs.getString("code"),
				rs.getString("identity_cipher"), rs.getObject("birth_year", Integer.class),
				Gender.valueOf(rs.getString("gender")));
	}

	/** Per insats: ongoing episodes now, starts in the year (with anonymous ones), exits in the year. */
	Map<Long, long[]> counts(long associationId, int year) {
		Map<Long, long[]> counts = new HashMap<>();
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		jdbc.sql("""
				select intervention_id,
				       sum(case when end_date is null then 1 else 0 end),
				       sum(case when start_date between ? and ? then 1 else 0 end),
				       sum(case when end_date between ? and ? then 1 else 0 end)
				  from enrollment where association_id = ? group by intervention_id
				""").params(first, last, first, last, associationId)
			.query((rs, n) -> counts.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }))
			.list();
		jdbc.sql("""
				select intervention_id, count(*) from anonymous_start
				 where association_id = ? and start_date between ? and ? group by intervention_id
				""").params(associationId, first, last)
			.query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), k -> new long[3])[1] += rs.getLong(2)).list();
		return counts;
	}

	Set<String> questions(long associationId) {
		return new java.util.TreeSet<>(jdbc.sql("select question from followup_question where association_id = ?")
			.param(associationId).query(String.class).list());
	}

	void replaceQuestions(long associationId, Collection<String> questions) {
		jdbc.sql("delete from followup_question where association_id = ?").param(associationId).update();
		questions.forEach(q -> jdbc.sql("insert into followup_question (association_id, question) values (?, ?)")
			.params(associationId, q).update());
	}
}
