package se.samsyn.report;

import java.util.List;

/**
 * The raw figures of a follow-up report, before any suppression: who started, was ongoing and
 * ended in the period, and how they were distributed, always by legal gender.
 */
public record FollowupFigures(ReportPeriod period, Counts started, Counts startedAnonymously, Counts ongoing,
		Counts ended, List<Breakdown> breakdowns) {

	/**
	 * Women and men; every figure in Samsyn can be split by legal gender. With each count, the sum of its records'
	 * keys ({@link CellKey}): what a protected output perturbs the count by. Two counts of the same records carry the
	 * same sums.
	 */
	public record Counts(long women, long men, long womenKeys, long menKeys) {

		public Counts {
			if (women < 0 || men < 0 || womenKeys < 0 || menKeys < 0) {
				throw new IllegalArgumentException("counts and key sums cannot be negative");
			}
		}

		/** {@code count} records of one gender whose keys add up to {@code keys}. */
		public static Counts of(boolean woman, long count, long keys) {
			return woman ? new Counts(count, 0, keys, 0) : new Counts(0, count, 0, keys);
		}

		/** One record. */
		public static Counts one(boolean woman, long key) {
			return of(woman, 1, key);
		}

		public long total() {
			return women + men;
		}

		public long totalKeys() {
			return womenKeys + menKeys;
		}

		public Counts plus(Counts other) {
			return new Counts(women + other.women, men + other.men, womenKeys + other.womenKeys, menKeys + other.menKeys);
		}

		/** The same people without their keys: for comparing counts alone. */
		public Counts withoutKeys() {
			return new Counts(women, men, 0, 0);
		}

		public static final Counts ZERO = new Counts(0, 0, 0, 0);
	}

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
