package se.samsyn.followup.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import se.samsyn.followup.JointPlans;

/**
 * What a report counts, read from the follow-up's tables: the episodes of a selection that touch a span (for the
 * report to count in one pass), and the counts the database groups itself — anonymous starts, income sources and
 * the joint plans' follow-ups. Keys are codes; labels are the report's.
 */
@Service
public class FollowupStatistics {

	private final JdbcClient jdbc;

	FollowupStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Anonymous starts per insats. */
	public Map<Long, Counts> anonymousStartsPerIntervention(Selection scope, Span period) {
		List<Object> params = new ArrayList<>();
		String where = startedIn(scope, period, params);
		Map<Long, Counts> counts = new TreeMap<>();
		jdbc.sql("select a.intervention_id as i, a.gender as g, count(*) as n, sum(a.record_key) as k from anonymous_start a where "
				+ where + " group by a.intervention_id, a.gender").params(params).query((rs, n) -> {
					counts.merge(rs.getLong("i"), Counts.of("WOMAN".equals(rs.getString("g")), rs.getLong("n"), rs.getLong("k")),
							Counts::plus);
					return null;
				}).list();
		return counts;
	}

	/** An episode as a report counts it, with its record key ({@link Counts}). */
	public record Episode(long id, long associationId, long interventionId, boolean woman, Integer birthYear, LocalDate startDate,
			LocalDate endDate, String education, String timeWithoutWork, String occupation, String occupationAfter,
			Long referrerId, Long districtId, String birthRegion, String disability, String exitReason,
			Boolean guideSupport, long recordKey) {

		/** The episode as a count of one. */
		public Counts one() {
			return Counts.one(woman, recordKey);
		}
	}

