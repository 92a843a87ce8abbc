package se.samsyn.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.samsyn.access.Grant;
import se.samsyn.access.Role;

/** Stores user accounts, their role grants and recovery codes. */
@Repository
class UserStore {

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findById(long id) {
		return jdbc.sql("select * from app_user where id = ?").param(id).query(UserStore::account).optional();
	}

	/** The account, its row locked until the transaction ends, so concurrent logins are counted one by one. */
	Optional<UserAccount> lockById(long id) {
		return jdbc.sql("select * from app_user where id = ? for update").param(id).query(UserStore::account).optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("select * from app_user where username = ?").param(username).query(UserStore::account).optional();
	}

	boolean anyUser() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single() > 0;
	}

	long insert(UserAccount user) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into app_user (username, display_name, email, password_hash, must_change_password, active,
				                      failed_logins, mfa_enabled, security_stamp, created_at)
				values (:username, :displayName, :email, :passwordHash, :mustChange, true, 0, false, :stamp, :createdAt)
				""")
			.param("stamp", user.securityStamp())
			.param("username", user.username())
			.param("displayName", user.displayName())
			.param("email", user.email())
			.param("passwordHash", user.passwordHash())
			.param("mustChange", user.mustChangePassword())
			.param("createdAt", utc(user.createdAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(UserAccount user) {
		jdbc.sql("""
				update app_user set display_name = :displayName, email = :email, password_hash = :passwordHash,
				       must_change_password = :mustChange, active = :active, failed_logins = :failed,
				       last_failed_login_at = :lastFailed, locked_until = :lockedUntil, mfa_secret = :mfaSecret,
				       mfa_enabled = :mfaEnabled, mfa_last_step = :mfaLastStep, security_stamp = :stamp
				 where id = :id
				""")
			.param("displayName", user.displayName())
			.param("email", user.email())
			.param("passwordHash", user.passwordHash())
			.param("mustChange", user.mustChangePassword())
			.param("active", user.active())
			.param("failed", user.failedLogins())
			.param("lastFailed", utc(user.lastFailedLoginAt()))
			.param("lockedUntil", utc(user.lockedUntil()))
			.param("mfaSecret", user.mfaSecret())
			.param("mfaEnabled", user.mfaEnabled())
			.param("mfaLastStep", user.mfaLastStep())
			.param("stamp", user.securityStamp())
			.param("id", user.id())
			.update();
	}

	List<Grant> grants(long userId) {
		return jdbc.sql("select association_id, role from role_assignment where user_id = ? order by association_id, role")
			.param(userId)
			.query((rs, n) -> new Grant(rs.getObject("association_id", Long.class), Role.valueOf(rs.getString("role"))))
			.list();
	}

	void addGrant(long userId, Grant grant) {
		jdbc.sql("insert into role_assignment (user_id, association_id, role) values (?, ?, ?)")
			.params(userId, grant.associationId(), grant.role().name())
			.update();
	}

	void removeGrant(long userId, Grant grant) {
		if (grant.associationId() == null) {
			jdbc.sql("delete from role_assignment where user_id = ? and association_id is null and role = ?")
				.params(userId, grant.role().name())
				.update();
		}
		else {
			jdbc.sql("delete from role_assignment where user_id = ? and association_id = ? and role = ?")
				.params(userId, grant.associationId(), grant.role().name())
				.update();
		}
	}

	/** Users holding at least one role in the förbund, with those roles. */
	List<UserRow> usersIn(long associationId) {
		return jdbc.sql("""
				select u.id, u.username, u.display_name, u.email, u.active, u.mfa_enabled, u.locked_until, r.role
				  from app_user u
				  join role_assignment r on r.user_id = u.id and r.association_id = ?
				 order by u.display_name, u.id, r.role
				""")
			.param(associationId)
			.query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("email"), rs.getBoolean("active"), rs.getBoolean("mfa_enabled"),
					instant(rs, "locked_until"), Role.valueOf(rs.getString("role"))))
			.list();
	}

	void replaceRecoveryCodes(long userId, List<String> codeHashes) {
		jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
		for (String hash : codeHashes) {
			jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)").params(userId, hash).update();
		}
	}

	/** Marks an unused recovery code as used; false when there is no such unused code. */
	boolean useRecoveryCode(long userId, String codeHash, Instant now) {
		return jdbc.sql("update recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(utc(now), userId, codeHash)
			.update() == 1;
	}

	int unusedRecoveryCodes(long userId) {
		return jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
			.param(userId).query(Integer.class).single();
	}

	private static UserAccount account(ResultSet rs, int rowNum) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("must_change_password"),
				rs.getBoolean("active"), rs.getInt("failed_logins"), instant(rs, "last_failed_login_at"),
				instant(rs, "locked_until"), rs.getString("mfa_secret"), rs.getBoolean("mfa_enabled"),
				rs.getObject("mfa_last_step", Long.class), rs.getString("security_stamp"), instant(rs, "created_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
