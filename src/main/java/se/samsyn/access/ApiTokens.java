package se.samsyn.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.access.internal.Accounts;
import se.samsyn.access.internal.Secrets;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.PlainText;
import se.samsyn.platform.ValidationException;

/**
 * Personal API tokens for {@code /api/v1}. A token is kept only as its SHA-256 hash, is scoped to
 * one förbund (or to the installation for the global roles), carries its owner's roles there as
 * they are at each use, expires, and can be revoked.
 */
@Service
public class ApiTokens {

	public static final Duration MAX_VALIDITY = Duration.ofDays(366);
	private static final String PREFIX = "samsyn_";

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Accounts accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates a token for the user in one of their förbund; the plain token is returned once. */
	@Transactional
	public String create(SamsynUser owner, Long associationId, String name, Duration validity) {
		if (!PlainText.singleLine(name)) {
			throw ValidationException.of("name", PlainText.problem(name, false));
		}
		if (name == null || name.isBlank() || name.length() > 100) {
			throw ValidationException.of("name", "token.name.required");
		}
		if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
			throw ValidationException.of("validDays", "token.validity.range", MAX_VALIDITY.toDays());
		}
		boolean allowed = associationId == null
				? owner.grants().stream().anyMatch(grant -> grant.associationId() == null)
				: owner.memberOf(associationId);
		if (!allowed) {
			throw ValidationException.of("associationId", "token.association.invalid");
		}
		String token = PREFIX + Secrets.readable(8).replace("-", "");
		store(owner.id(), associationId, name.trim(), token, clock.instant().plus(validity));
		return token;
	}

	/** Installs a token with a known value; only for demo accounts. */
	@Transactional
	public void createKnown(long userId, Long associationId, String name, String token, Instant expiresAt) {
		store(userId, associationId, name, token, expiresAt);
	}

	private void store(long userId, Long associationId, String name, String token, Instant expiresAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into api_token (user_id, association_id, name, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(userId, associationId, name, Secrets.sha256(token), utc(clock.instant()), utc(expiresAt))
			.update(keys, "id");
		audit.record(AuditAction.TOKEN_CREATED, associationId, AuditTarget.API_TOKEN, String.valueOf(keys.getKey().longValue()),
				"user " + userId);
	}

	public List<TokenSummary> of(long userId) {
		return jdbc.sql("""
				select id, association_id, name, created_at, expires_at, revoked_at, last_used_at
				  from api_token where user_id = ? order by created_at desc, id desc
				""")
			.param(userId)
			.query((rs, n) -> new TokenSummary(rs.getLong("id"), rs.getObject("association_id", Long.class),
					rs.getString("name"), instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class))))
			.list();
	}

	@Transactional
	public void revoke(long userId, long tokenId) {
		int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(utc(clock.instant()), tokenId, userId)
			.update();
		if (changed == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.TOKEN_REVOKED, null, AuditTarget.API_TOKEN, String.valueOf(tokenId), null);
	}

	/** The user a valid token speaks for, holding only their current roles in the token's förbund. */
	@Transactional
	public Optional<SamsynUser> authenticate(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				select id, user_id, association_id from api_token
				 where token_hash = ? and revoked_at is null and expires_at > ?
				""")
			.params(Secrets.sha256(token.trim()), utc(now))
			.query((rs, n) -> new TokenScope(rs.getLong("id"), rs.getLong("user_id"), rs.getObject("association_id", Long.class)))
			.optional()
			.flatMap(scope -> {
				jdbc.sql("update api_token set last_used_at = ? where id = ?").params(utc(now), scope.id()).update();
				return accounts.activeUser(scope.userId()).map(user -> new SamsynUser(user.id(), user.username(),
						user.displayName(), user.grants().stream()
							.filter(grant -> java.util.Objects.equals(grant.associationId(), scope.associationId()))
							.toList(), true));
			});
	}

	private record TokenScope(long id, long userId, Long associationId) {
	}

	/** A token as its owner's list shows it; the token itself is never shown again. */
	public record TokenSummary(long id, Long associationId, String name, Instant createdAt, Instant expiresAt,
			Instant revokedAt, Instant lastUsedAt) {

		public boolean usable(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
