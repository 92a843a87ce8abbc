package se.samsyn.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database to its owner: its folder {@code 0700}, its files {@code 0600}. H2 creates its
 * files (the database, the trace and lock files, temporary files for large results) with the JVM's default
 * permissions – {@code 0644} under the usual umask – and has no setting for them, and Java cannot set a umask.
 * So the folder is made private before the first connection ({@link PlatformConfiguration}), and the database's
 * files are tightened once Samsyn has started and then every minute; a file H2 creates in between lies in the
 * closed folder, which other users cannot enter. On a file system without POSIX permissions nothing is done.
 *
 * <p>Only what is Samsyn's is touched: the files whose names start with the database's name, and the folder
 * only when it holds nothing else – a database configured into a shared folder such as {@code /tmp} leaves
 * that folder as it is, with a warning.
 */
@Component
class EmbeddedDatabaseFolder {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseFolder.class);

	static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	/** H2's file systems that keep the database in ordinary files; {@code mem:}, {@code tcp:} and the rest do not. */
	private static final List<String> FILE_SYSTEMS = List.of("file:", "split:", "nio:", "nioMapped:", "async:", "retry:");

	private final Optional<Path> database;

	EmbeddedDatabaseFolder(@Value("${spring.datasource.url:}") String url) {
		this.database = databaseOf(url);
	}

	/** The database's path without H2's file suffixes ({@code ./data/samsyn}), for a file database only. */
	static Optional<Path> databaseOf(String url) {
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return Optional.empty();
		}
		String name = url.substring("jdbc:h2:".length());
		int settings = name.indexOf(';');
		if (settings >= 0) {
			name = name.substring(0, settings);
		}
		for (boolean stripped = true; stripped;) {
			stripped = false;
			for (String prefix : FILE_SYSTEMS) {
				if (name.startsWith(prefix)) {
					name = name.substring(prefix.length());
					stripped = true;
				}
			}
		}
		if (name.isBlank() || name.indexOf(':') > 1) { // mem:, tcp:, ssl:, zip:, memFS:; C:/… is a drive
			return Optional.empty();
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		Path path = Path.of(name).toAbsolutePath().normalize();
		return path.getParent() == null ? Optional.empty() : Optional.of(path);
	}

	/** Creates the folder readable by the owner only, or closes an existing one that holds only Samsyn's files. */
	static void prepare(Path database) {
		Path folder = database.getParent();
		try {
			if (createFolder(folder) || !posix() || Files.getPosixFilePermissions(folder).equals(FOLDER)) {
				return;
			}
			if (onlySamsynIn(folder, baseName(database))) {
				Files.setPosixFilePermissions(folder, FOLDER);
				log.info("Made the database folder {} accessible to its owner only", folder);
			}
			else {
				log.warn("The database folder {} holds other files than Samsyn's; its permissions are left as they are, "
						+ "Samsyn's own files in it are kept readable by the owner only", folder);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create or protect the database folder " + folder, ex);
		}
	}

	/** Creates a missing folder accessible to its owner only; returns false when it existed. */
	static boolean createFolder(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return false;
		}
		if (!posix()) {
			// Not a POSIX file system (Windows): the folder inherits its parent's access rules.
			Files.createDirectories(folder);
			return true;
		}
		Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
		// The umask applies to the permissions asked for at creation; set them exactly.
		Files.setPosixFilePermissions(folder, FOLDER);
		return true;
	}

	/** Sets the database's files to {@code 0600}; returns how many had other permissions. */
	static int tighten(Path database) {
		Path folder = database.getParent();
		if (!posix() || !Files.isDirectory(folder)) {
			return 0;
		}
		String prefix = baseName(database) + ".";
		int changed = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, entry -> entry.getFileName().toString().startsWith(prefix))) {
			for (Path file : entries) {
				try {
					// A link could point anywhere; H2 never makes one.
					if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
							&& !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
						Files.setPosixFilePermissions(file, FILE);
						changed++;
					}
				}
				catch (NoSuchFileException gone) {
					// A temporary file H2 removed meanwhile.
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not check the permissions of the database files in {}: {}", folder, ex.toString());
		}
		return changed;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
	void tighten() {
		database.ifPresent(path -> {
			int changed = tighten(path);
			if (changed > 0) {
				log.info("Made {} database files in {} readable by their owner only", changed, path.getParent());
			}
		});
	}

	private static boolean onlySamsynIn(Path folder, String baseName) throws IOException {
		try (var entries = Files.list(folder)) {
			return entries.allMatch(entry -> entry.getFileName().toString().startsWith(baseName));
		}
	}

	private static String baseName(Path database) {
		return database.getFileName().toString();
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}
}
