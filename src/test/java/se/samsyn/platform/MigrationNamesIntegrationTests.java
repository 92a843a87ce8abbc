package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.samsyn.IntegrationTest;

/**
 * A database migrated before three migrations got their module's name still starts: its schema history keeps the
 * old descriptions, which Flyway refuses unless {@link MigrationNames} brings them up to date. Run in a schema of
 * its own on the suite's database.
 */
class MigrationNamesIntegrationTests extends IntegrationTest {

	private final String schema = "renamed_" + System.nanoTime() % 1_000_000_000L;

	@Autowired
	private DataSource dataSource;

	@AfterEach
	void dropSchema() {
		jdbc.sql("drop schema if exists " + schema + " cascade").update();
	}

	private Flyway flyway(boolean withRenames) {
		var configuration = Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration");
		if (withRenames) {
			configuration.callbacks(new MigrationNames());
		}
		return configuration.load();
	}

	@Test
	void aDatabaseWithTheOldMigrationNamesIsBroughtUpToDate() {
		flyway(true).migrate();
		String history = schema + ".flyway_schema_history";
		MigrationNames.RENAMED.forEach((version, names) -> assertThat(
				jdbc.sql("update " + history + " set description = ? where version = ?").params(names[0], version).update())
			.isEqualTo(1));

		assertThatThrownBy(() -> flyway(false).migrate()).as("without the renames Flyway refuses the old names")
			.isInstanceOf(FlywayException.class).hasMessageContaining("description mismatch");

		flyway(true).migrate();
		MigrationNames.RENAMED.forEach((version, names) -> assertThat(
				jdbc.sql("select description from " + history + " where version = ?").param(version).query(String.class).single())
			.isEqualTo(names[1]));
		assertThat(flyway(false).validateWithResult().validationSuccessful).isTrue();
	}
}
