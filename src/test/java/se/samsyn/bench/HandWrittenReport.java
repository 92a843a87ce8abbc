package se.samsyn.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;

import se.samsyn.followup.statistics.Counts;
import se.samsyn.report.ReportPeriod;

/**
 * The follow-up report's figures as a developer would write them by hand: plain grouped SQL, one
 * statement per figure or breakdown, grouped by the breakdown's code and the legal gender. The
 * benchmarks measure the report against it, and {@code HandWrittenReportTests} proves that both
 * give the same numbers on the demo data. Codes are the report's: {@code MISSING} for no value.
 */
final class HandWrittenReport {

	/**
	 * Started (not anonymous), anonymous starts, ongoing at the period's end, ended; breakdown key → code →
	 * counts; the national report's other tables, or null.
	 */
	record Figures(Counts started, Counts startedAnonymously, Counts ongoing, Counts ended,
			Map<String, Map<String, Counts>> breakdowns, National national) {
	}

	private static final String EPISODES = "enrollment e";

	private static final String AGE_BAND = """
			case when e.birth_year is null then 'UNKNOWN'
			     when extract(year from e.start_date) - e.birth_year < 16 then 'UNDER_16'
			     when extract(year from e.start_date) - e.birth_year <= 19 then 'A16_19'
			     when extract(year from e.start_date) - e.birth_year <= 24 then 'A20_24'
			     when extract(year from e.start_date) - e.birth_year <= 29 then 'A25_29'
			     when extract(year from e.start_date) - e.birth_year <= 39 then 'A30_39'
			     when extract(year from e.start_date) - e.birth_year <= 49 then 'A40_49'
			     when extract(year from e.start_date) - e.birth_year <= 59 then 'A50_59'
			     when extract(year from e.start_date) - e.birth_year <= 64 then 'A60_64'
			     else 'OVER_64' end""";

	/**
	 * Whole months from start to end, as {@code ChronoUnit.MONTHS.between}: the difference of the months,
	 * less one when the end's day of month is before the start's (the end is never before the start).
	 */
	private static final String MONTHS_IN_INSATS = """
			(extract(year from e.end_date) * 12 + extract(month from e.end_date)
			 - extract(year from e.start_date) * 12 - extract(month from e.start_date)
			 - case when extract(day from e.end_date) < extract(day from e.start_date) then 1 else 0 end)""";

	private HandWrittenReport() {
	}

