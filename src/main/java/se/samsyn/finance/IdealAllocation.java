package se.samsyn.finance;

import java.math.BigInteger;
import java.util.List;

/**
 * The state's fördelningsmodell: every förbund gets a base amount, and the rest of the state's total
 * is shared 75 % by försörjningsmått and 25 % by population 16–64. The state pays half of a förbund's
 * budget, so the ideal total budget is twice the allocation. Whole kronor that add up exactly to the
 * state's total (largest remainder).
 */
public final class IdealAllocation {

	public static final long DEFAULT_BASE_KR = 400_000;

	private IdealAllocation() {
	}

	/** One förbund's inputs: population 16–64 and försörjningsmått (helårsekvivalenter). */
	public record Input(String code, long population16to64, long supportMeasure) {
	}

	public record Allocation(String code, long allocationKr, long idealBudgetKr) {
	}

	public static List<Allocation> of(long stateTotalKr, long baseKr, List<Input> associations) {
		int n = associations.size();
		if (n == 0 || baseKr < 0 || stateTotalKr < (long) n * baseKr) {
			throw new IllegalArgumentException("The state's total must cover the base amount of every förbund");
		}
		long population = associations.stream().mapToLong(Input::population16to64).sum();
		long support = associations.stream().mapToLong(Input::supportMeasure).sum();
		if (population <= 0 || support <= 0) {
			throw new IllegalArgumentException("Population and försörjningsmått must add up to more than zero");
		}
		long rest = stateTotalKr - (long) n * baseKr;
		// weight_i = 3 × F_i / ΣF + P_i / ΣP, scaled by 4 × ΣF × ΣP to stay in whole numbers.
		List<Long> weights = associations.stream()
			.map(input -> BigInteger.valueOf(3).multiply(BigInteger.valueOf(input.supportMeasure())).multiply(BigInteger.valueOf(population))
				.add(BigInteger.valueOf(input.population16to64()).multiply(BigInteger.valueOf(support)))
				.longValueExact())
			.toList();
		List<Long> shares = LargestRemainder.split(rest, weights);
		return java.util.stream.IntStream.range(0, n)
			.mapToObj(i -> new Allocation(associations.get(i).code(), baseKr + shares.get(i), 2 * (baseKr + shares.get(i))))
			.toList();
	}
}
