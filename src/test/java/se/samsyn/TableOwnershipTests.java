package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each table belongs to the module whose migration creates it (a migration is named {@code V…__<module>_…}), and
 * only that module's SQL names it: another module asks the owner's API. Checked on the SQL in the Java sources'
 * string literals and on the migrations themselves. One exception: a module's migration fills its code lists into the
 * shared kernel's {@code code_list_entry}.
 */
class TableOwnershipTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	private static final Path SOURCES = Path.of("src/main/java/se/samsyn");

	private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)_\\w+\\.sql");
	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
	/** Where SQL names a table it reads or changes; a foreign key ({@code references}) only states a dependency. */
	private static final Pattern NAMES_TABLE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|alter\\s+table|drop\\s+table|truncate(?:\\s+table)?|on)\\s+(\\w+)");
	private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	/** Read once for the class: analysing the modules takes seconds. */
	private static final Set<String> modules = ApplicationModules.of(SamsynApplication.class).stream()
		.map(ApplicationModule::getIdentifier).map(Object::toString).collect(Collectors.toSet());

	@Test
	void everyMigrationIsNamedAfterAModule() throws IOException {
		for (Path migration : migrations()) {
			Matcher name = MIGRATION.matcher(migration.getFileName().toString());
			assertThat(name.matches() && modules.contains(name.group(1)))
				.as("%s is named V<version>__<module>_<what>.sql after one of %s", migration.getFileName(), modules).isTrue();
		}
	}

	@Test
	void noModulesSqlNamesAnotherModulesTable() throws IOException {
		Map<String, String> owners = owners();
		assertThat(owners).as("tables found in the migrations").containsKeys("enrollment", "referrer", "audit_event");
		List<String> violations = new ArrayList<>();
		for (Path migration : migrations()) {
			String module = moduleOf(migration);
			// The shared kernel's code lists are filled by the modules whose records use them.
			String sql = Files.readString(migration).replaceAll("--[^\\n]*", "")
				.replaceAll("(?i)\\binsert\\s+into\\s+code_list_entry\\b", "");
			namedTables(sql).stream().filter(owners::containsKey).filter(table -> !owners.get(table).equals(module))
				.forEach(table -> violations.add(migration.getFileName() + " (" + module + ") names " + table + " of "
						+ owners.get(table)));
		}
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path source : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String module = SOURCES.relativize(source).getName(0).toString();
				if (!modules.contains(module)) {
					continue;
				}
				Matcher literal = STRING_LITERAL.matcher(Files.readString(source));
				while (literal.find()) {
					String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
					namedTables(text).stream().filter(owners::containsKey).filter(table -> !owners.get(table).equals(module))
						.forEach(table -> violations.add(SOURCES.relativize(source) + " (" + module + ") names " + table
								+ " of " + owners.get(table)));
				}
			}
		}
		assertThat(violations).as("SQL that names another module's table").isEmpty();
	}

	@Test
	void theCheckFindsATableOfAnotherModule() throws IOException {
		assertThat(namedTables("select r.id from referrer r left join member m on m.id = r.member_id"))
			.contains("referrer", "member");
		assertThat(namedTables("create index ix_enrollment_end on enrollment (association_id, end_date)")).contains("enrollment");
		assertThat(owners()).containsEntry("enrollment", "followup").containsEntry("referrer", "association");
	}

	/** Table → the module whose migration creates it. */
	private Map<String, String> owners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		for (Path migration : migrations()) {
			Matcher create = CREATE_TABLE.matcher(Files.readString(migration));
			while (create.find()) {
				owners.put(create.group(1).toLowerCase(Locale.ROOT), moduleOf(migration));
			}
		}
		return owners;
	}

	private static Set<String> namedTables(String sql) {
		Matcher named = NAMES_TABLE.matcher(sql);
		Set<String> tables = new java.util.TreeSet<>();
		while (named.find()) {
			tables.add(named.group(1).toLowerCase(Locale.ROOT));
		}
		return tables;
	}

	private static String moduleOf(Path migration) {
		Matcher name = MIGRATION.matcher(migration.getFileName().toString());
		return name.matches() ? name.group(1) : "?";
	}

	private static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
		}
	}
}