	/**
	 * Every episode that touches the period (started, ended, or ongoing at its end), read in one pass from the
	 * episodes alone: each carries its participant's gender and birth year.
	 */
	public List<Episode> episodes(Selection scope, Span period) {
		List<Object> params = new ArrayList<>();
		String where = touching(scope, period, params);
		Codes codes = new Codes();
		return jdbc.sql("""
				select e.id, e.association_id, e.intervention_id, e.gender, e.birth_year, e.start_date, e.end_date, e.education,
				       e.time_without_work, e.occupation, e.occupation_after, e.referrer_id, e.district_id, e.birth_region,
				       e.disability, e.exit_reason, e.guide_support, e.record_key
				  from enrollment e where""" + " " + where)
			.params(params)
			.query((rs, n) -> new Episode(rs.getLong(1), rs.getLong(2), rs.getLong(3), "WOMAN".equals(rs.getString(4)),
					rs.getObject(5, Integer.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
					codes.of(rs.getString(8)), codes.of(rs.getString(9)), codes.of(rs.getString(10)), codes.of(rs.getString(11)),
					rs.getObject(12, Long.class), rs.getObject(13, Long.class), codes.of(rs.getString(14)),
					codes.of(rs.getString(15)), codes.of(rs.getString(16)), rs.getObject(17, Boolean.class), rs.getLong(18)))
			.list();
	}

	/**
	 * Persons per income source in a period, by gender (a person with several sources counts under each): at
	 * start of those who started in it, and at start and at exit of those who ended in it.
	 */
	public record IncomeCounts(Map<String, Counts> startedAtStart, Map<String, Counts> endedAtStart,
			Map<String, Counts> endedAtExit) {
	}

	/**
	 * The income counts of each period, counted by the database in one pass over the episodes that touch any of
	 * them. The periods are sums, not grouping keys: grouped by code and gender alone the database knows there are
	 * few groups and counts them in a hash table, where grouping by a date test each made it sort every row.
	 */
	public List<IncomeCounts> income(Selection scope, List<Span> periods) {
		List<Object> params = new ArrayList<>();
		List<String> sums = new ArrayList<>();
		for (int p = 0; p < periods.size(); p++) {
			Span period = periods.get(p);
			sums.add("sum(case when e.start_date between ? and ? then 1 else 0 end) as s" + p);
			sums.add("sum(case when e.start_date between ? and ? then e.record_key else 0 end) as sk" + p);
			sums.add("sum(case when e.end_date between ? and ? then 1 else 0 end) as x" + p);
			sums.add("sum(case when e.end_date between ? and ? then e.record_key else 0 end) as xk" + p);
			params.addAll(List.of(period.from(), period.to(), period.from(), period.to(), period.from(), period.to(),
					period.from(), period.to()));
		}
		String where = touching(scope, Span.covering(periods), params);
		List<IncomeCounts> result = new ArrayList<>();
		periods.forEach(period -> result.add(new IncomeCounts(new TreeMap<>(), new TreeMap<>(), new TreeMap<>())));
		jdbc.sql("select i.phase, i.code, e.gender, " + String.join(", ", sums)
				+ " from enrollment_income i join enrollment e on e.id = i.enrollment_id where " + where
				+ " group by i.phase, i.code, e.gender")
			.params(params)
			.query((rs, n) -> {
				boolean atStart = "START".equals(rs.getString("phase"));
				String code = rs.getString("code");
				String gender = rs.getString("gender");
				for (int p = 0; p < periods.size(); p++) {
					IncomeCounts of = result.get(p);
					long started = rs.getLong("s" + p);
					long ended = rs.getLong("x" + p);
					if (atStart && started > 0) {
						add(of.startedAtStart(), code, gender, started, rs.getLong("sk" + p));
					}
					if (ended > 0) {
						add(atStart ? of.endedAtStart() : of.endedAtExit(), code, gender, ended, rs.getLong("xk" + p));
					}
				}
				return null;
			})
			.list();
		return result;
	}

	/**
	 * One String per code however many rows repeat it: the service's tallies over a hundred thousand
	 * episodes then find a code's count without reading the code's characters again.
	 */
	private static final class Codes {

		private final Map<String, String> codes = new HashMap<>();

		String of(String code) {
			return code == null ? null : codes.computeIfAbsent(code, c -> c);
		}
	}

	private static String touching(Selection scope, Span period, List<Object> params) {
		StringBuilder where = new StringBuilder(oneOf("e.association_id", scope.associationIds(), params));
		if (!scope.interventions().isAll()) {
			where.append(" and ").append(oneOf("e.intervention_id", scope.interventions().ids(), params));
		}
		where.append(" and e.start_date <= ? and (e.end_date is null or e.end_date >= ?)");
		params.add(period.to());
		params.add(period.from());
		return where.toString();
	}

	public Counts anonymousStarts(Selection scope, Span period) {
		List<Object> params = new ArrayList<>();
		String where = startedIn(scope, period, params);
		Counts[] counts = { Counts.ZERO };
		jdbc.sql("select a.gender as g, count(*) as n, sum(a.record_key) as k from anonymous_start a where " + where
				+ " group by a.gender").params(params).query((rs, n) -> {
					counts[0] = counts[0].plus(Counts.of("WOMAN".equals(rs.getString("g")), rs.getLong("n"), rs.getLong("k")));
					return null;
				}).list();
		return counts[0];
	}

	/** The anonymous starts ({@code a}) of the selection in the span. */
	private static String startedIn(Selection scope, Span period, List<Object> params) {
		StringBuilder where = new StringBuilder("a.association_id in (" + marks(scope.associationIds(), params) + ")");
		if (!scope.interventions().isAll()) {
			where.append(" and a.intervention_id in (").append(marks(scope.interventions().ids(), params)).append(")");
		}
		where.append(" and a.start_date between ? and ?");
		params.add(period.from());
		params.add(period.to());
		return where.toString();
	}

	/** A follow-up of the joint plans' activities: 2, 6 and 12 months after the meeting. */
	public static final List<Integer> FOLLOW_UPS = JointPlans.FOLLOW_UPS;

	/** Activities counted at each follow-up ({@link #FOLLOW_UPS}) that falls in the period, by status and gender. */
	public record PlanFollowUps(Map<Integer, Map<String, Counts>> counts) {

		public static final PlanFollowUps NONE = new PlanFollowUps(Map.of());

		public Map<String, Counts> at(int months) {
			return counts.getOrDefault(months, Map.of());
		}
	}

	/** For each period, the joint-plan activities of the scope followed up in it, counted by the database in one pass. */
	public List<PlanFollowUps> planActivities(Selection scope, List<Span> periods) {
		return planActivities(scope, periods, false).stream().map(of -> of.getOrDefault(0L, PlanFollowUps.NONE)).toList();
	}

	/** The same for one period, per insats. */
	public Map<Long, PlanFollowUps> planActivitiesPerIntervention(Selection scope, Span period) {
		return planActivities(scope, List.of(period), true).get(0);
	}

	/**
	 * One pass over the meetings of every follow-up window of the periods, grouped by the activity's three
	 * statuses and the gender (and the insats): for each window a sum of the activities whose meeting lies in it,
	 * so that the database groups into few rows in a hash table instead of sorting every activity.
	 */
	private List<Map<Long, PlanFollowUps>> planActivities(Selection scope, List<Span> periods, boolean perIntervention) {
		List<Object> params = new ArrayList<>();
		List<String> sums = new ArrayList<>();
		LocalDate first = null;
		LocalDate last = null;
		for (int p = 0; p < periods.size(); p++) {
			for (int months : FOLLOW_UPS) {
				MeetingWindow window = MeetingWindow.of(periods.get(p), months);
				sums.add("sum(case when j.meeting_date between ? and ? then 1 else 0 end) as w" + p + "_" + months);
				sums.add("sum(case when j.meeting_date between ? and ? then a.record_key else 0 end) as k" + p + "_" + months);
				params.addAll(List.of(window.first(), window.last(), window.first(), window.last()));
				first = first == null || window.first().isBefore(first) ? window.first() : first;
				last = last == null || window.last().isAfter(last) ? window.last() : last;
			}
		}
		// A plan is of its episode's förbund (JointPlans.create): its own förbund lets the database use the meeting-date index.
		StringBuilder where = new StringBuilder(oneOf("j.association_id", scope.associationIds(), params));
		if (!scope.interventions().isAll()) {
			where.append(" and ").append(oneOf("e.intervention_id", scope.interventions().ids(), params));
		}
		where.append(" and j.meeting_date between ? and ?");
		params.add(first);
		params.add(last);
		String keys = (perIntervention ? "e.intervention_id, " : "") + "e.gender, a.status_2, a.status_6, a.status_12";
		List<Map<Long, Map<Integer, Map<String, Counts>>>> counts = new ArrayList<>();
		periods.forEach(period -> counts.add(new TreeMap<>()));
		jdbc.sql("select " + keys + ", " + String.join(", ", sums)
				+ " from plan_activity a join joint_plan j on j.id = a.plan_id join enrollment e on e.id = j.enrollment_id"
				+ " where " + where + " group by " + keys)
			.params(params)
			.query((rs, n) -> {
				long insats = perIntervention ? rs.getLong("intervention_id") : 0L;
				for (int p = 0; p < periods.size(); p++) {
					Map<Integer, Map<String, Counts>> ofInsats = counts.get(p).computeIfAbsent(insats, id -> new TreeMap<>());
					for (int months : FOLLOW_UPS) {
						String status = rs.getString("status_" + months);
						long activities = rs.getLong("w" + p + "_" + months);
						if (status != null && activities > 0) {
							add(ofInsats.computeIfAbsent(months, m -> new TreeMap<>()), status, rs.getString("gender"), activities,
									rs.getLong("k" + p + "_" + months));
						}
					}
				}
				return null;
			})
			.list();
		List<Map<Long, PlanFollowUps>> result = new ArrayList<>();
		for (Map<Long, Map<Integer, Map<String, Counts>>> ofPeriod : counts) {
			Map<Long, PlanFollowUps> followUps = new TreeMap<>();
			ofPeriod.forEach((insats, byMonths) -> followUps.put(insats, new PlanFollowUps(byMonths)));
			result.add(followUps);
		}
		return result;
	}

	/**
	 * The meeting dates whose follow-up {@code months} later falls in the period, the follow-up dated as
	 * {@link LocalDate#plusMonths} does (31 March and 30 March plus six months are both 30 September).
	 * Empty, {@code first} after {@code last}, when no meeting day has a follow-up in it.
	 */
	public record MeetingWindow(LocalDate first, LocalDate last) {

		public static MeetingWindow of(Span period, int months) {
			// Counting back gives the window to within the days a shorter month lacks; step forward over those.
			LocalDate first = period.from().minusMonths(months);
			while (first.plusMonths(months).isBefore(period.from())) {
				first = first.plusDays(1);
			}
			LocalDate last = period.to().minusMonths(months);
			while (!last.plusDays(1).plusMonths(months).isAfter(period.to())) {
				last = last.plusDays(1);
			}
			return new MeetingWindow(first, last);
		}
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

	private static void add(Map<String, Counts> counts, String key, String gender, long count, long keys) {
		counts.merge(key == null ? "MISSING" : key, Counts.of("WOMAN".equals(gender), count, keys), Counts::plus);
	}
}
