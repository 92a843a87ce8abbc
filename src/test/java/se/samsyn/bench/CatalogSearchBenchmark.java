package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.samsyn.IntegrationTest;
import se.samsyn.catalog.Catalog;
import se.samsyn.catalog.SwedishStemmer;

/**
 * Catalogue search over 5 000 published insatser, against a hand-written SQL query of the same
 * result as baseline in the same run. Not part of the test suite: run it with {@code bench/run.sh}.
 * Writes {@code bench/results/<date>-<database>-catalog.md}.
 */
class CatalogSearchBenchmark extends IntegrationTest {

	private static final int INSATSER = 5_000;
	private static final int WARMUP = 30;
	private static final int RUNS = 101;
	private static final String[] WORDS = { "stöd", "arbete", "studier", "unga", "ungdomar", "vuxna", "psykisk", "ohälsa",
			"coach", "grupp", "samtal", "hälsa", "rutiner", "praktik", "språk", "nyanlända", "beroende", "sjukskrivna",
			"arbetsträning", "vägledning", "motivation", "familj", "trädgård", "friskvård", "utbildning" };

	@Autowired
	private Catalog catalog;

	@Autowired
	private DataSource dataSource;

	@Test
	void searchOver5000PublishedInsatser() throws IOException {
		long association = associationId("sodertalje");
		long district = seed(association);
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		LocalDate today = LocalDate.now();

		List<Case> cases = List.of(
				new Case("free text \"unga\" (word form), first page of 20", () -> catalog.search(new Catalog.Query("unga", null, null, null, null, null, null, null), 0, 20).entries().size(),
						() -> plain.queryForList("select c.intervention_id, c.title from catalog_entry c where c.published and c.status in ('ONGOING', 'DECIDED') and (c.end_date is null or c.end_date >= ?) and c.search_terms like ? order by c.sort_key limit 20", today, "% ung%").size()),
				new Case("free text \"unga\", every hit", () -> catalog.search(new Catalog.Query("unga", null, null, null, null, null, null, null)).size(),
						() -> plain.queryForList("select c.intervention_id, c.title from catalog_entry c where c.published and c.status in ('ONGOING', 'DECIDED') and (c.end_date is null or c.end_date >= ?) and c.search_terms like ? order by c.sort_key", today, "% ung%").size()),
				new Case("free text + district + age, first page of 20", () -> catalog.search(new Catalog.Query("arbete", district, null, null, 30, null, null, null), 0, 20).entries().size(),
						() -> plain.queryForList("select c.intervention_id, c.title from catalog_entry c where c.published and c.status in ('ONGOING', 'DECIDED') and (c.end_date is null or c.end_date >= ?) and c.district_ids like ? and (c.min_age is null or c.min_age <= ?) and (c.max_age is null or c.max_age >= ?) and c.search_terms like ? order by c.sort_key limit 20", today, "%," + district + ",%", 30, 30, "% arbet%").size()),
				new Case("everything (no filter), every hit", () -> catalog.search(Catalog.Query.all()).size(),
						() -> plain.queryForList("select c.intervention_id, c.title from catalog_entry c where c.published and c.status in ('ONGOING', 'DECIDED') and (c.end_date is null or c.end_date >= ?) order by c.sort_key", today).size()));

		StringBuilder report = new StringBuilder();
		String database;
		try (var connection = dataSource.getConnection()) {
			database = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT) + " "
					+ connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		report.append("# Catalogue search benchmark — ").append(LocalDate.now()).append(", ").append(database).append("\n\n")
			.append("Command: `bench/run.sh`. Database: ").append(database).append(". Machine: ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB max heap, Java ")
			.append(System.getProperty("java.version")).append(". ")
			.append(INSATSER).append(" published insatser (plus the demo catalogue), ").append(WARMUP)
			.append(" warm-up runs, then ").append(RUNS).append(" measured runs per case.\n\n")
			.append("Target: median under 50 ms. Baseline: the same rows by hand-written SQL in the same run, without the labels the catalogue adds.\n\n")
			.append("| case | hits | Samsyn median ms | p90 ms | baseline SQL median ms | ratio |\n|---|---:|---:|---:|---:|---:|\n");
		for (Case c : cases) {
			int hits = c.samsyn().get();
			int baselineHits = c.baseline().get();
			assertThat(hits).as("same result as the baseline for %s", c.name()).isEqualTo(baselineHits);
			double[] samsyn = measure(c.samsyn());
			double[] baseline = measure(c.baseline());
			report.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", c.name(), hits,
					median(samsyn), percentile(samsyn, 0.9), median(baseline), median(samsyn) / median(baseline)));
		}
		double[] page = measure(() -> {
			try {
				return mvc.perform(get("/katalog").param("q", "arbete")).andReturn().getResponse().getContentAsString().length();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		report.append(String.format(java.util.Locale.ROOT, "%nThe whole search page (`GET /katalog?q=arbete`, rendered HTML through MockMvc): median %.2f ms, p90 %.2f ms.%n",
				median(page), percentile(page, 0.9)));
		Path out = Path.of("bench/results/" + LocalDate.now() + "-" + database.split(" ")[0] + "-catalog.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report.toString());
		System.out.println(report);
	}

	/** Inserts the synthetic insatser and their catalogue entries in batches; returns a district used by some. */
	private long seed(long association) {
		long municipality = jdbc.sql("select min(id) from municipality where association_id = ?").param(association).query(Long.class).single();
		jdbc.sql("insert into district (association_id, municipality_id, name) values (?, ?, 'Benchmarkstaden')").params(association, municipality).update();
		long district = jdbc.sql("select id from district where name = 'Benchmarkstaden'").query(Long.class).single();
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		Random random = new Random(42);
		OffsetDateTime now = OffsetDateTime.now();
		List<Object[]> insatser = new ArrayList<>();
		for (int i = 0; i < INSATSER; i++) {
			insatser.add(new Object[] { association, "Benchmarkinsats " + i, "ONGOING", now, now });
		}
		plain.batchUpdate("insert into intervention (association_id, name, kind, follow_up, status, created_at, updated_at) values (?, ?, 'INDIVIDUAL', 'PERSON', ?, ?, ?)", insatser);
		List<Long> ids = jdbc.sql("select id from intervention where name like 'Benchmarkinsats %' order by id").query(Long.class).list();
		List<Object[]> entries = new ArrayList<>();
		for (long id : ids) {
			StringBuilder text = new StringBuilder();
			for (int w = 0; w < 40; w++) {
				text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
			}
			String terms = " " + String.join(" ", SwedishStemmer.stems("Benchmarkinsats " + text)) + " ";
			String title = "Benchmarkinsats " + id;
			int min = 16 + random.nextInt(10);
			entries.add(new Object[] { id, association, title, se.samsyn.catalog.CatalogSortKeys.of(title), text.toString(), min,
					min + 20 + random.nextInt(30), random.nextBoolean() ? "," + district + "," : ",", ",STATE,MUNICIPALITY,", terms, now });
		}
		plain.batchUpdate("""
				insert into catalog_entry (intervention_id, association_id, published, title, sort_key, what_you_get, min_age,
				                           max_age, status, district_ids, referrer_kinds, search_terms, updated_at)
				values (?, ?, true, ?, ?, ?, ?, ?, 'ONGOING', ?, ?, ?, ?)
				""", entries);
		return district;
	}

	private static double[] measure(Supplier<Integer> action) {
		for (int i = 0; i < WARMUP; i++) {
			action.get();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			action.get();
			millis[i] = (System.nanoTime() - start) / 1_000_000.0;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static double median(double[] sorted) {
		return sorted[sorted.length / 2];
	}

	private static double percentile(double[] sorted, double p) {
		return sorted[(int) Math.ceil(p * sorted.length) - 1];
	}

	private record Case(String name, Supplier<Integer> samsyn, Supplier<Integer> baseline) {
	}
}
