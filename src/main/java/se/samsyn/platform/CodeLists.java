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

	public record Entry(String code, String label) {
	}
}
