package se.samsyn.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.association.AssociationStructure;
import se.samsyn.association.AssociationViews.District;
import se.samsyn.association.AssociationViews.Member;
import se.samsyn.association.AssociationViews.Municipality;
import se.samsyn.association.MemberKind;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.intervention.InterventionChanged;
import se.samsyn.intervention.InterventionFacts;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.CodeLists;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.SwedishFormat;

/**
 * Insatskatalogen. The kansli writes an insats' public texts and publishes them; anyone can search
 * what is published and still current, across every förbund of the installation.
 */
@Service
public class Catalog {

	private final JdbcClient jdbc;
	private final Interventions interventions;
	private final AssociationStructure structure;
	private final AssociationDirectory directory;
	private final CodeLists codeLists;
	private final AuditLog audit;
	private final Clock clock;

	Catalog(JdbcClient jdbc, Interventions interventions, AssociationStructure structure, AssociationDirectory directory,
			CodeLists codeLists, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.interventions = interventions;
		this.structure = structure;
		this.directory = directory;
		this.codeLists = codeLists;
		this.audit = audit;
		this.clock = clock;
	}

	/** What to look for; null or blank means no filter. */
	public record Query(String q, Long district, Long municipality, String targetGroup, Integer age, String referrer,
			Boolean selfReferral, String association) {

		public static Query all() {
			return new Query(null, null, null, null, null, null, null, null);
		}
	}

	/** A page of results and how many there are in all. Pages count from 0. */
	public record Results(List<CatalogEntry> entries, long total, int page, int size) {
		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/** Every published, current insats matching the query, in Swedish alphabetical order. */
	public List<CatalogEntry> search(Query query) {
		return search(query, 0, Integer.MAX_VALUE).entries();
	}

	/** A page of the published, current insatser matching the query, in Swedish alphabetical order. */
	public Results search(Query query, int page, int size) {
		StringBuilder sql = new StringBuilder("""
				select c.* from catalog_entry c
				 where c.published and c.status in ('ONGOING', 'DECIDED') and (c.end_date is null or c.end_date >= ?)
				""");
		List<Object> params = new ArrayList<>(List.of(LocalDate.now(clock)));
		if (query.association() != null && !query.association().isBlank()) {
			Optional<AssociationRef> association = directory.findByCode(query.association().trim());
			if (association.isEmpty()) {
				return new Results(List.of(), 0, 0, Math.max(1, Math.min(size, 1000)));
			}
			sql.append(" and c.association_id = ?");
			params.add(association.get().id());
		}
		like(sql, params, "c.district_ids", query.district() == null ? null : "," + query.district() + ",");
		like(sql, params, "c.municipality_ids", query.municipality() == null ? null : "," + query.municipality() + ",");
		like(sql, params, "c.target_groups", blank(query.targetGroup()) ? null : "," + query.targetGroup().trim() + ",");
		like(sql, params, "c.referrer_kinds", blank(query.referrer()) ? null : "," + query.referrer().trim() + ",");
		if (query.age() != null) {
			sql.append(" and (c.min_age is null or c.min_age <= ?) and (c.max_age is null or c.max_age >= ?)");
			params.add(query.age());
			params.add(query.age());
		}
		if (Boolean.TRUE.equals(query.selfReferral())) {
			sql.append(" and c.self_referral");
		}
		for (String stem : SwedishStemmer.stems(query.q())) {
			// A query stem matches the words that start with it: "unga" (ung) finds "ungdomar".
			sql.append(" and c.search_terms like ?");
			params.add("% " + stem + "%");
		}
		int safePage = Math.max(0, page);
		int safeSize = Math.max(1, size);
		long total = safeSize == Integer.MAX_VALUE ? -1
				: jdbc.sql(sql.toString().replaceFirst("select c\\.\\*", "select count(*)")).params(params).query(Long.class).single();
		sql.append(" order by c.sort_key, c.intervention_id");
		List<Object> pageParams = new ArrayList<>(params);
		if (safeSize != Integer.MAX_VALUE) {
			sql.append(" limit ? offset ?");
			pageParams.add(safeSize);
			pageParams.add((long) safePage * safeSize);
		}
		Labels labels = new Labels();
		List<CatalogEntry> entries = jdbc.sql(sql.toString()).params(pageParams).query((rs, n) -> entry(rs, labels)).list();
		return new Results(entries, total < 0 ? entries.size() : total, safePage, safeSize == Integer.MAX_VALUE ? Math.max(1, entries.size()) : safeSize);
	}

