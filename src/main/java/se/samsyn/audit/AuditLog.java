package se.samsyn.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.platform.SwedishFormat;

/**
 * The append-only audit log. Entries name who did what, where and to which record — by id, never
 * by personal data. Nothing in Samsyn updates or deletes an entry.
 */
@Service
public class AuditLog {

	private static final int MAX_DETAIL = 500;

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an event by the signed-in user ({@code anonymous} before login, {@code system} outside requests). */
	public void record(AuditAction action, Long associationId, AuditTarget targetType, String targetId, String detail) {
		recordAs(currentActor(), action, associationId, targetType, targetId, detail);
	}

	/** Records an event whose actor is not (yet) the signed-in user, e.g. a login or the system itself. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAs(String actor, AuditAction action, Long associationId, AuditTarget targetType, String targetId,
			String detail) {
		jdbc.sql("""
				insert into audit_event (occurred_at, actor, association_id, action, target_type, target_id, detail)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(clock.instant().atOffset(ZoneOffset.UTC), truncate(actor, 60), associationId, action.name(),
					targetType == null ? null : targetType.name(), targetId, truncate(detail, MAX_DETAIL))
			.update();
	}

	/** A page of a förbund's events, newest first; {@code associationId} null means the whole installation. */
	public AuditPage search(Long associationId, AuditQuery query) {
		List<Object> params = new ArrayList<>();
		String where = where(associationId, query, params);
		long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.pageSize());
		pageParams.add((long) query.page() * query.pageSize());
		List<AuditEntry> entries = jdbc.sql("select * from audit_event" + where
				+ " order by occurred_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query(AuditLog::entry)
			.list();
		return new AuditPage(entries, total, query.page(), query.pageSize());
	}

	/** Every matching event, oldest first, for export. */
	public List<AuditEntry> export(Long associationId, AuditQuery query) {
		List<Object> params = new ArrayList<>();
		return jdbc.sql("select * from audit_event" + where(associationId, query, params) + " order by occurred_at, id")
			.params(params)
			.query(AuditLog::entry)
			.list();
	}

	private static String where(Long associationId, AuditQuery query, List<Object> params) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (associationId != null) {
			where.append(" and association_id = ?");
			params.add(associationId);
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(query.from().atStartOfDay(SwedishFormat.SWEDEN).toOffsetDateTime());
		}
		if (query.to() != null) {
			where.append(" and occurred_at < ?");
			params.add(query.to().plusDays(1).atStartOfDay(SwedishFormat.SWEDEN).toOffsetDateTime());
		}
		if (query.actor() != null && !query.actor().isBlank()) {
			where.append(" and actor = ?");
			params.add(query.actor().trim().toLowerCase());
		}
		if (query.action() != null) {
			where.append(" and action = ?");
			params.add(query.action().name());
		}
		if (query.target() != null) {
			// Events from before the kinds were typed may name theirs in lower case.
			where.append(" and upper(target_type) = ?");
			params.add(query.target().name());
		}
		return where.toString();
	}

	private static AuditEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("id"),
				rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getObject("association_id", Long.class), AuditAction.of(rs.getString("action")),
				AuditTarget.of(rs.getString("target_type")),
				rs.getString("target_id"), rs.getString("detail"));
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return "system";
		}
		if (authentication instanceof AnonymousAuthenticationToken) {
			return "anonymous";
		}
		return authentication.getName();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/** One event in the log; an action or kind no longer known reads as null. */
	public record AuditEntry(long id, Instant occurredAt, String actor, Long associationId, AuditAction action,
			AuditTarget targetType, String targetId, String detail) {
	}

	/** What to look for; null fields do not filter. Pages count from 0. */
	public record AuditQuery(LocalDate from, LocalDate to, String actor, AuditAction action, AuditTarget target, int page,
			int pageSize) {
		public AuditQuery {
			page = Math.max(0, page);
			pageSize = Math.min(Math.max(pageSize, 1), 500);
		}
	}

	/** A page of events and how many there are in all. */
	public record AuditPage(List<AuditEntry> entries, long total, int page, int pageSize) {
		public int pages() {
			return (int) Math.max(1, (total + pageSize - 1) / pageSize);
		}
	}
}
