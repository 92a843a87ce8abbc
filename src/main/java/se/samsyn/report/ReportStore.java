package se.samsyn.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.samsyn.report.FollowupFigures.Counts;

/**
 * The report's figures counted by the database: one grouped query per variable, over the episodes
 * of the chosen förbund and insatser. Keys are codes; labels are added by the service.
 */
@Repository
class ReportStore {

	/** Which episodes: of these förbund, optionally only these insatser (null: all of them). */
	record Scope(Collection<Long> associationIds, Collection<Long> interventionIds) {
	}

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Anonymous starts per insats. */
	Map<Long, Counts> anonymousStartsPerIntervention(Scope scope, ReportPeriod period) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder("a.association_id in (" + marks(scope.associationIds(), params) + ")");
		if (scope.interventionIds() != null) {
			where.append(" and a.intervention_id in (").append(marks(scope.interventionIds(), params)).append(")");
		}
		where.append(" and a.start_date between ? and ?");
		params.add(period.from());
		params.add(period.to());
		Map<Long, Counts> counts = new TreeMap<>();
		jdbc.sql("select a.intervention_id as i, a.gender as g, count(*) as n from anonymous_start a where " + where
				+ " group by a.intervention_id, a.gender").params(params).query((rs, n) -> {
					long count = rs.getLong("n");
					counts.merge(rs.getLong("i"), "WOMAN".equals(rs.getString("g")) ? new Counts(count, 0) : new Counts(0, count),
							Counts::plus);
					return null;
				}).list();
		return counts;
	}

	/** An episode as the report counts it. */
	record Episode(long id, long interventionId, boolean woman, Integer birthYear, LocalDate startDate,
			LocalDate endDate, String education, String timeWithoutWork, String occupation, String occupationAfter,
			Long referrerId, Long districtId, String birthRegion, String disability, String exitReason,
			Boolean guideSupport) {
	}

	/** Every episode that touches the period (started, ended, or ongoing at its end), read in one pass. */
	List<Episode> episodes(Scope scope, ReportPeriod period) {
		List<Object> params = new ArrayList<>();
		String where = touching(scope, period, params);
		return jdbc.sql("""
				select e.id, e.intervention_id, p.gender, p.birth_year, e.start_date, e.end_date, e.education,
				       e.time_without_work, e.occupation, e.occupation_after, e.referrer_id, e.district_id, e.birth_region,
				       e.disability, e.exit_reason, e.guide_support
				  from enrollment e join participant p on p.id = e.participant_id where """ + " " + where)
			.params(params)
			.query((rs, n) -> new Episode(rs.getLong(1), rs.getLong(2), "WOMAN".equals(rs.getString(3)),
					rs.getObject(4, Integer.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
					rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, Long.class),
					rs.getObject(12, Long.class), rs.getString(13), rs.getString(14), rs.getString(15),
					rs.getObject(16, Boolean.class)))
			.list();
	}

	/** The income sources (phase, code) of the episodes that touch the period, by episode id. */
	Map<Long, List<String[]>> income(Scope scope, ReportPeriod period) {
		List<Object> params = new ArrayList<>();
		String where = touching(scope, period, params);
		Map<Long, List<String[]>> income = new java.util.HashMap<>();
		jdbc.sql("select i.enrollment_id, i.phase, i.code from enrollment_income i join enrollment e on e.id = i.enrollment_id where "
				+ where).params(params).query((rs, n) -> {
					income.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new String[] { rs.getString(2), rs.getString(3) });
					return null;
				}).list();
		return income;
	}

	/** The kind of each referring unit of the förbund: a member's kind, or SELF; with the member's id. */
	Map<Long, String[]> referrers(Collection<Long> associationIds) {
		List<Object> params = new ArrayList<>();
		Map<Long, String[]> referrers = new java.util.HashMap<>();
		jdbc.sql("select r.id, r.self_referral, r.member_id, m.kind from referrer r left join member m on m.id = r.member_id where "
				+ oneOf("r.association_id", associationIds, params)).params(params).query((rs, n) -> {
					boolean self = rs.getBoolean(2);
					referrers.put(rs.getLong(1), new String[] { self ? "SELF" : rs.getString(4),
							self ? "SELF" : (rs.getObject(3) == null ? null : String.valueOf(rs.getLong(3))) });
					return null;
				}).list();
		return referrers;
	}

	private static String touching(Scope scope, ReportPeriod period, List<Object> params) {
		StringBuilder where = new StringBuilder(oneOf("e.association_id", scope.associationIds(), params));
		if (scope.interventionIds() != null) {
			where.append(" and ").append(oneOf("e.intervention_id", scope.interventionIds(), params));
		}
		where.append(" and e.start_date <= ? and (e.end_date is null or e.end_date >= ?)");
		params.add(period.to());
		params.add(period.from());
		return where.toString();
	}

	Counts anonymousStarts(Scope scope, ReportPeriod period) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder("a.association_id in (" + marks(scope.associationIds(), params) + ")");
		if (scope.interventionIds() != null) {
			where.append(" and a.intervention_id in (").append(marks(scope.interventionIds(), params)).append(")");
		}
		where.append(" and a.start_date between ? and ?");
		params.add(period.from());
		params.add(period.to());
		Map<String, Counts> counts = collect("select 'ALL' as k, a.gender as g, count(*) as n from anonymous_start a where "
				+ where + " group by a.gender", params);
		return counts.getOrDefault("ALL", Counts.ZERO);
	}

	/**
	 * Joint-plan activities with a status at 2, 6 or 12 months whose follow-up date (meeting plus the
	 * months) falls in the period: meeting date, the three statuses and the participant's gender.
	 */
	List<Object[]> planActivities(Scope scope, ReportPeriod period) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder("e.association_id in (" + marks(scope.associationIds(), params) + ")");
		if (scope.interventionIds() != null) {
			where.append(" and e.intervention_id in (").append(marks(scope.interventionIds(), params)).append(")");
		}
		where.append(" and j.meeting_date between ? and ?");
		params.add(period.from().minusMonths(12));
		params.add(period.to().minusMonths(2));
		return jdbc.sql("""
				select j.meeting_date, a.status_2, a.status_6, a.status_12, p.gender, e.intervention_id
				  from plan_activity a join joint_plan j on j.id = a.plan_id join enrollment e on e.id = j.enrollment_id
				  join participant p on p.id = e.participant_id where """ + " " + where)
			.params(params)
			.query((rs, n) -> new Object[] { rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getLong(6) })
			.list();
	}

	/** {@code column = ?} for one id (the database then uses the förbund's index), {@code column in (…)} for several. */
	private static String oneOf(String column, Collection<Long> ids, List<Object> params) {
		if (ids.size() == 1) {
			params.add(ids.iterator().next());
			return column + " = ?";
		}
		return column + " in (" + marks(ids, params) + ")";
	}

	private static String marks(Collection<Long> ids, List<Object> params) {
		if (ids.isEmpty()) {
			return "null";
		}
		params.addAll(ids);
		return String.join(",", ids.stream().map(id -> "?").toList());
	}

	private Map<String, Counts> collect(String sql, List<Object> params) {
		Map<String, Counts> counts = new TreeMap<>();
		jdbc.sql(sql).params(params).query((rs, n) -> {
			add(counts, rs.getString("k"), rs.getString("g"), rs.getLong("n"));
			return null;
		}).list();
		return counts;
	}

	private static void add(Map<String, Counts> counts, String key, String gender, long count) {
		counts.merge(key == null ? "MISSING" : key, "WOMAN".equals(gender) ? new Counts(count, 0) : new Counts(0, count),
				Counts::plus);
	}
}
