package se.samsyn.report;

import java.util.List;

import se.samsyn.followup.statistics.Counts;

/**
 * The raw figures of a follow-up report, before any suppression: who started, was ongoing and
 * ended in the period, and how they were distributed, always by legal gender.
 */
public record FollowupFigures(ReportPeriod period, Counts started, Counts startedAnonymously, Counts ongoing,
		Counts ended, List<Breakdown> breakdowns) {

	/** One category of a breakdown: its code, its label and its count per gender. */
	public record Row(String code, String label, Counts counts) {
	}

	/**
	 * A distribution over one variable, among those who started ({@code STARTED}), ended ({@code ENDED})
	 * or whose joint-plan activities were followed up ({@code PLANS}) in the period.
	 */
	public record Breakdown(String key, Population population, List<Row> rows) {

		public Counts total() {
			return rows.stream().map(Row::counts).reduce(Counts.ZERO, Counts::plus);
		}

		public Row row(String code) {
			return rows.stream().filter(row -> row.code().equals(code)).findFirst().orElse(null);
		}
	}

	public enum Population {
		STARTED, ENDED, PLANS
	}

	public Breakdown breakdown(String key) {
		return breakdowns.stream().filter(b -> b.key().equals(key)).findFirst().orElse(null);
	}
}
