package se.samsyn.intervention;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An IPS programme-fidelity assessment: 25 items scored 1–5, at most 125 in total. From 100 the
 * programme counts as god programtrohet (seed 002).
 */
public record FidelityScore(List<Integer> items) {

	public static final int ITEMS = 25;
	public static final int MAX = 125;

	public FidelityScore {
		if (items.size() != ITEMS || items.stream().anyMatch(score -> score == null || score < 1 || score > 5)) {
			throw new IllegalArgumentException("Programme fidelity takes 25 items scored 1–5");
		}
		items = List.copyOf(items);
	}

	public int total() {
		return items.stream().mapToInt(Integer::intValue).sum();
	}

	public boolean good() {
		return level() == FidelityLevel.GOOD;
	}

	/** Where the total lies on the IPS scale. */
	public FidelityLevel level() {
		return FidelityLevel.of(total());
	}

	String stored() {
		return items.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	static FidelityScore parse(String stored) {
		return new FidelityScore(Arrays.stream(stored.split(",")).map(String::trim).map(Integer::valueOf).toList());
	}
}
