package se.samsyn.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.samsyn.access.SamsynUser;
import se.samsyn.access.SecurityProperties;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;

/**
 * Checks a username and password. Past a few failures the user must wait, longer each time, and
 * then the account locks for a while; a waiting or locked account is not even checked, so guessing
 * gets no faster by trying harder. A client address that has failed on many usernames waits too
 * ({@link AddressPolicy}), whatever it tries. All of it is kept in the database ({@link LoginAttempts}),
 * so it holds across instances and restarts.
 */
@Component
public class PasswordLoginProvider implements AuthenticationProvider {

	private final Accounts accounts;
	private final LoginAttempts attempts;
	private final PasswordEncoder passwords;
	private final LoginPolicy policy;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final SecondFactorPolicy secondFactor;
	private final String dummyHash;

	PasswordLoginProvider(Accounts accounts, LoginAttempts attempts, PasswordEncoder passwords, SecurityProperties properties,
			AuditLog audit, Clock clock, TransactionTemplate transactions, SecondFactorPolicy secondFactor) {
		this.accounts = accounts;
		this.attempts = attempts;
		this.passwords = passwords;
		this.policy = LoginPolicy.of(properties);
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
		this.secondFactor = secondFactor;
		this.dummyHash = passwords.encode("samsyn-timing-equaliser");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getPrincipal()).trim().toLowerCase();
		String password = String.valueOf(authentication.getCredentials());
		// The request's remote address: behind a proxy the client's, when server.forward-headers-strategy says so.
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? attempts.addressKey(details.getRemoteAddress()) : null;
		String usernameKey = attempts.usernameKey(username);
		Optional<Long> id = accounts.findByUsername(username).map(UserAccount::id);
		String target = id.map(String::valueOf).orElse(null);
		// One attempt at a time per address and per account: gates, check and counts happen under row locks,
		// always the address's first.
		Outcome outcome = transactions.execute(status -> {
			Instant at = clock.instant();
			Optional<Instant> blocked = address == null ? Optional.empty() : attempts.blockedUntil(address, at);
			if (blocked.isPresent()) {
				return Outcome.addressThrottled(UserAccount.LoginGate.waitUntil(blocked.get()).secondsLeft(at));
			}
			Outcome checked = id.isPresent() ? check(id.get(), password, at) : checkUnknown(usernameKey, password, at);
			if (address != null && checked.failed()) {
				attempts.failedFrom(address, usernameKey, at);
			}
			else if (address != null && checked.kind() == Outcome.Kind.SUCCESS) {
				attempts.succeededFrom(address, usernameKey);
			}
			return checked;
		});
		if (id.isEmpty()) {
			switch (outcome.kind()) {
				case ADDRESS_THROTTLED -> audit.record(AuditAction.LOGIN_REFUSED, null, null, null, "address throttled");
				case WRONG, LOCKED_NOW -> audit.record(AuditAction.LOGIN_FAILED, null, null, null, "unknown user");
				default -> {
				}
			}
			switch (outcome.kind()) {
				case LOCKED, LOCKED_NOW -> throw new LockedException("Locked");
				case THROTTLED, ADDRESS_THROTTLED -> throw new LoginThrottledException(outcome.secondsLeft());
				default -> throw new BadCredentialsException("Bad credentials");
			}
		}
		switch (outcome.kind()) {
			case LOCKED, THROTTLED, ADDRESS_THROTTLED -> {
				audit.record(AuditAction.LOGIN_REFUSED, null, AuditTarget.USER, target, switch (outcome.kind()) {
					case LOCKED -> "locked";
					case THROTTLED -> "throttled";
					default -> "address throttled";
				});
				throw outcome.kind() == Outcome.Kind.LOCKED ? new LockedException("Locked")
						: new LoginThrottledException(outcome.secondsLeft());
			}
			case WRONG, LOCKED_NOW -> {
				audit.record(outcome.kind() == Outcome.Kind.LOCKED_NOW ? AuditAction.ACCOUNT_LOCKED : AuditAction.LOGIN_FAILED, null, AuditTarget.USER, target, null);
				throw outcome.kind() == Outcome.Kind.LOCKED_NOW ? new LockedException("Locked")
						: new BadCredentialsException("Bad credentials");
			}
			case DISABLED -> {
				audit.record(AuditAction.LOGIN_REFUSED, null, AuditTarget.USER, target, "deactivated");
				throw new DisabledException("Deactivated");
			}
			default -> {
				SamsynUser user = accounts.activeUser(id.get()).orElseThrow(() -> new DisabledException("Deactivated"));
				audit.recordAs(user.username(), AuditAction.LOGIN_SUCCEEDED, null, AuditTarget.USER, target, null);
				return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
			}
		}
	}

	/** The account's gate, the password and the count, under the account's row lock. */
	private Outcome check(long id, String password, Instant at) {
		UserAccount account = accounts.lock(id);
		var gate = account.gate(at, policy);
		if (!gate.allowed()) {
			return gate.locked() ? Outcome.locked() : Outcome.throttled(gate.secondsLeft(at));
		}
		if (!passwords.matches(password, account.passwordHash())) {
			boolean lockedNow = account.recordFailedLogin(at, policy);
			accounts.save(account);
			return lockedNow ? Outcome.lockedNow() : Outcome.wrong();
		}
		if (!account.active()) {
			return Outcome.disabled();
		}
		// With a second factor still to pass, the failures are forgiven only when it is passed.
		boolean secondFactorPending = secondFactor.enforced()
				&& accounts.grants(id).stream().anyMatch(grant -> grant.role().requiresSecondFactor());
		if (account.failedLogins() > 0 && !secondFactorPending) {
			account.recordSuccessfulLogin();
			accounts.save(account);
		}
		return Outcome.success();
	}

	/** A username without an account waits and locks like a real one, and costs the same password check. */
	private Outcome checkUnknown(String usernameKey, String password, Instant at) {
		UserAccount unknown = attempts.lockUnknown(usernameKey);
		var gate = unknown.gate(at, policy);
		if (!gate.allowed()) {
			return gate.locked() ? Outcome.locked() : Outcome.throttled(gate.secondsLeft(at));
		}
		passwords.matches(password, dummyHash);
		boolean lockedNow = unknown.recordFailedLogin(at, policy);
		attempts.saveUnknown(unknown);
		return lockedNow ? Outcome.lockedNow() : Outcome.wrong();
	}

	/** What one login attempt came to, decided under the account's row lock. */
	private record Outcome(Kind kind, long secondsLeft) {
		enum Kind { SUCCESS, WRONG, LOCKED_NOW, LOCKED, THROTTLED, ADDRESS_THROTTLED, DISABLED }

		/** A password was checked and was wrong: this counts against the address. */
		boolean failed() {
			return kind == Kind.WRONG || kind == Kind.LOCKED_NOW;
		}

		static Outcome success() { return new Outcome(Kind.SUCCESS, 0); }
		static Outcome wrong() { return new Outcome(Kind.WRONG, 0); }
		static Outcome lockedNow() { return new Outcome(Kind.LOCKED_NOW, 0); }
		static Outcome locked() { return new Outcome(Kind.LOCKED, 0); }
		static Outcome throttled(long seconds) { return new Outcome(Kind.THROTTLED, seconds); }
		static Outcome addressThrottled(long seconds) { return new Outcome(Kind.ADDRESS_THROTTLED, seconds); }
		static Outcome disabled() { return new Outcome(Kind.DISABLED, 0); }
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
