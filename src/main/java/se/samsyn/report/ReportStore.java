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

	/** Episodes that started, ended, or were ongoing at the end of the period. */
	enum Phase {
		STARTED, ENDED, ONGOING
	}

	static final String AGE_BAND = """
			case when p.birth_year is null then 'UNKNOWN'
			     when extract(year from e.start_date) - p.birth_year < 16 then 'UNDER_16'
			     when extract(year from e.start_date) - p.birth_year <= 19 then 'A16_19'
			     when extract(year from e.start_date) - p.birth_year <= 24 then 'A20_24'
			     when extract(year from e.start_date) - p.birth_year <= 29 then 'A25_29'
			     when extract(year from e.start_date) - p.birth_year <= 39 then 'A30_39'
			     when extract(year from e.start_date) - p.birth_year <= 49 then 'A40_49'
			     when extract(year from e.start_date) - p.birth_year <= 59 then 'A50_59'
			     when extract(year from e.start_date) - p.birth_year <= 64 then 'A60_64'
			     else 'OVER_64' end""";

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts per key and gender of a variable ({@code key} is an SQL expression over e, p and the joins). */
	Map<String, Counts> count(Scope scope, ReportPeriod period, Phase phase, String key, String joins) {
		List<Object> params = new ArrayList<>();
		String sql = "select " + key + " as k, p.gender as g, count(*) as n"
				+ " from enrollment e join participant p on p.id = e.participant_id " + joins
				+ " where " + where(scope, period, phase, params) + " group by " + groupKey(key) + "p.gender";
		return collect(sql, params);
	}

	/** PostgreSQL refuses a constant key such as {@code 'ALL'} in GROUP BY ("non-integer constant"); it needs none. */
	private static String groupKey(String key) {
		return key.startsWith("'") ? "" : key + ", ";
	}

	/** As {@link #count}, per insats. */
	Map<Long, Map<String, Counts>> countPerIntervention(Scope scope, ReportPeriod period, Phase phase, String key,
			String joins) {
		List<Object> params = new ArrayList<>();
		String sql = "select e.intervention_id as i, " + key + " as k, p.gender as g, count(*) as n"
				+ " from enrollment e join participant p on p.id = e.participant_id " + joins
				+ " where " + where(scope, period, phase, params) + " group by e.intervention_id, " + groupKey(key) + "p.gender";
		Map<Long, Map<String, Counts>> counts = new TreeMap<>();
		jdbc.sql(sql).params(params).query((rs, n) -> {
			add(counts.computeIfAbsent(rs.getLong("i"), id -> new TreeMap<>()), rs.getString("k"), rs.getString("g"),
					rs.getLong("n"));
			return null;
		}).list();
		return counts;
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

	/** Start and end of each episode ended in the period, with gender: for the time spent in the insats. */
	List<Object[]> endedDurations(Scope scope, ReportPeriod period) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("select e.start_date, e.end_date, p.gender from enrollment e join participant p on p.id = e.participant_id"
				+ " where " + where(scope, period, Phase.ENDED, params))
			.params(params)
			.query((rs, n) -> new Object[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), rs.getString(3) })
			.list();
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

	private static String where(Scope scope, ReportPeriod period, Phase phase, List<Object> params) {
		StringBuilder where = new StringBuilder("e.association_id in (" + marks(scope.associationIds(), params) + ")");
		if (scope.interventionIds() != null) {
			where.append(" and e.intervention_id in (").append(marks(scope.interventionIds(), params)).append(")");
		}
		switch (phase) {
			case STARTED -> {
				where.append(" and e.start_date between ? and ?");
				params.add(period.from());
				params.add(period.to());
			}
			case ENDED -> {
				where.append(" and e.end_date between ? and ?");
				params.add(period.from());
				params.add(period.to());
			}
			case ONGOING -> {
				where.append(" and e.start_date <= ? and (e.end_date is null or e.end_date > ?)");
				params.add(period.to());
				params.add(period.to());
			}
		}
		return where.toString();
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