	/**
	 * The figures of the förbund over the period, all their insatser: {@code single} as one förbund's report
	 * (referrers by member, unit and district), otherwise as the national one (referrers by kind of member).
	 */
	static Figures figures(JdbcTemplate jdbc, Collection<Long> associationIds, ReportPeriod period, boolean single) {
		String ids = String.join(",", associationIds.stream().map(String::valueOf).toList());
		String started = "e.association_id in (" + ids + ") and e.start_date between ? and ?";
		String ended = "e.association_id in (" + ids + ") and e.end_date between ? and ?";
		Object[] dates = { period.from(), period.to() };

		Map<String, Map<String, Counts>> breakdowns = new LinkedHashMap<>();
		breakdowns.put("ageBand", grouped(jdbc, AGE_BAND, EPISODES, started, dates));
		breakdowns.put("education", grouped(jdbc, "e.education", EPISODES, started, dates));
		breakdowns.put("timeWithoutWork", grouped(jdbc, "e.time_without_work", EPISODES, started, dates));
		breakdowns.put("incomeSource", grouped(jdbc, "i.code",
				EPISODES + " join enrollment_income i on i.enrollment_id = e.id and i.phase = 'START'", started, dates));
		breakdowns.put("occupation", grouped(jdbc, "e.occupation", EPISODES, started, dates));
		String referrers = EPISODES + " left join referrer r on r.id = e.referrer_id and r.association_id in (" + ids + ")";
		if (single) {
			breakdowns.put("referrerMember", grouped(jdbc,
					"case when r.self_referral then 'SELF' else cast(r.member_id as varchar(20)) end", referrers, started, dates));
			breakdowns.put("referrer", grouped(jdbc, "cast(e.referrer_id as varchar(20))", EPISODES, started, dates));
			breakdowns.put("district", grouped(jdbc, "cast(e.district_id as varchar(20))", EPISODES, started, dates));
		}
		else {
			breakdowns.put("referrerKind", grouped(jdbc, "case when r.self_referral then 'SELF' else m.kind end",
					referrers + " left join member m on m.id = r.member_id", started, dates));
		}
		breakdowns.put("birthRegion", grouped(jdbc, "e.birth_region", EPISODES, started, dates));
		breakdowns.put("disability", grouped(jdbc, "e.disability", EPISODES, started, dates));

		breakdowns.put("exitReason", grouped(jdbc, "e.exit_reason", EPISODES, ended, dates));
		breakdowns.put("outcomeGroup", outcomeGroups(jdbc, ended, dates));
		breakdowns.put("occupationBefore", grouped(jdbc, "e.occupation", EPISODES, ended, dates));
		breakdowns.put("occupationAfter", grouped(jdbc, "e.occupation_after", EPISODES, ended, dates));
		breakdowns.put("incomeBefore", grouped(jdbc, "i.code",
				EPISODES + " join enrollment_income i on i.enrollment_id = e.id and i.phase = 'START'", ended, dates));
		breakdowns.put("incomeAfter", grouped(jdbc, "i.code",
				EPISODES + " join enrollment_income i on i.enrollment_id = e.id and i.phase = 'EXIT'", ended, dates));
		breakdowns.put("guideSupport", grouped(jdbc, "case when e.guide_support then 'YES' when not e.guide_support then 'NO' end",
				EPISODES, ended, dates));
		breakdowns.put("timeInInsats", grouped(jdbc, """
				case when %1$s < 3 then 'UNDER_3' when %1$s < 6 then 'M3_6' when %1$s < 12 then 'M6_12'
				     when %1$s < 24 then 'M12_24' else 'OVER_24' end""".formatted(MONTHS_IN_INSATS), EPISODES, ended, dates));
		for (int months : List.of(2, 6, 12)) {
			breakdowns.put("planActivities" + months, planActivities(jdbc, ids, period, months));
		}

		Counts ongoing = byGender(jdbc, "select e.gender, count(*), sum(e.record_key) from " + EPISODES + " where e.association_id in (" + ids
				+ ") and e.start_date <= ? and (e.end_date is null or e.end_date > ?) group by e.gender", period.to(), period.to());
		Counts anonymous = byGender(jdbc, "select a.gender, count(*), sum(a.record_key) from anonymous_start a where a.association_id in (" + ids
				+ ") and a.start_date between ? and ? group by a.gender", dates);
		Counts startedCounts = byGender(jdbc, "select e.gender, count(*), sum(e.record_key) from " + EPISODES + " where " + started
				+ " group by e.gender", dates);
		Counts endedCounts = byGender(jdbc, "select e.gender, count(*), sum(e.record_key) from " + EPISODES + " where " + ended
				+ " group by e.gender", dates);
		return new Figures(startedCounts, anonymous, ongoing, endedCounts, breakdowns, null);
	}

	/**
	 * The rest of what the national report shows: the combined figures of the period before, and who started
	 * and ended per förbund in both periods.
	 */
	record National(Figures previous, Map<Long, Counts> startedPerAssociation, Map<Long, Counts> endedPerAssociation,
			Map<Long, Counts> startedBefore, Map<Long, Counts> endedBefore) {
	}

	/** The national report's figures over the förbund that take part: the period's, with the rest in {@code national}. */
	static Figures national(JdbcTemplate jdbc, Collection<Long> associationIds, ReportPeriod period) {
		ReportPeriod previous = period.previous();
		Figures figures = figures(jdbc, associationIds, period, false);
		return new Figures(figures.started(), figures.startedAnonymously(), figures.ongoing(), figures.ended(),
				figures.breakdowns(), new National(figures(jdbc, associationIds, previous, false),
						perAssociation(jdbc, associationIds, period, true), perAssociation(jdbc, associationIds, period, false),
						perAssociation(jdbc, associationIds, previous, true), perAssociation(jdbc, associationIds, previous, false)));
	}

