package se.samsyn.report;

import java.util.List;

/**
 * The fixed table that maps a count and its cell key ({@link CellKey}) to the small deviation added to the count
 * in a protected output. Deviations lie in −2…+2; a count of zero stays zero, a count of one or two may come out
 * as zero, and no count comes out negative. Each row's deviations average zero, so protected figures are unbiased.
 * <p>
 * What it gives an attacker: two protected counts whose records differ (a period and a longer one, a selection and
 * another) have independent cell keys, so their difference equals the true difference only when the two deviations
 * happen to be equal — with probability {@link #maximumChanceOfEqualDeviations()} at most (0,335 for two cells of
 * one person each, 0,26 for larger cells), and the attacker cannot tell when that happened.
 */
public final class PerturbationTable {

	/** One row: the deviations and their probabilities, in hundredths. */
	record Row(List<Integer> deviations, List<Integer> hundredths) {

		Row {
			if (deviations.size() != hundredths.size() || hundredths.stream().mapToInt(Integer::intValue).sum() != 100) {
				throw new IllegalArgumentException("a row's probabilities must add up to 1");
			}
		}

		int deviation(double u) {
			int cumulative = 0;
			for (int i = 0; i < deviations.size(); i++) {
				cumulative += hundredths.get(i);
				if (u * 100 < cumulative) {
					return deviations.get(i);
				}
			}
			return deviations.get(deviations.size() - 1);
		}

		double probability(int deviation) {
			int i = deviations.indexOf(deviation);
			return i < 0 ? 0 : hundredths.get(i) / 100.0;
		}
	}

	/** For a count of one: never below zero. */
	static final Row ONE = new Row(List.of(-1, 0, 1, 2), List.of(30, 45, 20, 5));

	/** For a count of two or more. */
	static final Row TWO_OR_MORE = new Row(List.of(-2, -1, 0, 1, 2), List.of(10, 20, 40, 20, 10));

	/** The largest deviation either way. */
	public static final int MAXIMUM_DEVIATION = 2;

	private PerturbationTable() {
	}

	/** The protected count: {@code count} plus its deviation for the cell key of {@code keySum}. */
	public static long perturb(long count, long keySum) {
		if (count < 0) {
			throw new IllegalArgumentException("counts cannot be negative");
		}
		if (count == 0) {
			return 0;
		}
		return count + row(count).deviation(CellKey.uniform(keySum));
	}

	static Row row(long count) {
		return count == 1 ? ONE : TWO_OR_MORE;
	}

	/** The chance that two cells with independent keys and true counts {@code a} and {@code b} deviate equally. */
	static double chanceOfEqualDeviations(long a, long b) {
		Row first = row(a);
		Row second = row(b);
		double chance = 0;
		for (int d = -MAXIMUM_DEVIATION; d <= MAXIMUM_DEVIATION; d++) {
			chance += first.probability(d) * second.probability(d);
		}
		return chance;
	}

	/**
	 * The most often a difference of two protected counts can equal the true difference, over all pairs of counts
	 * above zero: the bound an attack by differencing can reach by chance alone.
	 */
	public static double maximumChanceOfEqualDeviations() {
		return Math.max(chanceOfEqualDeviations(1, 1), Math.max(chanceOfEqualDeviations(1, 2), chanceOfEqualDeviations(2, 2)));
	}
}
