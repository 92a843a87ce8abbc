package se.samsyn.access.internal;

import java.time.Duration;
import java.time.Instant;

import se.samsyn.access.SecurityProperties;

/** When a user who has failed to log in may try again, and when the account locks. */
record LoginPolicy(int freeAttempts, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockDuration) {

	static LoginPolicy of(SecurityProperties properties) {
		return new LoginPolicy(properties.freeLoginAttempts(), properties.loginDelay(), properties.maxLoginDelay(),
				properties.lockAfterFailures(), properties.lockDuration());
	}

	/** The wait before the next attempt after this many failures in a row: none, then doubling. */
	Duration delayAfter(int failures) {
		if (failures <= freeAttempts) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - freeAttempts - 1, 20);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

	boolean locksAfter(int failures) {
		return failures >= lockAfter;
	}

	/** Failures older than the lock duration are forgotten, so occasional typos never add up. */
	boolean forgotten(Instant lastFailure, Instant now) {
		return lastFailure == null || lastFailure.plus(lockDuration).isBefore(now);
	}
}
