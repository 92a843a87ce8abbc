package se.samsyn.followup;

import java.sql.Date;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.samsyn.intervention.InterventionScope;

/**
 * SQL of the imports: the import record with its encrypted staged rows, and the batch inserts of
 * a commit (participants, episodes, their income sources, anonymous starts), all marked with the
 * import so that an undo finds exactly what it created.
 */
@Repository
class ImportStore {

	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ImportStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	record ImportRow(long id, long associationId, long interventionId, String fileName, ImportStatus status, int rowCount,
			Integer createdCount, String stagedRows, String columnMapping, String valueMapping, ImportConsent consent,
			LocalDate consentDate, String uploadedBy, Instant uploadedAt, Instant committedAt, Instant undoneAt) {
	}

	long insert(long associationId, long interventionId, String fileName, ImportStatus status, int rowCount, String staged,
			String uploadedBy, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into followup_import (association_id, intervention_id, file_name, status, row_count,
				  column_mapping, value_mapping, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, '{}', '{}', ?, ?)
				""")
			.params(associationId, interventionId, fileName, status.name(), rowCount, uploadedBy, utc(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into followup_import_staging (import_id, staged_rows) values (?, ?)").params(id, staged).update();
		return id;
	}

	Optional<ImportRow> find(long associationId, long id) {
		return jdbc.sql("""
				select i.*, s.staged_rows from followup_import i left join followup_import_staging s on s.import_id = i.id
				 where i.association_id = ? and i.id = ?
				""").params(associationId, id)
			.query((rs, n) -> new ImportRow(rs.getLong("id"), rs.getLong("association_id"), rs.getLong("intervention_id"),
					rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status")), rs.getInt("row_count"),
					rs.getObject("created_count", Integer.class), rs.getString("staged_rows"),
					rs.getString("column_mapping"), rs.getString("value_mapping"), consent(rs.getString("consent_decision")),
					rs.getObject("consent_date", LocalDate.class), rs.getString("uploaded_by"),
					instant(rs.getObject("uploaded_at", OffsetDateTime.class)),
					instant(rs.getObject("committed_at", OffsetDateTime.class)),
					instant(rs.getObject("undone_at", OffsetDateTime.class))))
			.optional();
	}

	/** The förbund's imports of the insatser in scope, newest first. */
	List<ImportRow> list(long associationId, InterventionScope interventions) {
		if (interventions.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(List.of(associationId));
		String where = "association_id = ?" + EnrollmentStore.inScope("intervention_id", interventions, params);
		return jdbc.sql("""
				select id, association_id, intervention_id, file_name, status, row_count, created_count, uploaded_by,
				       uploaded_at, committed_at, undone_at
				  from followup_import where """ + " " + where + " order by uploaded_at desc, id desc limit 100")
			.params(params)
			.query((rs, n) -> new ImportRow(rs.getLong("id"), rs.getLong("association_id"), rs.getLong("intervention_id"),
					rs.getString("file_name"), ImportStatus.valueOf(rs.getString("status")), rs.getInt("row_count"),
					rs.getObject("created_count", Integer.class), null, null, null, null, null, rs.getString("uploaded_by"),
					instant(rs.getObject("uploaded_at", OffsetDateTime.class)),
					instant(rs.getObject("committed_at", OffsetDateTime.class)),
					instant(rs.getObject("undone_at", OffsetDateTime.class))))
			.list();
	}

	/**
	 * Locks the import for a change by the calling transaction, until it ends: false while another transaction holds
	 * it. SKIP LOCKED (the same on H2 and PostgreSQL) answers at once instead of waiting out the other change.
	 */
	boolean lock(long associationId, long id) {
		return jdbc.sql("select id from followup_import where association_id = ? and id = ? for update skip locked")
			.params(associationId, id).query(Long.class).optional().isPresent();
	}

	void saveMapping(long id, ImportStatus status, String columns, String values) {
		jdbc.sql("update followup_import set status = ?, column_mapping = ?, value_mapping = ? where id = ?")
			.params(status.name(), columns, values, id).update();
	}

	/** What the user said holds for every row of a file without a Samtycke column. */
	void saveConsent(long id, ImportConsent consent, LocalDate consentDate) {
		jdbc.sql("update followup_import set consent_decision = ?, consent_date = ? where id = ?")
			.params(consent == null ? null : consent.name(), consentDate, id).update();
	}

	private static ImportConsent consent(String value) {
		return value == null ? null : ImportConsent.valueOf(value);
	}

	/** Marks the import committed unless someone else did first; erases the staged rows. */
	boolean markCommitted(long id, ImportStatus expectedStatus, int created, Instant now) {
		boolean marked = jdbc.sql("""
				update followup_import set status = ?, created_count = ?, committed_at = ?
				 where id = ? and status = ?
				""").params(ImportStatus.COMMITTED.name(), created, utc(now), id, expectedStatus.name()).update() == 1;
		if (marked) {
			eraseStagedRows(id);
		}
		return marked;
	}

	boolean markDiscarded(long id, ImportStatus expectedStatus) {
		return close(id, expectedStatus, ImportStatus.DISCARDED);
	}

	boolean markExpired(long id, ImportStatus expectedStatus) {
		return close(id, expectedStatus, ImportStatus.EXPIRED);
	}

	/** An import still in review: what expiring it needs. */
	record Staged(long id, long associationId, ImportStatus status, int rowCount) {
	}

	/** The imports still staged (never committed nor discarded) that were uploaded before {@code uploadedBefore}. */
	List<Staged> stagedBefore(Instant uploadedBefore) {
		return jdbc.sql("""
				select id, association_id, status, row_count from followup_import
				 where status in (?, ?) and uploaded_at < ? order by id
				""").params(ImportStatus.NEEDS_MAPPING.name(), ImportStatus.PREVIEW.name(), utc(uploadedBefore))
			.query((rs, n) -> new Staged(rs.getLong("id"), rs.getLong("association_id"), ImportStatus.valueOf(rs.getString("status")),
					rs.getInt("row_count")))
			.list();
	}

	private boolean close(long id, ImportStatus expectedStatus, ImportStatus status) {
		boolean marked = jdbc.sql("update followup_import set status = ? where id = ? and status = ?")
			.params(status.name(), id, expectedStatus.name()).update() == 1;
		if (marked) {
			eraseStagedRows(id);
		}
		return marked;
	}

	/**
	 * The staged rows live in a table of their own, not in the import record: every participant and episode a
	 * commit inserts checks its import in a foreign key, and a record holding megabytes made each check slow.
	 */
	private void eraseStagedRows(long id) {
		jdbc.sql("delete from followup_import_staging where import_id = ?").param(id).update();
	}

	boolean markUndone(long id, Instant now) {
		return jdbc.sql("update followup_import set status = ?, undone_at = ? where id = ? and status = ?")
			.params(ImportStatus.UNDONE.name(), utc(now), id, ImportStatus.COMMITTED.name()).update() == 1;
	}

	// --- what a file is checked against

	/** Participant ids by keyed identity hash, for the förbund's participants with a personnummer. */
	Map<String, Long> participantsByHash(long associationId) {
		Map<String, Long> byHash = new HashMap<>();
		jdbc.sql("select id, identity_hash from participant where association_id = ? and identity_hash is not null")
			.param(associationId)
			.query((rs, n) -> byHash.put(rs.getString(2), rs.getLong(1))).list();
		return byHash;
	}

	Map<String, Long> participantsByCode(long associationId) {
		Map<String, Long> byCode = new HashMap<>();
		jdbc.sql("select id, code from participant where association_id = ?").param(associationId)
			.query((rs, n) -> byCode.put(rs.getString(2), rs.getLong(1))).list();
		return byCode;
	}

	/** The participants with an ongoing episode in the insats. */
	Set<Long> ongoingParticipants(long interventionId) {
		return new HashSet<>(jdbc.sql("select participant_id from enrollment where intervention_id = ? and end_date is null")
			.param(interventionId).query(Long.class).list());
	}

	// --- a commit, in batches

	record NewParticipant(String code, String cipher, String hash, Integer birthYear, Gender gender) {
	}

	record NewEnrollment(long participantId, EnrollmentStore.EnrollmentValues start, EnrollmentStore.ExitValues exit) {
	}

	record NewAnonymous(LocalDate startDate, Gender gender, AnonymousReason reason) {
	}

	/** Inserts the participants; returns their ids by code. */
	Map<String, Long> insertParticipants(long associationId, long importId, List<NewParticipant> participants, Instant now) {
		OffsetDateTime at = utc(now);
		for (List<NewParticipant> chunk : chunks(participants)) {
			template.batchUpdate("""
					insert into participant (association_id, code, identity_cipher, identity_hash, birth_year, gender, import_id, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					""", chunk, chunk.size(), (ps, p) -> {
				ps.setLong(1, associationId);
				ps.setString(2, p.code());
				ps.setString(3, p.cipher());
				ps.setString(4, p.hash());
				setInt(ps, 5, p.birthYear());
				ps.setString(6, p.gender().name());
				ps.setLong(7, importId);
				ps.setObject(8, at);
			});
		}
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select id, code from participant where import_id = ?").param(importId)
			.query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
		return ids;
	}

	/** Inserts the episodes (ended ones with their exit) and their income sources; returns how many. */
	int insertEnrollments(long associationId, long interventionId, long importId, List<NewEnrollment> enrollments,
			Instant now) {
		OffsetDateTime at = utc(now);
		for (List<NewEnrollment> chunk : chunks(enrollments)) {
			template.batchUpdate("""
					insert into enrollment (association_id, intervention_id, participant_id, consent_date, consent_version,
					  referral_date, referrer_id, start_date, district_id, education, time_without_work, occupation,
					  occupation_extent, birth_region, disability, end_date, exit_reason, occupation_after,
					  occupation_after_extent, guide_support, import_id, created_at, updated_at, gender, birth_year)
					select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, p.gender, p.birth_year
					  from participant p where p.id = ?
					""", chunk, chunk.size(), (ps, e) -> {
				var v = e.start();
				var x = e.exit();
				ps.setLong(1, associationId);
				ps.setLong(2, interventionId);
				ps.setLong(3, e.participantId());
				ps.setDate(4, Date.valueOf(v.consentDate()));
				ps.setString(5, v.consentVersion());
				setDate(ps, 6, v.referralDate());
				setLong(ps, 7, v.referrerId());
				ps.setDate(8, Date.valueOf(v.startDate()));
				setLong(ps, 9, v.districtId());
				ps.setString(10, v.education());
				ps.setString(11, v.timeWithoutWork());
				ps.setString(12, v.occupation());
				setInt(ps, 13, v.occupationExtent());
				ps.setString(14, v.birthRegion());
				ps.setString(15, v.disability());
				setDate(ps, 16, x == null ? null : x.endDate());
				ps.setString(17, x == null ? null : x.exitReason());
				ps.setString(18, x == null ? null : x.occupationAfter());
				setInt(ps, 19, x == null ? null : x.occupationAfterExtent());
				if (x == null || x.guideSupport() == null) {
					ps.setNull(20, Types.BOOLEAN);
				}
				else {
					ps.setBoolean(20, x.guideSupport());
				}
				ps.setLong(21, importId);
				ps.setObject(22, at);
				ps.setObject(23, at);
				ps.setLong(24, e.participantId());
			});
		}
		// Within one import a participant starts at most once on a day (duplicates are refused), so this finds each episode.
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select id, participant_id, start_date from enrollment where import_id = ?").param(importId)
			.query((rs, n) -> ids.put(rs.getLong(2) + "|" + rs.getObject(3, LocalDate.class), rs.getLong(1))).list();
		List<Object[]> income = new ArrayList<>();
		for (NewEnrollment e : enrollments) {
			Long id = ids.get(e.participantId() + "|" + e.start().startDate());
			for (String code : e.start().incomeSources()) {
				income.add(new Object[] { id, "START", code });
			}
			if (e.exit() != null) {
				for (String code : e.exit().incomeSourcesAfter()) {
					income.add(new Object[] { id, "EXIT", code });
				}
			}
		}
		for (List<Object[]> chunk : chunks(income)) {
			template.batchUpdate("insert into enrollment_income (enrollment_id, phase, code) values (?, ?, ?)", chunk);
		}
		return ids.size();
	}

	void insertAnonymous(long associationId, long interventionId, long importId, List<NewAnonymous> starts, Instant now) {
		OffsetDateTime at = utc(now);
		for (List<NewAnonymous> chunk : chunks(starts)) {
			template.batchUpdate("""
					insert into anonymous_start (association_id, intervention_id, start_date, gender, reason, import_id, created_at)
					values (?, ?, ?, ?, ?, ?, ?)
					""", chunk, chunk.size(), (ps, a) -> {
				ps.setLong(1, associationId);
				ps.setLong(2, interventionId);
				ps.setDate(3, Date.valueOf(a.startDate()));
				ps.setString(4, a.gender().name());
				ps.setString(5, a.reason().name());
				ps.setLong(6, importId);
				ps.setObject(7, at);
			});
		}
	}

	/** What an undo removes, counted before it does. */
	record Created(long enrollments, long anonymous, long participants) {
	}

	/** Removes the episodes (with income and joint plans), anonymous starts and now episode-less participants of an import. */
	Created undo(long associationId, long importId) {
		String ofImport = "select id from enrollment where association_id = ? and import_id = ?";
		jdbc.sql("delete from plan_activity where plan_id in (select id from joint_plan where enrollment_id in (" + ofImport + "))")
			.params(associationId, importId).update();
		jdbc.sql("delete from joint_plan where enrollment_id in (" + ofImport + ")").params(associationId, importId).update();
		jdbc.sql("delete from enrollment_income where enrollment_id in (" + ofImport + ")").params(associationId, importId)
			.update();
		long enrollments = jdbc.sql("delete from enrollment where association_id = ? and import_id = ?")
			.params(associationId, importId).update();
		long anonymous = jdbc.sql("delete from anonymous_start where association_id = ? and import_id = ?")
			.params(associationId, importId).update();
		long participants = jdbc.sql("""
				delete from participant where association_id = ? and import_id = ?
				   and not exists (select 1 from enrollment e where e.participant_id = participant.id)
				""").params(associationId, importId).update();
		return new Created(enrollments, anonymous, participants);
	}

	private static <T> List<List<T>> chunks(List<T> all) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += BATCH) {
			chunks.add(all.subList(from, Math.min(all.size(), from + BATCH)));
		}
		return chunks;
	}

	private static void setInt(java.sql.PreparedStatement ps, int index, Integer value) throws java.sql.SQLException {
		if (value == null) {
			ps.setNull(index, Types.INTEGER);
		}
		else {
			ps.setInt(index, value);
		}
	}

	private static void setLong(java.sql.PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	private static void setDate(java.sql.PreparedStatement ps, int index, LocalDate value) throws java.sql.SQLException {
		if (value == null) {
			ps.setNull(index, Types.DATE);
		}
		else {
			ps.setDate(index, Date.valueOf(value));
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
