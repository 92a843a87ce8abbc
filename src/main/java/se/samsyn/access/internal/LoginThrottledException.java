package se.samsyn.access.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins in a row: the next attempt must wait this many seconds. */
public class LoginThrottledException extends AuthenticationException {

	private final long secondsLeft;

	LoginThrottledException(long secondsLeft) {
		super("Too many failed logins");
		this.secondsLeft = secondsLeft;
	}

	public long secondsLeft() {
		return secondsLeft;
	}
}
