package se.samsyn.intervention;

import java.math.BigDecimal;

/** How a measured value is compared with a target's threshold: ≥, ≤ or ≈ within a tolerance. */
public enum TargetComparator {
	AT_LEAST("≥"), AT_MOST("≤"), APPROXIMATELY("≈");

	private final String symbol;

	TargetComparator(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}

	public boolean fulfilled(BigDecimal measured, BigDecimal threshold, BigDecimal tolerance) {
		return switch (this) {
			case AT_LEAST -> measured.compareTo(threshold) >= 0;
			case AT_MOST -> measured.compareTo(threshold) <= 0;
			case APPROXIMATELY -> measured.subtract(threshold).abs()
				.compareTo(tolerance == null ? BigDecimal.ZERO : tolerance) <= 0;
		};
	}
}
