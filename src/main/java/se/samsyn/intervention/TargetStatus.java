package se.samsyn.intervention;

import java.math.BigDecimal;

/**
 * How a target stands: fulfilled or not, with the measured value; or honestly not measurable yet
 * when the data it needs does not exist.
 */
public record TargetStatus(State state, BigDecimal measured) {

	public enum State {
		FULFILLED, NOT_FULFILLED, NOT_MEASURABLE, REPORTED
	}

	public static TargetStatus notMeasurable() {
		return new TargetStatus(State.NOT_MEASURABLE, null);
	}

	/** Compares a measured value with the target; a target without threshold is only reported. */
	public static TargetStatus of(BigDecimal measured, TargetComparator comparator, BigDecimal threshold,
			BigDecimal tolerance) {
		if (measured == null) {
			return notMeasurable();
		}
		if (comparator == null || threshold == null) {
			return new TargetStatus(State.REPORTED, measured);
		}
		return new TargetStatus(comparator.fulfilled(measured, threshold, tolerance) ? State.FULFILLED : State.NOT_FULFILLED,
				measured);
	}
}
