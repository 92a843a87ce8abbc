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

	/** A markdown table row: median, p90, min, max and the ratio of the medians to the baseline (blank without one). */
	String row(String name, Timings baseline) {
		return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %s |%n", name, median(), percentile(0.9), min(),
				max(), baseline == null ? "" : String.format(Locale.ROOT, "%.2f", median() / baseline.median()));
	}

	static final String HEADER = "| case | median ms | p90 ms | min ms | max ms | ratio to baseline |\n|---|---:|---:|---:|---:|---:|\n";

	/** Something measured that may throw. */
	interface Call {
		Object run() throws Exception;
	}

	static Supplier<Object> unchecked(Call call) {
		return () -> {
			try {
				return call.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
				+ " MiB max heap, Java " + System.getProperty("java.version");
	}
}
