package se.samsyn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Samsyn's clock as the integration tests see it: it runs with the application's own clock (and its zone) until a
 * test holds it still or moves it, so waits between login attempts and TOTP steps pass without sleeping.
 * {@link IntegrationTest} resets it after every test, so a moved clock never reaches another test.
 */
public final class MutableClock extends Clock {

	private final Clock application;
	private volatile Instant held;
	private volatile Duration offset = Duration.ZERO;

	public MutableClock(Clock application) {
		this.application = application;
	}

	/**
	 * Stops the clock at the present moment, in whole milliseconds as the database keeps them; time moves only
	 * through {@link #advance} from here.
	 */
	public Instant hold() {
		Instant now = instant().truncatedTo(ChronoUnit.MILLIS);
		held = now;
		return now;
	}

	/** Stops the clock at {@code instant}. */
	public void holdAt(Instant instant) {
		held = instant;
	}

	/** Moves the clock forward, whether it runs or is held. */
	public synchronized void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("The test clock only moves forward: " + duration);
		}
		if (held != null) {
			held = held.plus(duration);
		}
		else {
			offset = offset.plus(duration);
		}
	}

	/** Back to the application's clock. */
	public synchronized void reset() {
		held = null;
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		Instant at = held;
		return at != null ? at : application.instant().plus(offset);
	}

	@Override
	public ZoneId getZone() {
		return application.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock owner = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return owner.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return owner.withZone(other);
			}
		};
	}
}
