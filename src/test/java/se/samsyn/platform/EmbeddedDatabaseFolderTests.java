package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseFolderTests {

	@TempDir
	Path temp;

	@BeforeEach
	void posixOnly() {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
				"permissions are POSIX; elsewhere the folder's inherited access rules apply");
	}

	@Test
	void findsTheFolderOfAFileDatabaseOnly() {
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:h2:file:./data/samsyn;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))
			.contains(Path.of("data/samsyn").toAbsolutePath());
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:h2:./data/samsyn")).contains(Path.of("data/samsyn").toAbsolutePath());
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:h2:nio:/srv/samsyn/db")).contains(Path.of("/srv/samsyn/db"));
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:h2:~/samsyn")).contains(Path.of(System.getProperty("user.home"), "samsyn"));
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:h2:mem:samsyn;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:h2:tcp://localhost/~/samsyn")).isEmpty();
		assertThat(EmbeddedDatabaseFolder.databaseOf("jdbc:postgresql://127.0.0.1:5432/samsyn")).isEmpty();
	}

	@Test
	void theDatabaseStartsInAPrivateFolderAndItsFilesAreKeptToTheOwner() throws Exception {
		Path database = temp.resolve("data").resolve("samsyn");
		String url = "jdbc:h2:file:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;TRACE_LEVEL_FILE=2";
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(url);
			dataSource.setUsername("sa");
			// What Spring does with the application's data source before its first connection.
			PlatformConfiguration.privateEmbeddedDatabaseFolder().postProcessBeforeInitialization(dataSource, "dataSource");
			assertThat(permissions(database.getParent())).isEqualTo("rwx------");

			try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
				sql.execute("create table t (id int)");
				sql.execute("insert into t values (1)");
			}
			List<Path> files = files(database.getParent());
			assertThat(files).as("H2 made its files, the trace file too")
				.anyMatch(f -> f.getFileName().toString().equals("samsyn.mv.db"))
				.anyMatch(f -> f.getFileName().toString().equals("samsyn.trace.db"));

			new EmbeddedDatabaseFolder(url).tighten();
			for (Path file : files(database.getParent())) {
				assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
			}

			// A file H2 creates later (here: a temporary file) is closed by the next round.
			Path later = Files.createFile(database.resolveSibling("samsyn.1.temp.db"));
			Files.setPosixFilePermissions(later, PosixFilePermissions.fromString("rw-r--r--"));
			assertThat(EmbeddedDatabaseFolder.tighten(database)).isEqualTo(1);
			assertThat(permissions(later)).isEqualTo("rw-------");
		}
	}

	@Test
	void anOpenFolderFromAnEarlierStartIsClosedButASharedOneIsLeftAlone() throws Exception {
		Path own = Files.createDirectories(temp.resolve("own"));
		Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.writeString(own.resolve("samsyn.mv.db"), "x");
		Files.writeString(own.resolve("samsyn.key"), "x");
		EmbeddedDatabaseFolder.prepare(own.resolve("samsyn"));
		assertThat(permissions(own)).isEqualTo("rwx------");

		Path shared = Files.createDirectories(temp.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path foreign = Files.writeString(shared.resolve("someone-elses.txt"), "x");
		Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rw-r--r--"));
		Path ours = Files.writeString(shared.resolve("samsyn.mv.db"), "x");
		EmbeddedDatabaseFolder.prepare(shared.resolve("samsyn"));
		EmbeddedDatabaseFolder.tighten(shared.resolve("samsyn"));
		assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
		assertThat(permissions(foreign)).isEqualTo("rw-r--r--");
		assertThat(permissions(ours)).isEqualTo("rw-------");
	}

	private static List<Path> files(Path folder) throws Exception {
		try (var entries = Files.list(folder)) {
			return entries.toList();
		}
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}
}