	/** Titles are ordered by their first 60 characters, so the key fits its column whatever the title. */
	static String sortKey(String title) {
		String prefix = title.length() > 60 ? title.substring(0, 60) : title;
		String key = java.util.HexFormat.of().formatHex(SORTING.get().getCollationKey(prefix).toByteArray());
		return key.length() > 1000 ? key.substring(0, 1000) : key;
	}

	/** Entries saved before the sort key existed get one; cheap when there are none. */
	@Transactional
	public int fillMissingSortKeys() {
		var missing = jdbc.sql("select intervention_id, title from catalog_entry where sort_key = ''")
			.query((rs, n) -> new Object[] { sortKey(rs.getString("title")), rs.getLong("intervention_id") }).list();
		missing.forEach(row -> jdbc.sql("update catalog_entry set sort_key = ? where intervention_id = ?").params(row).update());
		return missing.size();
	}

	// Collators are not thread-safe to share cheaply; one per thread.
	private static final ThreadLocal<java.text.Collator> SORTING = ThreadLocal.withInitial(
			() -> java.text.Collator.getInstance(Locale.forLanguageTag("sv-SE")));

	/** A published, current insats for its public page. */
	public Optional<CatalogEntry> published(String associationCode, long interventionId) {
		return directory.findByCode(associationCode).flatMap(association -> jdbc.sql("""
				select c.* from catalog_entry c
				 where c.intervention_id = ? and c.association_id = ? and c.published and c.status in ('ONGOING', 'DECIDED')
				   and (c.end_date is null or c.end_date >= ?)
				""").params(interventionId, association.id(), LocalDate.now(clock))
			.query((rs, n) -> entry(rs, new Labels())).optional());
	}

	/** The insats' catalogue entry whether published or not, for the kansli's form and preview. */
	public Optional<CatalogEntry> draft(AssociationRef association, long interventionId) {
		return jdbc.sql("select * from catalog_entry where intervention_id = ? and association_id = ?")
			.params(interventionId, association.id())
			.query((rs, n) -> entry(rs, new Labels())).optional();
	}

	/** What saving does to the entry's visibility. */
	public enum Publication {
		KEEP, PUBLISH, WITHDRAW
	}

