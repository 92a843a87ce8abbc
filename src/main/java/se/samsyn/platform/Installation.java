package se.samsyn.platform;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Facts about this installation: which database it runs on and its persisted settings. */
@Component
public class Installation {

	private static final String DEMO = "demo-data";

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final String databaseUrl;

	Installation(JdbcClient jdbc, TransactionTemplate transactions, @Value("${spring.datasource.url}") String databaseUrl) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.databaseUrl = databaseUrl;
	}

	/**
	 * Runs the first-start work (the first administrator, the demo data) in one transaction that holds the
	 * installation's start lock: instances starting at once on one database take turns, and each one
	 * decides inside the lock whether there is still anything to do, so the work is done exactly once.
	 */
	public <T> T underStartLock(Supplier<T> work) {
		return transactions.execute(status -> {
			jdbc.sql("select lock_name from installation_lock where lock_name = 'first-start' for update")
				.query(String.class).single();
			return work.get();
		});
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
