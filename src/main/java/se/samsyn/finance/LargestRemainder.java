package se.samsyn.finance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits a whole number of kronor in proportion to weights so that the parts add up exactly: each
 * part is rounded down, and the kronor left over go one by one to the largest remainders (ties to
 * the earlier part). Exact integer arithmetic, no floating point.
 */
public final class LargestRemainder {

	private LargestRemainder() {
	}

	public static List<Long> split(long total, List<Long> weights) {
		if (total < 0 || weights.isEmpty() || weights.stream().anyMatch(weight -> weight < 0)) {
			throw new IllegalArgumentException("A non-negative total and non-negative weights are needed");
		}
		BigInteger sum = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
		if (sum.signum() == 0) {
			throw new IllegalArgumentException("The weights add up to zero");
		}
		List<Long> parts = new ArrayList<>();
		List<BigInteger> remainders = new ArrayList<>();
		long given = 0;
		for (long weight : weights) {
			BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weight)).divideAndRemainder(sum);
			parts.add(division[0].longValueExact());
			remainders.add(division[1]);
			given += division[0].longValueExact();
		}
		long left = total - given;
		List<Integer> order = IntStream.range(0, weights.size()).boxed()
			.sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i))
			.toList();
		for (int k = 0; k < left; k++) {
			int i = order.get(k);
			parts.set(i, parts.get(i) + 1);
		}
		return parts;
	}
}
