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
	public static final int GOOD = 100;
	public static final int FAIR = 74;

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
		return total() >= GOOD;
	}

	/** The IPS scale: god (100–125), rimlig (74–99), or inte IPS (under 74). */
	public String level() {
		return total() >= GOOD ? "GOOD" : total() >= FAIR ? "FAIR" : "NOT_IPS";
	}

	String stored() {
		return items.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	static FidelityScore parse(String stored) {
		return new FidelityScore(Arrays.stream(stored.split(",")).map(String::trim).map(Integer::valueOf).toList());
	}
}
