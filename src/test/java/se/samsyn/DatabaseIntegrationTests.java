package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The suite runs on the database the build asked for, with every migration applied by Flyway. */
class DatabaseIntegrationTests extends IntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void runsOnTheDatabaseTheBuildChose() throws Exception {
		String expected = System.getProperty("samsyn.test.database", "h2");
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			assertThat(product).isEqualTo(expected.equals("postgresql") ? "PostgreSQL" : "H2");
			if (expected.equals("postgresql")) {
				try (var statement = connection.createStatement(); var result = statement.executeQuery("show jit")) {
					result.next();
					assertThat(result.getString(1)).as("Samsyn's connections run without PostgreSQL's JIT compiler").isEqualTo("off");
				}
			}
		}
	}

	@Test
	void everyMigrationInTheFolderRanAndSucceeded() throws Exception {
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select script from flyway_schema_history where script like 'V%' order by installed_rank")
			.query(String.class).list()).as("every migration in the folder, in order").isEqualTo(migrationsInTheFolder());
	}

	private static List<String> migrationsInTheFolder() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("V") && name.endsWith(".sql"))
				.sorted(Comparator.comparing(DatabaseIntegrationTests::version)).toList();
		}
	}

	private static java.math.BigInteger version(String script) {
		return new java.math.BigInteger(script.substring(1, script.indexOf("__")).replace("_", ""));
	}
}
