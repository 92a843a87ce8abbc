package se.samsyn.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The code lists (target groups, exit reasons, …): national entries plus a förbund's own. */
@Service
public class CodeLists {

	public static final String TARGET_GROUP = "TARGET_GROUP";
	public static final String EXIT_REASON = "EXIT_REASON";

	private final JdbcClient jdbc;

	CodeLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> entries(String list, long associationId, Locale locale) {
		boolean english = locale != null && "en".equals(locale.getLanguage());
		return jdbc.sql("""
				select code, label_sv, label_en from code_list_entry
				 where list_code = ? and active and (association_id is null or association_id = ?)
				 order by sort_order, code
				""")
			.params(list, associationId)
			.query((rs, n) -> new Entry(rs.getString("code"), rs.getString(english ? "label_en" : "label_sv")))
			.list();
	}

	public Map<String, String> labels(String list, long associationId, Locale locale) {
		return entries(list, associationId, locale).stream()
			.collect(Collectors.toMap(Entry::code, Entry::label, (a, b) -> a, java.util.LinkedHashMap::new));
	}

	public boolean contains(String list, long associationId, String code) {
		return jdbc.sql("""
				select count(*) from code_list_entry
				 where list_code = ? and code = ? and active and (association_id is null or association_id = ?)
				""")
			.params(list, code, associationId).query(Long.class).single() > 0;
	}

	/** The lists a förbund may add its own entries to (national entries are never changed). */
	public static final List<String> EXTENDABLE = List.of(TARGET_GROUP, EXIT_REASON, "EDUCATION", "TIME_WITHOUT_WORK",
			"INCOME_SOURCE", "OCCUPATION", "BIRTH_REGION", "DISABILITY");

	public record Entry(String code, String label) {
	}

	/** An entry as the code-list page shows it: national or the förbund's own, active or not. */
	public record ListEntry(String code, String labelSv, String labelEn, boolean own, boolean active) {
	}

	/** Every entry of a list for a förbund, national first, including the förbund's inactive ones. */
	public List<ListEntry> all(String list, long associationId) {
		return jdbc.sql("""
				select code, label_sv, label_en, association_id, active from code_list_entry
				 where list_code = ? and (association_id is null or association_id = ?)
				 order by case when association_id is null then 0 else 1 end, sort_order, code
				""")
			.params(list, associationId)
			.query((rs, n) -> new ListEntry(rs.getString("code"), rs.getString("label_sv"), rs.getString("label_en"),
					rs.getObject("association_id") != null, rs.getBoolean("active")))
			.list();
	}

	/**
	 * Adds a förbund's own entry; its code is made from the Swedish label (prefixed {@code EGEN_}) so
	 * it never collides with a national code. Returns the code.
	 */
	public String addOwn(String list, long associationId, String labelSv, String labelEn) {
		Checks checks = new Checks();
		checks.check(EXTENDABLE.contains(list), "list", "validation.choice");
		String sv = checks.text(labelSv, 200, "labelSv");
		String en = labelEn == null || labelEn.isBlank() ? sv : checks.text(labelEn, 200, "labelEn");
		checks.throwIfAny();
		boolean taken = all(list, associationId).stream().anyMatch(e -> e.labelSv().equalsIgnoreCase(sv));
		if (taken) {
			throw ValidationException.of("labelSv", "codeList.labelTaken");
		}
		String base = "EGEN_" + java.text.Normalizer.normalize(sv, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
		base = base.length() > 34 ? base.substring(0, 34) : base;
		String code = base;
		for (int i = 2; exists(list, associationId, code); i++) {
			code = base + "_" + i;
		}
		int sort = jdbc.sql("select coalesce(max(sort_order), 0) + 10 from code_list_entry where list_code = ?")
			.param(list).query(Integer.class).single();
		jdbc.sql("""
				insert into code_list_entry (list_code, code, label_sv, label_en, sort_order, association_id, active)
				values (?, ?, ?, ?, ?, ?, true)
				""").params(list, code, sv, en, sort, associationId).update();
		return code;
	}

	/** Turns a förbund's own entry off (it stays on what was registered with it) or on again. */
	public void setOwnActive(String list, long associationId, String code, boolean active) {
		int changed = jdbc.sql("update code_list_entry set active = ? where list_code = ? and code = ? and association_id = ?")
			.params(active, list, code, associationId).update();
		if (changed == 0) {
			throw new NotFoundException();
		}
	}

	private boolean exists(String list, long associationId, String code) {
		return jdbc.sql("""
				select count(*) from code_list_entry where list_code = ? and code = ? and (association_id is null or association_id = ?)
				""").params(list, code, associationId).query(Long.class).single() > 0;
	}
}
