package se.samsyn.association;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.association.AssociationViews.District;
import se.samsyn.association.AssociationViews.Member;
import se.samsyn.association.AssociationViews.Municipality;
import se.samsyn.association.AssociationViews.Referrer;
import se.samsyn.association.Forms.DistrictForm;
import se.samsyn.association.Forms.MemberForm;
import se.samsyn.association.Forms.MunicipalityForm;
import se.samsyn.association.Forms.ReferrerForm;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.Checks;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ValidationException;

/**
 * A förbund's members, municipalities, districts and referring units. Every query is scoped to the
 * förbund; an id from another förbund is simply not found.
 */
@Service
public class AssociationStructure {

	private final JdbcClient jdbc;
	private final AuditLog audit;

	AssociationStructure(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	// --- members

	public List<Member> members(long associationId) {
		return jdbc.sql("""
				select m.id, m.kind, m.name, m.municipality_id, k.name as municipality_name, m.state_payer
				  from member m left join municipality k on k.id = m.municipality_id
				 where m.association_id = ?
				 order by case m.kind when 'STATE' then 0 when 'REGION' then 1 else 2 end, m.name
				""")
			.param(associationId)
			.query((rs, n) -> new Member(rs.getLong("id"), MemberKind.valueOf(rs.getString("kind")), rs.getString("name"),
					rs.getObject("municipality_id", Long.class), rs.getString("municipality_name"), rs.getBoolean("state_payer")))
			.list();
	}

	public Member member(long associationId, long memberId) {
		return members(associationId).stream().filter(m -> m.id() == memberId).findFirst()
			.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public long saveMember(long associationId, Long memberId, MemberForm form) {
		Checks checks = new Checks();
		MemberKind kind = parseKind(form.kind(), checks);
		String name = checks.text(form.name(), 200, "name");
		Long municipalityId = checks.optionalId(form.municipalityId(), "municipalityId");
		if (kind == MemberKind.MUNICIPALITY) {
			checks.check(municipalityId != null && municipalityExists(associationId, municipalityId), "municipalityId",
					"member.municipality.required");
		}
		else {
			municipalityId = null;
		}
		checks.check(name == null || !nameTaken("member", associationId, memberId, name), "name", "validation.nameTaken");
		checks.check(!form.paysForTheState() || kind == null || kind == MemberKind.STATE, "statePayer", "member.statePayer.stateOnly");
		checks.throwIfAny();
		long id;
		if (memberId == null) {
			id = insert("insert into member (association_id, kind, name, municipality_id, state_payer) values (?, ?, ?, ?, ?)",
					associationId, kind.name(), name, municipalityId, form.paysForTheState());
			insert("""
					insert into referrer (association_id, member_id, name, self_referral, active, unit_stated)
					values (?, ?, ?, false, true, false)
					""", associationId, id, unitNotStated(name));
			audit.record(AuditAction.MEMBER_CREATED, associationId, AuditTarget.MEMBER, String.valueOf(id), null);
		}
		else {
			member(associationId, memberId);
			id = memberId;
			jdbc.sql("update member set kind = ?, name = ?, municipality_id = ?, state_payer = ? where id = ? and association_id = ?")
				.params(kind.name(), name, municipalityId, form.paysForTheState(), memberId, associationId).update();
			jdbc.sql("update referrer set name = ? where member_id = ? and association_id = ? and not unit_stated")
				.params(unitNotStated(name), memberId, associationId).update();
			audit.record(AuditAction.MEMBER_UPDATED, associationId, AuditTarget.MEMBER, String.valueOf(memberId), null);
		}
		if (form.paysForTheState()) {
			// One member pays the state's share: choosing another moves it.
			jdbc.sql("update member set state_payer = false where association_id = ? and id <> ? and state_payer")
				.params(associationId, id).update();
		}
		return id;
	}

	@Transactional
	public void deleteMember(long associationId, long memberId) {
		member(associationId, memberId);
		try {
			jdbc.sql("delete from referrer where member_id = ? and association_id = ? and not unit_stated")
				.params(memberId, associationId).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw ValidationException.of("general", "validation.inUse");
		}
		delete("member", associationId, memberId);
		audit.record(AuditAction.MEMBER_DELETED, associationId, AuditTarget.MEMBER, String.valueOf(memberId), null);
	}

	/** The name of a member's "unit not stated" entry. */
	static String unitNotStated(String memberName) {
		return memberName + " – enhet ej angiven";
	}

	// --- municipalities

	public List<Municipality> municipalities(long associationId) {
		return jdbc.sql("select id, municipality_code, name from municipality where association_id = ? order by name")
			.param(associationId)
			.query((rs, n) -> new Municipality(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("name")))
			.list();
	}

	public Municipality municipality(long associationId, long municipalityId) {
		return municipalities(associationId).stream().filter(m -> m.id() == municipalityId).findFirst()
			.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public long saveMunicipality(long associationId, Long municipalityId, MunicipalityForm form) {
		Checks checks = new Checks();
		String code = form.municipalityCode() == null ? "" : form.municipalityCode().trim();
		checks.check(code.matches("\\d{4}"), "municipalityCode", "municipality.code.invalid");
		String name = checks.text(form.name(), 100, "name");
		checks.check(!code.matches("\\d{4}") || jdbc.sql(
				"select count(*) from municipality where association_id = ? and municipality_code = ? and id <> ?")
			.params(associationId, code, municipalityId == null ? -1L : municipalityId)
			.query(Long.class).single() == 0, "municipalityCode", "municipality.code.taken");
		checks.throwIfAny();
		if (municipalityId == null) {
			long id = insert("insert into municipality (association_id, municipality_code, name) values (?, ?, ?)",
					associationId, code, name);
			audit.record(AuditAction.MUNICIPALITY_CREATED, associationId, AuditTarget.MUNICIPALITY, String.valueOf(id), code);
			return id;
		}
		municipality(associationId, municipalityId);
		jdbc.sql("update municipality set municipality_code = ?, name = ? where id = ? and association_id = ?")
			.params(code, name, municipalityId, associationId).update();
		audit.record(AuditAction.MUNICIPALITY_UPDATED, associationId, AuditTarget.MUNICIPALITY, String.valueOf(municipalityId), code);
		return municipalityId;
	}

	@Transactional
	public void deleteMunicipality(long associationId, long municipalityId) {
		municipality(associationId, municipalityId);
		delete("municipality", associationId, municipalityId);
		audit.record(AuditAction.MUNICIPALITY_DELETED, associationId, AuditTarget.MUNICIPALITY, String.valueOf(municipalityId), null);
	}

	// --- districts

	public List<District> districts(long associationId) {
		return jdbc.sql("""
				select d.id, d.municipality_id, k.name as municipality_name, d.name
				  from district d join municipality k on k.id = d.municipality_id
				 where d.association_id = ?
				 order by k.name, d.name
				""")
			.param(associationId)
			.query((rs, n) -> new District(rs.getLong("id"), rs.getLong("municipality_id"),
					rs.getString("municipality_name"), rs.getString("name")))
			.list();
	}

	public District district(long associationId, long districtId) {
		return districts(associationId).stream().filter(d -> d.id() == districtId).findFirst()
			.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public long saveDistrict(long associationId, Long districtId, DistrictForm form) {
		Checks checks = new Checks();
		Long municipalityId = checks.optionalId(form.municipalityId(), "municipalityId");
		checks.check(municipalityId != null && municipalityExists(associationId, municipalityId), "municipalityId",
				"district.municipality.required");
		String name = checks.text(form.name(), 100, "name");
		checks.check(name == null || !nameTaken("district", associationId, districtId, name), "name", "validation.nameTaken");
		checks.throwIfAny();
		if (districtId == null) {
			long id = insert("insert into district (association_id, municipality_id, name) values (?, ?, ?)",
					associationId, municipalityId, name);
			audit.record(AuditAction.DISTRICT_CREATED, associationId, AuditTarget.DISTRICT, String.valueOf(id), null);
			return id;
		}
		district(associationId, districtId);
		jdbc.sql("update district set municipality_id = ?, name = ? where id = ? and association_id = ?")
			.params(municipalityId, name, districtId, associationId).update();
		audit.record(AuditAction.DISTRICT_UPDATED, associationId, AuditTarget.DISTRICT, String.valueOf(districtId), null);
		return districtId;
	}

	@Transactional
	public void deleteDistrict(long associationId, long districtId) {
		district(associationId, districtId);
		delete("district", associationId, districtId);
		audit.record(AuditAction.DISTRICT_DELETED, associationId, AuditTarget.DISTRICT, String.valueOf(districtId), null);
	}

	// --- referrers

	public List<Referrer> referrers(long associationId) {
		return jdbc.sql("""
				select r.id, r.member_id, m.name as member_name, r.district_id, d.name as district_name, r.name,
				       r.self_referral, r.active, r.unit_stated
				  from referrer r
				  left join member m on m.id = r.member_id
				  left join district d on d.id = r.district_id
				 where r.association_id = ?
				 order by r.self_referral desc, m.name, r.name
				""")
			.param(associationId)
			.query((rs, n) -> new Referrer(rs.getLong("id"), rs.getObject("member_id", Long.class),
					rs.getString("member_name"), rs.getObject("district_id", Long.class), rs.getString("district_name"),
					rs.getString("name"), rs.getBoolean("self_referral"), rs.getBoolean("active"), rs.getBoolean("unit_stated")))
			.list();
	}

	/**
	 * How a referring unit counts in a report: the kind of its member ({@link MemberKind}'s name) and the member's id,
	 * or {@code SELF} for both when the person referred themselves; a unit without a member has neither.
	 */
	public record ReferrerKind(String kind, String member) {

		public static final ReferrerKind SELF = new ReferrerKind("SELF", "SELF");
	}

	/** The kind of every referring unit of these förbund, by its id. */
	public Map<Long, ReferrerKind> referrerKinds(Collection<Long> associationIds) {
		Map<Long, ReferrerKind> kinds = new HashMap<>();
		if (associationIds.isEmpty()) {
			return kinds;
		}
		// One förbund by equality, so that the database uses the förbund's index whatever it makes of a one-value list.
		String where = associationIds.size() == 1 ? "r.association_id = ?"
				: "r.association_id in (" + String.join(",", associationIds.stream().map(id -> "?").toList()) + ")";
		jdbc.sql("select r.id, r.self_referral, r.member_id, m.kind from referrer r left join member m on m.id = r.member_id"
				+ " where " + where).params(List.copyOf(associationIds)).query((rs, n) -> {
					Long member = rs.getObject(3, Long.class);
					kinds.put(rs.getLong(1), rs.getBoolean(2) ? ReferrerKind.SELF
							: new ReferrerKind(rs.getString(4), member == null ? null : String.valueOf(member)));
					return null;
				}).list();
		return kinds;
	}

	public Referrer referrer(long associationId, long referrerId) {
		return referrers(associationId).stream().filter(r -> r.id() == referrerId).findFirst()
			.orElseThrow(NotFoundException::new);
	}

	@Transactional
	public long saveReferrer(long associationId, Long referrerId, ReferrerForm form) {
		if (referrerId != null && !referrer(associationId, referrerId).unitStated()) {
			// The member's own entry: its name and member follow the member; only whether it is offered can change.
			jdbc.sql("update referrer set active = ? where id = ? and association_id = ?")
				.params(form.isActive(), referrerId, associationId).update();
			audit.record(AuditAction.REFERRER_UPDATED, associationId, AuditTarget.REFERRER, String.valueOf(referrerId), null);
			return referrerId;
		}
		Checks checks = new Checks();
		String name = checks.text(form.name(), 200, "name");
		Long memberId = checks.optionalId(form.memberId(), "memberId");
		Long districtId = checks.optionalId(form.districtId(), "districtId");
		if (form.isSelfReferral()) {
			memberId = null;
		}
		else {
			checks.check(memberId != null && exists("member", associationId, memberId), "memberId",
					"referrer.member.required");
		}
		checks.check(districtId == null || exists("district", associationId, districtId), "districtId",
				"validation.choice");
		checks.check(name == null || !nameTaken("referrer", associationId, referrerId, name), "name", "validation.nameTaken");
		checks.throwIfAny();
		if (referrerId == null) {
			long id = insert("""
					insert into referrer (association_id, member_id, district_id, name, self_referral, active)
					values (?, ?, ?, ?, ?, ?)
					""", associationId, memberId, districtId, name, form.isSelfReferral(), form.isActive());
			audit.record(AuditAction.REFERRER_CREATED, associationId, AuditTarget.REFERRER, String.valueOf(id), null);
			return id;
		}
		referrer(associationId, referrerId);
		jdbc.sql("""
				update referrer set member_id = ?, district_id = ?, name = ?, self_referral = ?, active = ?
				 where id = ? and association_id = ?
				""")
			.params(memberId, districtId, name, form.isSelfReferral(), form.isActive(), referrerId, associationId).update();
		audit.record(AuditAction.REFERRER_UPDATED, associationId, AuditTarget.REFERRER, String.valueOf(referrerId), null);
		return referrerId;
	}

	@Transactional
	public void deleteReferrer(long associationId, long referrerId) {
		if (!referrer(associationId, referrerId).unitStated()) {
			throw ValidationException.of("general", "referrer.unitNotStated.withMember");
		}
		delete("referrer", associationId, referrerId);
		audit.record(AuditAction.REFERRER_DELETED, associationId, AuditTarget.REFERRER, String.valueOf(referrerId), null);
	}

	// --- shared

	private static MemberKind parseKind(String value, Checks checks) {
		try {
			return MemberKind.valueOf(value == null ? "" : value.trim());
		}
		catch (IllegalArgumentException ex) {
			checks.check(false, "kind", "member.kind.required");
			return null;
		}
	}

	private boolean municipalityExists(long associationId, long municipalityId) {
		return exists("municipality", associationId, municipalityId);
	}

	// Table names below come from this class only, never from input.
	private boolean exists(String table, long associationId, long id) {
		return jdbc.sql("select count(*) from " + table + " where id = ? and association_id = ?")
			.params(id, associationId).query(Long.class).single() > 0;
	}

	private boolean nameTaken(String table, long associationId, Long exceptId, String name) {
		return jdbc.sql("select count(*) from " + table + " where association_id = ? and lower(name) = lower(?) and id <> ?")
			.params(associationId, name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
	}

	private long insert(String sql, Object... params) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Refuses, with a message, to delete what other records still point to. */
	private void delete(String table, long associationId, long id) {
		try {
			jdbc.sql("delete from " + table + " where id = ? and association_id = ?").params(id, associationId).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw ValidationException.of("general", "validation.inUse");
		}
	}
}
