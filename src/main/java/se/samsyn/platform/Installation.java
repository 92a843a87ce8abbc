package se.samsyn.platform;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Facts about this installation: which database it runs on and its persisted settings. */
@Component
public class Installation {

	private static final String DEMO = "demo-data";

	private final JdbcClient jdbc;
	private final String databaseUrl;

	Installation(JdbcClient jdbc, @Value("${spring.datasource.url}") String databaseUrl) {
		this.jdbc = jdbc;
		this.databaseUrl = databaseUrl;
	}

	/** The embedded H2 database, as opposed to a PostgreSQL server. */
	public boolean embeddedDatabase() {
		return databaseUrl.startsWith("jdbc:h2:");
	}

	/** Whether this installation was seeded with the demo förbund and demo accounts. */
	public boolean demo() {
		return setting(DEMO).map(Boolean::parseBoolean).orElse(false);
	}

	public void markAsDemo() {
		if (setting(DEMO).isEmpty()) {
			jdbc.sql("insert into installation_setting (setting_key, setting_value) values (?, 'true')")
				.param(DEMO).update();
		}
	}

	private Optional<String> setting(String key) {
		return jdbc.sql("select setting_value from installation_setting where setting_key = ?")
			.param(key).query(String.class).optional();
	}
}
