package se.samsyn.access.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A login account. Guards the rules of failed logins, lock-out and the second factor; the
 * repository only stores what this decides.
 */
class UserAccount {

	private final Long id;
	private final String username;
	private final String displayName;
	private final String email;
	private String passwordHash;
	private boolean mustChangePassword;
	private boolean active;
	private int failedLogins;
	private Instant lastFailedLoginAt;
	private Instant lockedUntil;
	private String mfaSecret;
	private boolean mfaEnabled;
	private Long mfaLastStep;
	private String securityStamp;
	private final Instant createdAt;

	UserAccount(Long id, String username, String displayName, String email, String passwordHash,
			boolean mustChangePassword, boolean active, int failedLogins, Instant lastFailedLoginAt,
			Instant lockedUntil, String mfaSecret, boolean mfaEnabled, Long mfaLastStep, String securityStamp,
			Instant createdAt) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.mustChangePassword = mustChangePassword;
		this.active = active;
		this.failedLogins = failedLogins;
		this.lastFailedLoginAt = lastFailedLoginAt;
		this.lockedUntil = lockedUntil;
		this.mfaSecret = mfaSecret;
		this.mfaEnabled = mfaEnabled;
		this.mfaLastStep = mfaLastStep;
		this.securityStamp = securityStamp;
		this.createdAt = createdAt;
	}

	static UserAccount create(String username, String displayName, String email, String passwordHash,
			boolean mustChangePassword, Instant now) {
		return new UserAccount(null, username, displayName, email, passwordHash, mustChangePassword, true, 0, null,
				null, null, false, null, newStamp(), now);
	}

	/**
	 * Stands in for a username that has no account, so that it waits and locks exactly like a real one and the
	 * answers reveal no usernames. Its name is the username's keyed hash.
	 */
	static UserAccount unknown(String usernameKey, int failedLogins, Instant lastFailedLoginAt, Instant lockedUntil) {
		return new UserAccount(null, usernameKey, "", null, "", false, true, failedLogins, lastFailedLoginAt, lockedUntil,
				null, false, null, null, null);
	}

	/** Whether a login attempt may be checked now, must wait, or is refused because the account is locked. */
	LoginGate gate(Instant now, LoginPolicy policy) {
		if (lockedUntil != null && lockedUntil.isAfter(now)) {
			return LoginGate.locked(lockedUntil);
		}
		if (policy.forgotten(lastFailedLoginAt, now)) {
			return LoginGate.open();
		}
		Instant nextAllowed = lastFailedLoginAt.plus(policy.delayAfter(failedLogins));
		return nextAllowed.isAfter(now) ? LoginGate.waitUntil(nextAllowed) : LoginGate.open();
	}

	/** Records a wrong password; returns true when this failure locked the account. */
	boolean recordFailedLogin(Instant now, LoginPolicy policy) {
		if (policy.forgotten(lastFailedLoginAt, now) || (lockedUntil != null && !lockedUntil.isAfter(now))) {
			failedLogins = 0;
			lockedUntil = null;
		}
		failedLogins++;
		lastFailedLoginAt = now;
		if (policy.locksAfter(failedLogins)) {
			lockedUntil = now.plus(policy.lockDuration());
			return true;
		}
		return false;
	}

	void recordSuccessfulLogin() {
		failedLogins = 0;
		lastFailedLoginAt = null;
		lockedUntil = null;
	}

	void changePassword(String newHash) {
		passwordHash = newHash;
		mustChangePassword = false;
		securityStamp = newStamp();
	}

	/** An administrator set a one-time password; the user must choose a new one at next login. */
	void resetPassword(String oneTimeHash) {
		passwordHash = oneTimeHash;
		mustChangePassword = true;
		securityStamp = newStamp();
		recordSuccessfulLogin();
	}

	void startSecondFactorEnrolment(String encryptedSecret) {
		if (mfaEnabled) {
			throw new IllegalStateException("The second factor is already set up");
		}
		mfaSecret = encryptedSecret;
	}

	void enableSecondFactor(long step) {
		if (mfaEnabled) {
			throw new IllegalStateException("The second factor is already set up");
		}
		if (mfaSecret == null) {
			throw new IllegalStateException("No second factor enrolment in progress");
		}
		mfaEnabled = true;
		mfaLastStep = step;
	}

	/** A time step may be used once; a replayed or older code is refused. */
	boolean acceptStep(long step) {
		if (mfaLastStep != null && step <= mfaLastStep) {
			return false;
		}
		mfaLastStep = step;
		return true;
	}

	void resetSecondFactor() {
		mfaSecret = null;
		mfaEnabled = false;
		mfaLastStep = null;
		securityStamp = newStamp();
	}

	private static String newStamp() {
		return java.util.UUID.randomUUID().toString();
	}

	void deactivate() {
		active = false;
	}

	void activate() {
		active = true;
		recordSuccessfulLogin();
	}

	Long id() { return id; }
	String username() { return username; }
	String displayName() { return displayName; }
	String email() { return email; }
	String passwordHash() { return passwordHash; }
	boolean mustChangePassword() { return mustChangePassword; }
	boolean active() { return active; }
	int failedLogins() { return failedLogins; }
	Instant lastFailedLoginAt() { return lastFailedLoginAt; }
	Instant lockedUntil() { return lockedUntil; }
	String mfaSecret() { return mfaSecret; }
	boolean mfaEnabled() { return mfaEnabled; }
	Long mfaLastStep() { return mfaLastStep; }
	String securityStamp() { return securityStamp; }
	Instant createdAt() { return createdAt; }

	/** The outcome of {@link #gate}. */
	record LoginGate(boolean allowed, Instant until, boolean locked) {
		static LoginGate open() { return new LoginGate(true, null, false); }
		static LoginGate waitUntil(Instant until) { return new LoginGate(false, until, false); }
		static LoginGate locked(Instant until) { return new LoginGate(false, until, true); }

		long secondsLeft(Instant now) {
			return Math.max(1, Duration.between(now, until).toSeconds() + 1);
		}
	}
}
