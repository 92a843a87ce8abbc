package se.samsyn.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a förbund's member contributions are shared (lag 2003:1210 § 16): the state half, paid by
 * Försäkringskassan also for Arbetsförmedlingen; the region a quarter; the municipalities a quarter,
 * split by population on 1 November of the year before. Every part is whole kronor and the parts add
 * up exactly to the total.
 */
public final class ContributionSplit {

	private ContributionSplit() {
	}

	/** A municipality member and its population. */
	public record Municipality(String name, long population) {
	}

	/** Each payer's part. The state part is paid by Försäkringskassan. */
	public record Parts(long total, long state, long region, Map<String, Long> municipalities) {
	}

	public static Parts of(long total, List<Municipality> municipalities) {
		if (municipalities.isEmpty()) {
			throw new IllegalArgumentException("A förbund has at least one municipality");
		}
		List<Long> thirds = LargestRemainder.split(total, List.of(2L, 1L, 1L));
		List<Long> municipal = LargestRemainder.split(thirds.get(2),
				municipalities.stream().map(Municipality::population).toList());
		Map<String, Long> parts = new java.util.LinkedHashMap<>();
		for (int i = 0; i < municipalities.size(); i++) {
			parts.put(municipalities.get(i).name(), municipal.get(i));
		}
		return new Parts(total, thirds.get(0), thirds.get(1), parts);
	}

	/** What each member has decided to pay; the state's offer is Försäkringskassan's. */
	public record Offers(long state, long region, Map<String, Long> municipalities) {
	}

	/** The largest whole the offers carry together, and which payer sets it. */
	public record Binding(long total, String bindingPayer, Parts parts) {
	}

	/**
	 * Every member pays its share of one whole, so the member that offers least relative to its
	 * share decides how large the whole can be (seed 004).
	 */
	public static Binding binding(Offers offers, List<Municipality> municipalities, String stateName, String regionName) {
		long population = municipalities.stream().mapToLong(Municipality::population).sum();
		List<Candidate> candidates = new ArrayList<>();
		candidates.add(new Candidate(stateName, BigDecimal.valueOf(offers.state()).multiply(BigDecimal.valueOf(2))));
		candidates.add(new Candidate(regionName, BigDecimal.valueOf(offers.region()).multiply(BigDecimal.valueOf(4))));
		for (Municipality municipality : municipalities) {
			long offer = offers.municipalities().getOrDefault(municipality.name(), 0L);
			// offer / (population_i / population / 4)
			candidates.add(new Candidate(municipality.name(), BigDecimal.valueOf(offer).multiply(BigDecimal.valueOf(4L * population))
				.divide(BigDecimal.valueOf(municipality.population()), 0, RoundingMode.DOWN)));
		}
		Candidate binding = candidates.stream().min(java.util.Comparator.comparing(Candidate::whole)).orElseThrow();
		long total = binding.whole().setScale(0, RoundingMode.DOWN).longValueExact();
		// Rounding of the parts must never ask a member for more than it offered.
		Parts parts = of(total, municipalities);
		while (total > 0 && exceeds(parts, offers)) {
			total--;
			parts = of(total, municipalities);
		}
		return new Binding(total, binding.payer(), parts);
	}

	private static boolean exceeds(Parts parts, Offers offers) {
		return parts.state() > offers.state() || parts.region() > offers.region() || parts.municipalities().entrySet()
			.stream().anyMatch(part -> part.getValue() > offers.municipalities().getOrDefault(part.getKey(), 0L));
	}

	private record Candidate(String payer, BigDecimal whole) {
	}
}
