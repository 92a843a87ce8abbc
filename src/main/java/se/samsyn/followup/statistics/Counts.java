package se.samsyn.followup.statistics;

/**
 * Women and men; every figure in Samsyn can be split by legal gender. With each count, the sum of its records' keys
 * (the {@code record_key} of each episode, anonymous start and plan activity): what a protected output perturbs the
 * count by. Two counts of the same records carry the same sums.
 */
public record Counts(long women, long men, long womenKeys, long menKeys) {

	public static final Counts ZERO = new Counts(0, 0, 0, 0);

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
}
