package se.samsyn.intervention;

/** The IPS fidelity scale: god programtrohet (100–125), rimlig (74–99), or inte IPS (under 74). */
public enum FidelityLevel {
	GOOD(100), FAIR(74), NOT_IPS(0);

	private final int from;

	FidelityLevel(int from) {
		this.from = from;
	}

	/** The lowest total score at this level. */
	public int from() {
		return from;
	}

	/** The level a total score of the 25 items reaches. */
	public static FidelityLevel of(int total) {
		for (FidelityLevel level : values()) {
			if (total >= level.from) {
				return level;
			}
		}
		return NOT_IPS;
	}

	/** The message key of the level's name. */
	public String labelKey() {
		return "fidelity.level." + name();
	}
}
