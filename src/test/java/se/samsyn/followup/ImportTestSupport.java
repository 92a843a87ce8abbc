package se.samsyn.followup;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.samsyn.IntegrationTest;

/** Uploads, demo insatser and valid personnummer for the import tests. */
public abstract class ImportTestSupport extends IntegrationTest {

	static final String API = "/api/v1/associations/stockholm/imports";
	static final String IPS = "Integrering av IPS i psykosvården";
	private static final AtomicInteger SERIAL = new AtomicInteger(100);

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The isolation test tries the förbund's own paths with other förbunds' small ids (a member's id
	 * stands in for an import's); imports made here start far above them so that none is hit by chance.
	 */
	@BeforeEach
	void importIdsAboveOtherRecords() {
		moveImportIds(jdbc);
	}

	/** Moves the next import id above every id the isolation test borrows from other tables (once, before any import above it). */
	public static void moveImportIds(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		if (jdbc.sql("select coalesce(max(id), 0) from followup_import").query(Long.class).single() < 1_000_000) {
			jdbc.sql("alter table followup_import alter column id restart with 1000000").update();
		}
	}

	long ips() {
		return jdbc.sql("select id from intervention where name = ?").param(IPS).query(Long.class).single();
	}

	/** A Stockholm insats that demo-projektledare does not lead. */
	long notLed() {
		return jdbc.sql("""
				select min(i.id) from intervention i where i.association_id = ? and i.id not in
				  (select l.intervention_id from intervention_leader l)
				""").param(associationId("stockholm")).query(Long.class).single();
	}

	long sodertaljeInsats() {
		return jdbc.sql("select min(id) from intervention where association_id = ?").param(associationId("sodertalje"))
			.query(Long.class).single();
	}

	MvcResult upload(String token, long interventionId, String name, byte[] content) throws Exception {
		return mvc.perform(multipart(API).file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.param("interventionId", String.valueOf(interventionId)).header("Authorization", "Bearer " + token))
			.andReturn();
	}

	MvcResult upload(long interventionId, String csv) throws Exception {
		return upload("samsyn-demo-kansli", interventionId, "deltagare.csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode body(MvcResult result) throws Exception {
		return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	String text(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** Counts of every table an import writes to, to compare before and after. */
	String counts() {
		return count("participant") + "/" + count("enrollment") + "/" + count("enrollment_income") + "/"
				+ count("anonymous_start");
	}

	/** A fresh valid personnummer (ÅÅÅÅMMDD-NNNN) of someone born on the day given. */
	static String personnummer(LocalDate birth) {
		String date = String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
		String nine = date.substring(2) + String.format("%03d", SERIAL.getAndIncrement() % 1000);
		for (int check = 0; check < 10; check++) {
			if (Personnummer.luhnValid(nine + check)) {
				return date + "-" + nine.substring(6) + check;
			}
		}
		throw new IllegalStateException();
	}
}
