package se.samsyn.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import se.samsyn.access.SecurityProperties;
import se.samsyn.platform.SecretBox;

/**
 * What the login throttling remembers besides the accounts themselves, in the database so that every instance
 * sees it: the failed logins per client address and the failures of usernames that do not exist. The address
 * and the typed username are personal data (people type their e-mail address or personnummer as username), so
 * both are kept only as keyed hashes, and forgotten once they no longer count.
 */
@Repository
class LoginAttempts {

	private static final String ADDRESS = "login-address";
	private static final String USERNAME = "login-username";

	private final JdbcClient jdbc;
	private final SecretBox secrets;
	private final AddressPolicy addressPolicy;
	private final LoginPolicy accountPolicy;
	private final Clock clock;

	LoginAttempts(JdbcClient jdbc, SecretBox secrets, SecurityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.addressPolicy = AddressPolicy.of(properties);
		this.accountPolicy = LoginPolicy.of(properties);
		this.clock = clock;
	}

	/** The keyed hash of the client behind an address ({@link AddressPolicy#clientOf}); null without an address. */
	String addressKey(String remoteAddress) {
		String client = AddressPolicy.clientOf(remoteAddress);
		return client == null ? null : secrets.fingerprint(client, ADDRESS);
	}

	String usernameKey(String username) {
		return secrets.fingerprint(username, USERNAME);
	}

	/**
	 * Until when the address must wait; empty when it may try now. Locks the address until the transaction
	 * ends, so that attempts from one address are counted one by one: call inside a transaction.
	 */
	Optional<Instant> blockedUntil(String addressKey, Instant now) {
		// "on conflict do nothing" without a target: both PostgreSQL and H2's PostgreSQL mode take it.
		jdbc.sql("insert into login_address (address_hash) values (?) on conflict do nothing").param(addressKey).update();
		jdbc.sql("select address_hash from login_address where address_hash = ? for update").param(addressKey)
			.query(String.class).single();
		var failures = jdbc.sql("select failed_at from login_address_failure where address_hash = ? and failed_at > ?")
			.params(addressKey, UserStore.utc(addressPolicy.countsSince(now)))
			.query((rs, n) -> UserStore.instant(rs, "failed_at"))
			.list();
		return addressPolicy.blockedUntil(failures, now);
	}

	/** A wrong password for this username from this address (whose row {@link #blockedUntil} locked). */
	void failedFrom(String addressKey, String usernameKey, Instant now) {
		jdbc.sql("update login_address set last_failure_at = ? where address_hash = ?")
			.params(UserStore.utc(now), addressKey).update();
		int updated = jdbc.sql("update login_address_failure set failed_at = ? where address_hash = ? and username_hash = ?")
			.params(UserStore.utc(now), addressKey, usernameKey).update();
		if (updated == 0) {
			jdbc.sql("insert into login_address_failure (address_hash, username_hash, failed_at) values (?, ?, ?)")
				.params(addressKey, usernameKey, UserStore.utc(now)).update();
		}
	}

	/** The user got in: their own earlier typos from this address no longer count against it; nobody else's change. */
	void succeededFrom(String addressKey, String usernameKey) {
		jdbc.sql("delete from login_address_failure where address_hash = ? and username_hash = ?")
			.params(addressKey, usernameKey).update();
	}

	/**
	 * A username that has no account, standing in as an account that waits and locks like a real one, its row
	 * locked until the transaction ends.
	 */
	UserAccount lockUnknown(String usernameKey) {
		jdbc.sql("insert into login_unknown_user (username_hash, failed_logins) values (?, 0) on conflict do nothing")
			.param(usernameKey).update();
		return jdbc.sql("select * from login_unknown_user where username_hash = ? for update").param(usernameKey)
			.query((rs, n) -> UserAccount.unknown(usernameKey, rs.getInt("failed_logins"),
					UserStore.instant(rs, "last_failed_login_at"), UserStore.instant(rs, "locked_until")))
			.single();
	}

	void saveUnknown(UserAccount unknown) {
		jdbc.sql("update login_unknown_user set failed_logins = ?, last_failed_login_at = ?, locked_until = ? where username_hash = ?")
			.params(unknown.failedLogins(), UserStore.utc(unknown.lastFailedLoginAt()), UserStore.utc(unknown.lockedUntil()),
					unknown.username())
			.update();
	}

	/** Forgets what no longer counts: failures past the address window, unknown usernames past their lock. */
	@Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT15M")
	void forgetOld() {
		Instant now = clock.instant();
		var addressCutoff = UserStore.utc(addressPolicy.countsSince(now));
		jdbc.sql("delete from login_address where last_failure_at is null or last_failure_at <= ?").param(addressCutoff).update();
		jdbc.sql("delete from login_address_failure where failed_at <= ?").param(addressCutoff).update();
		jdbc.sql("""
				delete from login_unknown_user
				 where (locked_until is null or locked_until < ?)
				   and (last_failed_login_at is null or last_failed_login_at < ?)
				""")
			.params(UserStore.utc(now), UserStore.utc(now.minus(accountPolicy.lockDuration())))
			.update();
	}
}
