package se.samsyn.report;

/**
 * The cell key method's arithmetic. Every counted record (an episode, an anonymous start, a joint-plan activity)
 * carries a random record key drawn once from {@code 0 ≤ key < }{@value #RANGE} and stored with it. A cell's key is
 * the sum of its records' keys modulo {@value #RANGE}: the same records always give the same cell key, whichever
 * table, period or selection they are counted in, and a cell that differs from another by even one record has a
 * key that is, to anyone who does not know the record keys, independent of the other's.
 */
public final class CellKey {

	/** Record keys and cell keys lie in {@code [0, RANGE)}. */
	public static final long RANGE = 1L << 31;

	private CellKey() {
	}

	/** A cell's key from the sum of its records' keys (any non-negative sum; sums of sums too). */
	public static long of(long keySum) {
		if (keySum < 0) {
			throw new IllegalArgumentException("a sum of record keys cannot be negative");
		}
		return keySum & (RANGE - 1);
	}

	/** The cell key as a fraction of the range, {@code 0 ≤ u < 1}: where the perturbation table is read. */
	public static double uniform(long keySum) {
		return (double) of(keySum) / RANGE;
	}
}