	/** Saves the public texts; publishing makes them visible to everyone at once, withdrawing hides them. */
	@Transactional
	public void save(AssociationRef association, long interventionId, CatalogForm form, Publication publication) {
		InterventionFacts facts = interventions.facts(association.id(), interventionId).orElseThrow(NotFoundException::new);
		boolean wasPublished = jdbc.sql("select count(*) from catalog_entry where intervention_id = ? and published")
			.param(interventionId).query(Long.class).single() > 0;
		boolean publish = publication == Publication.PUBLISH || (publication == Publication.KEEP && wasPublished);
		Checks checks = new Checks();
		String forWhom = checks.optionalLines(form.forWhom(), 2000, "forWhom");
		String whatYouGet = checks.optionalLines(form.whatYouGet(), 4000, "whatYouGet");
		String where = checks.optionalText(form.where(), 1000, "where");
		String openingHours = checks.optionalText(form.openingHours(), 500, "openingHours");
		String howToGetThere = checks.optionalLines(form.howToGetThere(), 2000, "howToGetThere");
		String contact = checks.optionalText(form.contact(), 500, "contact");
		String languages = checks.optionalText(form.languages(), 200, "languages");
		String accessibility = checks.optionalText(form.accessibility(), 1000, "accessibility");
		Long minAge = checks.optionalWhole(form.minAge(), "minAge");
		Long maxAge = checks.optionalWhole(form.maxAge(), "maxAge");
		checks.check(minAge == null || (minAge >= 0 && minAge <= 120), "minAge", "catalog.age.range");
		checks.check(maxAge == null || (maxAge >= 0 && maxAge <= 120), "maxAge", "catalog.age.range");
		checks.check(minAge == null || maxAge == null || minAge <= maxAge, "maxAge", "catalog.age.order");
		checks.check(CatalogForm.REFERRER_KINDS.containsAll(form.referrerKinds()), "referrerKinds", "validation.choice");
		if (publish) {
			checks.check(forWhom != null, "forWhom", "catalog.publish.required");
			checks.check(whatYouGet != null, "whatYouGet", "catalog.publish.required");
			checks.check(howToGetThere != null, "howToGetThere", "catalog.publish.required");
			checks.check(contact != null, "contact", "catalog.publish.required");
		}
		checks.throwIfAny();
		boolean exists = jdbc.sql("select count(*) from catalog_entry where intervention_id = ?").param(interventionId)
			.query(Long.class).single() > 0;
		var now = clock.instant().atOffset(ZoneOffset.UTC);
		String kinds = "," + String.join(",", new LinkedHashSet<>(form.referrerKinds())) + (form.referrerKinds().isEmpty() ? "" : ",");
		if (!exists) {
			jdbc.sql("insert into catalog_entry (intervention_id, association_id, title, status, updated_at) values (?, ?, ?, ?, ?)")
				.params(interventionId, association.id(), facts.name(), facts.status().name(), now).update();
		}
		jdbc.sql("""
				update catalog_entry set for_whom = ?, min_age = ?, max_age = ?, what_you_get = ?, where_text = ?,
				       opening_hours = ?, how_to_get_there = ?, self_referral = ?, referrer_kinds = ?, contact = ?,
				       languages = ?, accessibility = ?, published = ?, updated_at = ?,
				       published_at = case when ? and published_at is null then ? when ? then published_at else null end
				 where intervention_id = ?
				""")
			.params(forWhom, minAge, maxAge, whatYouGet, where, openingHours, howToGetThere, form.isSelfReferral(), kinds,
					contact, languages, accessibility, publish, now, publish, now, publish, interventionId)
			.update();
		refresh(facts);
		audit.record(publication == Publication.PUBLISH ? AuditAction.CATALOG_PUBLISHED
				: publication == Publication.WITHDRAW ? AuditAction.CATALOG_WITHDRAWN : AuditAction.CATALOG_SAVED, association.id(), AuditTarget.INTERVENTION,
				String.valueOf(interventionId), null);
	}

	/** Keeps the copied facts and the search terms in step with the insats. */
	@EventListener
	void on(InterventionChanged changed) {
		interventions.facts(changed.associationId(), changed.interventionId()).ifPresent(facts -> {
			if (jdbc.sql("select count(*) from catalog_entry where intervention_id = ?").param(facts.id())
				.query(Long.class).single() > 0) {
				refresh(facts);
			}
		});
	}

	private void refresh(InterventionFacts facts) {
		long associationId = facts.associationId();
		List<District> districts = structure.districts(associationId).stream()
			.filter(district -> facts.districtIds().contains(district.id())).toList();
		Set<Long> municipalityIds = new LinkedHashSet<>();
		districts.forEach(district -> municipalityIds.add(district.municipalityId()));
		if (municipalityIds.isEmpty()) {
			// Without districts the insats serves the municipalities among its members, or all of the förbund's.
			List<Member> members = structure.members(associationId);
			members.stream().filter(member -> facts.memberIds().contains(member.id()) && member.kind() == MemberKind.MUNICIPALITY
					&& member.municipalityId() != null).forEach(member -> municipalityIds.add(member.municipalityId()));
			if (municipalityIds.isEmpty()) {
				structure.municipalities(associationId).forEach(municipality -> municipalityIds.add(municipality.id()));
			}
		}
		Map<Long, String> municipalityNames = structure.municipalities(associationId).stream()
			.collect(Collectors.toMap(Municipality::id, Municipality::name));
		Map<String, String> groupLabels = codeLists.labels(CodeLists.TARGET_GROUP, associationId, Locale.forLanguageTag("sv"));
		String associationName = directory.findByIds(List.of(associationId)).stream().findFirst()
			.map(AssociationRef::name).orElse("");
		var texts = jdbc.sql("select for_whom, what_you_get, where_text, how_to_get_there from catalog_entry where intervention_id = ?")
			.param(facts.id())
			.query((rs, n) -> String.join(" ", nz(rs.getString(1)), nz(rs.getString(2)), nz(rs.getString(3)), nz(rs.getString(4))))
			.single();
		StringBuilder words = new StringBuilder(String.join(" ", facts.name(), nz(facts.shortDescription()), texts, associationName));
		facts.targetGroups().forEach(code -> words.append(' ').append(groupLabels.getOrDefault(code, "")));
		districts.forEach(district -> words.append(' ').append(district.name()));
		municipalityIds.forEach(id -> words.append(' ').append(municipalityNames.getOrDefault(id, "")));
		String terms = " " + String.join(" ", SwedishStemmer.stems(words.toString())) + " ";
		jdbc.sql("""
				update catalog_entry set title = ?, sort_key = ?, summary = ?, status = ?, start_date = ?, end_date = ?,
				       district_ids = ?, municipality_ids = ?, target_groups = ?, search_terms = ?
				 where intervention_id = ?
				""")
			.params(facts.name(), sortKey(facts.name()), facts.shortDescription(), facts.status().name(), facts.startDate(), facts.endDate(),
					list(facts.districtIds()), list(municipalityIds), list(facts.targetGroups()),
					terms.length() > 20000 ? terms.substring(0, 20000) : terms, facts.id())
			.update();
	}

