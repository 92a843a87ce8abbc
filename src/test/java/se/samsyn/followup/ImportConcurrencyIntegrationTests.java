package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** An import is saved once, however many times Spara is pressed at the same moment. */
class ImportConcurrencyIntegrationTests extends ImportTestSupport {

	private static final int ROWS = 300;
	private static final int COMMITS = 10;

	@Test
	void tenCommitsAtOnceStoreTheRowsOnceAndTheOthersAreToldSoWithConflict() throws Exception {
		StringBuilder csv = new StringBuilder("Kön;Födelseår;Startdatum;Samtycke\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append(i % 2 == 0 ? "K" : "M").append(';').append(1960 + i % 40).append(";2024-0").append(1 + i % 9)
				.append('-').append(String.format("%02d", 1 + i % 28)).append(";Ja\n");
		}
		long id = body(upload(ips(), csv.toString())).get("id").asLong();
		String before = counts();

		ExecutorService pool = Executors.newFixedThreadPool(COMMITS);
		CountDownLatch ready = new CountDownLatch(COMMITS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<MvcResult>> answers = new ArrayList<>();
		for (int i = 0; i < COMMITS; i++) {
			answers.add(pool.submit(() -> {
				ready.countDown();
				go.await();
				return mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli")).andReturn();
			}));
		}
		ready.await();
		go.countDown();
		List<Integer> statuses = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (Future<MvcResult> answer : answers) {
			MvcResult result = answer.get(60, TimeUnit.SECONDS);
			statuses.add(result.getResponse().getStatus());
			if (result.getResponse().getStatus() == 409) {
				assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
				refusals.add(body(result).get("title").asString());
			}
		}
		pool.shutdown();

		assertThat(statuses).as("one commit stores the rows, the others are refused").containsOnly(200, 409)
			.filteredOn(status -> status == 200).hasSize(1);
		// Refused at the claim, before reading a row: never "changed at the same time", which a commit finds only
		// after it has checked and inserted everything (and then throws away).
		assertThat(refusals).hasSize(COMMITS - 1).allSatisfy(title -> assertThat(title)
			.isIn("Importen ändras just nu av någon annan, till exempel sparas den redan. Vänta en stund och ladda om sidan.",
					"Importen är redan sparad."));
		assertThat(jdbc.sql("select count(*) from enrollment where import_id = ?").param(id).query(Long.class).single())
			.as("the episodes were created once").isEqualTo(ROWS);
		assertThat(jdbc.sql("select count(*) from participant where import_id = ?").param(id).query(Long.class).single())
			.isEqualTo(ROWS);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'IMPORT_COMMITTED' and target_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select created_count from followup_import where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(ROWS);

		mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
		assertThat(counts()).isEqualTo(before);
	}
}
