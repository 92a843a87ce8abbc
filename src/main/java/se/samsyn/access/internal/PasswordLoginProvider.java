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
	private final String dummyHash;
	private final Map<String, UserAccount> strangers = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, UserAccount> eldest) {
			return size() > MAX_TRACKED_STRANGERS;
		}
	});

	PasswordLoginProvider(Accounts accounts, PasswordEncoder passwords, SecurityProperties properties, AuditLog audit,
			Clock clock, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = LoginPolicy.of(properties);
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
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
		UserAccount account = found.get();
		String target = String.valueOf(account.id());
		var gate = account.gate(now, policy);
		if (!gate.allowed()) {
			audit.record("LOGIN_REFUSED", null, "USER", target, gate.locked() ? "locked" : "throttled");
			if (gate.locked()) {
				throw new LockedException("Locked");
			}
			throw new LoginThrottledException(gate.secondsLeft(now));
		}
		if (!passwords.matches(password, account.passwordHash())) {
			boolean locked = transactions.execute(status -> {
				UserAccount fresh = accounts.load(account.id());
				boolean nowLocked = fresh.recordFailedLogin(now, policy);
				accounts.save(fresh);
				return nowLocked;
			});
			audit.record(locked ? "ACCOUNT_LOCKED" : "LOGIN_FAILED", null, "USER", target, null);
			if (locked) {
				throw new LockedException("Locked");
			}
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.active()) {
			audit.record("LOGIN_REFUSED", null, "USER", target, "deactivated");
			throw new DisabledException("Deactivated");
		}
		if (account.failedLogins() > 0) {
			accounts.update(account.id(), UserAccount::recordSuccessfulLogin);
		}
		SamsynUser user = accounts.activeUser(account.id()).orElseThrow(() -> new DisabledException("Deactivated"));
		var result = UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
		audit.recordAs(user.username(), "LOGIN_SUCCEEDED", null, "USER", target, null);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