	/** Names for the ids and codes the entries hold, looked up once per search. */
	private final class Labels {
		private final Map<Long, Map<Long, String>> districts = new java.util.HashMap<>();
		private final Map<Long, Map<Long, String>> municipalities = new java.util.HashMap<>();
		private final Map<Long, Map<String, String>> groups = new java.util.HashMap<>();
		private final Map<Long, AssociationRef> associations = directory.all().stream()
			.collect(Collectors.toMap(AssociationRef::id, Function.identity()));

		List<String> districts(long associationId, String ids) {
			Map<Long, String> names = districts.computeIfAbsent(associationId, id -> structure.districts(id).stream()
				.collect(Collectors.toMap(District::id, District::name)));
			return ids(ids).stream().map(names::get).filter(java.util.Objects::nonNull).sorted(SwedishFormat.ORDER).toList();
		}

		List<String> municipalities(long associationId, String ids) {
			Map<Long, String> names = municipalities.computeIfAbsent(associationId, id -> structure.municipalities(id).stream()
				.collect(Collectors.toMap(Municipality::id, Municipality::name)));
			return ids(ids).stream().map(names::get).filter(java.util.Objects::nonNull).sorted(SwedishFormat.ORDER).toList();
		}

		List<String> groups(long associationId, String codes) {
			Map<String, String> labels = groups.computeIfAbsent(associationId,
					id -> codeLists.labels(CodeLists.TARGET_GROUP, id, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			return codes(codes).stream().map(code -> labels.getOrDefault(code, code)).toList();
		}
	}

	private CatalogEntry entry(ResultSet rs, Labels labels) throws SQLException {
		long associationId = rs.getLong("association_id");
		AssociationRef association = labels.associations.get(associationId);
		return new CatalogEntry(rs.getLong("intervention_id"), association.code(), association.name(),
				rs.getBoolean("published"), rs.getString("title"), rs.getString("summary"), rs.getString("for_whom"),
				rs.getObject("min_age", Integer.class), rs.getObject("max_age", Integer.class), rs.getString("what_you_get"),
				rs.getString("where_text"), rs.getString("opening_hours"), rs.getString("how_to_get_there"),
				rs.getBoolean("self_referral"), codes(rs.getString("referrer_kinds")), rs.getString("contact"),
				rs.getString("languages"), rs.getString("accessibility"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), labels.districts(associationId, rs.getString("district_ids")),
				labels.municipalities(associationId, rs.getString("municipality_ids")),
				labels.groups(associationId, rs.getString("target_groups")));
	}

	private static void like(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" like ?");
			params.add("%" + value + "%");
		}
	}

	private static String list(java.util.Collection<?> values) {
		return values.isEmpty() ? "," : "," + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + ",";
	}

	private static List<Long> ids(String csv) {
		return codes(csv).stream().map(Long::valueOf).toList();
	}

	private static List<String> codes(String csv) {
		return csv == null ? List.of() : Arrays.stream(csv.split(",")).filter(part -> !part.isBlank()).toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}
}
