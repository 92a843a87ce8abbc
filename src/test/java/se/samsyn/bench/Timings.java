package se.samsyn.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

/** Sorted timings of repeated runs after warm-up, and how the benchmarks describe the machine and database. */
record Timings(double[] sortedMillis) {

	static Timings of(int warmup, int runs, Supplier<?> action) {
		for (int i = 0; i < warmup; i++) {
			action.get();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			action.get();
			millis[i] = (System.nanoTime() - start) / 1_000_000.0;
		}
		Arrays.sort(millis);
		return new Timings(millis);
	}

	double median() {
		return sortedMillis[sortedMillis.length / 2];
	}

	double percentile(double p) {
		return sortedMillis[(int) Math.ceil(p * sortedMillis.length) - 1];
	}

	double min() {
		return sortedMillis[0];
	}

	double max() {
		return sortedMillis[sortedMillis.length - 1];
	}

	/** "h2 2.4.240" or "postgresql 15.x". */
	static String database(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT) + " "
					+ connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Inserts {@code count} synthetic participants (codes {@code <prefix>-000000…}, born 1960–2004, 55 % women) in
	 * one batch and returns their ids in order.
	 */
	static java.util.List<Long> participants(org.springframework.jdbc.core.JdbcTemplate plain, long association,
			String prefix, int count, java.util.Random random) {
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
		java.util.List<Object[]> rows = new java.util.ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { association, String.format("%s-%06d", prefix, i), 1960 + random.nextInt(45),
					random.nextInt(100) < 55 ? "WOMAN" : "MAN", now });
		}
		plain.batchUpdate("insert into participant (association_id, code, birth_year, gender, created_at) values (?, ?, ?, ?, ?)",
				rows);
		return plain.queryForList("select id from participant where association_id = ? and code like ? order by id", Long.class,
				association, prefix + "-%");
	}

	static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
				+ " MiB max heap, Java " + System.getProperty("java.version");
	}
}
