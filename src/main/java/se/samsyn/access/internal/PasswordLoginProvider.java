package se.samsyn.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.samsyn.access.SamsynUser;
import se.samsyn.access.SecurityProperties;
import se.samsyn.audit.AuditLog;

/**
 * Checks a username and password. Past a few failures the user must wait, longer each time, and
 * then the account locks for a while; a waiting or locked account is not even checked, so guessing
 * gets no faster by trying harder.
 */
@Component
public class PasswordLoginProvider implements AuthenticationProvider {

	private static final int MAX_TRACKED_STRANGERS = 10_000;

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final LoginPolicy policy;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final SecondFactorPolicy secondFactor;
	private final String dummyHash;
	private final Map<String, UserAccount> strangers = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, UserAccount> eldest) {
			return size() > MAX_TRACKED_STRANGERS;
		}
	});

	PasswordLoginProvider(Accounts accounts, PasswordEncoder passwords, SecurityProperties properties, AuditLog audit,
			Clock clock, TransactionTemplate transactions, SecondFactorPolicy secondFactor) {
		this.accounts = accounts;
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
		Instant now = clock.instant();
		Optional<UserAccount> found = accounts.findByUsername(username);
		if (found.isEmpty()) {
			// Unknown names wait and lock exactly like real accounts, so the answers reveal no usernames.
			UserAccount stranger = strangers.computeIfAbsent(username, name -> UserAccount.create(name, "", null, "", false, now));
			synchronized (stranger) {
				var gate = stranger.gate(now, policy);
				if (!gate.allowed()) {
					throw gate.locked() ? new LockedException("Locked") : new LoginThrottledException(gate.secondsLeft(now));
				}
				passwords.matches(password, dummyHash);
				boolean locked = stranger.recordFailedLogin(now, policy);
				audit.record("LOGIN_FAILED", null, null, null, "unknown user");
				if (locked) {
					throw new LockedException("Locked");
				}
			}
			throw new BadCredentialsException("Bad credentials");
		}
		long id = found.get().id();
		String target = String.valueOf(id);
		// One attempt at a time per account: the gate, the check and the count happen under a row lock.
		Outcome outcome = transactions.execute(status -> {
			UserAccount account = accounts.lock(id);
			Instant at = clock.instant();
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
		});
		switch (outcome.kind()) {
			case LOCKED, THROTTLED -> {
				audit.record("LOGIN_REFUSED", null, "USER", target, outcome.kind() == Outcome.Kind.LOCKED ? "locked" : "throttled");
				throw outcome.kind() == Outcome.Kind.LOCKED ? new LockedException("Locked")
						: new LoginThrottledException(outcome.secondsLeft());
			}
			case WRONG, LOCKED_NOW -> {
				audit.record(outcome.kind() == Outcome.Kind.LOCKED_NOW ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", null, "USER", target, null);
				throw outcome.kind() == Outcome.Kind.LOCKED_NOW ? new LockedException("Locked")
						: new BadCredentialsException("Bad credentials");
			}
			case DISABLED -> {
				audit.record("LOGIN_REFUSED", null, "USER", target, "deactivated");
				throw new DisabledException("Deactivated");
			}
			default -> {
				SamsynUser user = accounts.activeUser(id).orElseThrow(() -> new DisabledException("Deactivated"));
				audit.recordAs(user.username(), "LOGIN_SUCCEEDED", null, "USER", target, null);
				return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
			}
		}
	}

	/** What one login attempt came to, decided under the account's row lock. */
	private record Outcome(Kind kind, long secondsLeft) {
		enum Kind { SUCCESS, WRONG, LOCKED_NOW, LOCKED, THROTTLED, DISABLED }

		static Outcome success() { return new Outcome(Kind.SUCCESS, 0); }
		static Outcome wrong() { return new Outcome(Kind.WRONG, 0); }
		static Outcome lockedNow() { return new Outcome(Kind.LOCKED_NOW, 0); }
		static Outcome locked() { return new Outcome(Kind.LOCKED, 0); }
		static Outcome throttled(long seconds) { return new Outcome(Kind.THROTTLED, seconds); }
		static Outcome disabled() { return new Outcome(Kind.DISABLED, 0); }
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
