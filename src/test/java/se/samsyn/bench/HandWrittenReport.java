package se.samsyn.bench;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;

import se.samsyn.report.FollowupFigures.Counts;
import se.samsyn.report.ReportPeriod;

/** TEMPORARY placeholder until the real baseline is merged. */
final class HandWrittenReport {
	record Figures(Counts started) {
	}

	static Figures figures(JdbcTemplate jdbc, Collection<Long> ids, ReportPeriod period, boolean single) {
		String in = String.join(",", ids.stream().map(String::valueOf).toList());
		var row = jdbc.queryForMap("select sum(case when p.gender = 'WOMAN' then 1 else 0 end) as w, sum(case when p.gender = 'MAN' then 1 else 0 end) as m from enrollment e join participant p on p.id = e.participant_id where e.association_id in (" + in + ") and e.start_date between ? and ?", period.from(), period.to());
		return new Figures(new Counts(((Number) row.get("w")).longValue(), ((Number) row.get("m")).longValue()));
	}

	static Figures national(JdbcTemplate jdbc, Collection<Long> ids, ReportPeriod period) {
		return figures(jdbc, ids, period, false);
	}
}