	/** Women and men per förbund who started ({@code started}) or ended in the period: the national report's tables. */
	static Map<Long, Counts> perAssociation(JdbcTemplate jdbc, Collection<Long> associationIds, ReportPeriod period,
			boolean started) {
		String ids = String.join(",", associationIds.stream().map(String::valueOf).toList());
		String date = started ? "e.start_date" : "e.end_date";
		Map<Long, Counts> counts = new TreeMap<>();
		jdbc.query("select e.association_id, e.gender, count(*), sum(e.record_key) from " + EPISODES + " where e.association_id in (" + ids
				+ ") and " + date + " between ? and ? group by e.association_id, e.gender", rs -> {
					counts.merge(rs.getLong(1), counts(rs.getString(2), rs.getLong(3), rs.getLong(4)), Counts::plus);
				}, period.from(), period.to());
		return counts;
	}

	/**
	 * The activities' status at {@code months} whose follow-up date (meeting plus the months, at the month's
	 * end when shorter, as in Java and PostgreSQL) falls in the period. The follow-up is never more than three
	 * days after the meeting date plus the months counted back from the period's end, so the plain range on
	 * the meeting date lets the database use its index.
	 */
	private static Map<String, Counts> planActivities(JdbcTemplate jdbc, String ids, ReportPeriod period, int months) {
		String status = "a.status_" + months;
		return grouped(jdbc, status, "a.record_key", """
				plan_activity a join joint_plan j on j.id = a.plan_id join enrollment e on e.id = j.enrollment_id""",
				"e.association_id in (" + ids + ") and " + status + " is not null and j.meeting_date between ? and ?"
						+ " and j.meeting_date + interval '" + months + "' month between ? and ?",
				new Object[] { period.from().minusMonths(months), period.to().minusMonths(months).plusDays(3), period.from(),
						period.to() });
	}

	/** Work or studies, and onward or other: the first is part of the second, so two groupings in one statement. */
	private static Map<String, Counts> outcomeGroups(JdbcTemplate jdbc, String ended, Object[] dates) {
		Map<String, Counts> counts = new TreeMap<>();
		jdbc.query("""
				select k, g, count(*), sum(rk) from (
				  select case when e.exit_reason in ('WORK', 'STUDIES') then 'WORK_OR_STUDIES' end as k, e.gender as g,
				         e.record_key as rk
				    from %1$s where %2$s
				  union all
				  select case when e.exit_reason in ('WORK', 'STUDIES', 'REHAB_COOPERATION', 'EMPLOYMENT_SERVICE',
				                                     'MUNICIPAL_LABOUR_MARKET') then 'ONWARD' else 'OTHER' end, e.gender,
				         e.record_key
				    from %1$s where %2$s) t
				 where k is not null group by k, g""".formatted(EPISODES, ended), rs -> {
					counts.merge(rs.getString(1), counts(rs.getString(2), rs.getLong(3), rs.getLong(4)), Counts::plus);
				}, dates[0], dates[1], dates[0], dates[1]);
		return counts;
	}

	/** Counts (and their episodes' key sums) per code and gender of {@code key} over the rows of {@code from} that match {@code where}. */
	private static Map<String, Counts> grouped(JdbcTemplate jdbc, String key, String from, String where, Object[] params) {
		return grouped(jdbc, key, "e.record_key", from, where, params);
	}

	/** The same with the record keys of {@code recordKey}: the activities', for joint-plan follow-ups. */
	private static Map<String, Counts> grouped(JdbcTemplate jdbc, String key, String recordKey, String from, String where,
			Object[] params) {
		Map<String, Counts> counts = new TreeMap<>();
		jdbc.query("select k, g, count(*), sum(rk) from (select " + key + " as k, e.gender as g, " + recordKey + " as rk from "
				+ from + " where " + where + ") t group by k, g", rs -> {
					String code = rs.getString(1);
					counts.merge(code == null ? "MISSING" : code, counts(rs.getString(2), rs.getLong(3), rs.getLong(4)),
							Counts::plus);
				}, params);
		return counts;
	}

	private static Counts byGender(JdbcTemplate jdbc, String sql, Object... params) {
		List<Counts> rows = new ArrayList<>();
		jdbc.query(sql, rs -> {
			rows.add(counts(rs.getString(1), rs.getLong(2), rs.getLong(3)));
		}, params);
		return rows.stream().reduce(Counts.ZERO, Counts::plus);
	}

	private static Counts counts(String gender, long count, long keys) {
		return Counts.of("WOMAN".equals(gender), count, keys);
	}
}
