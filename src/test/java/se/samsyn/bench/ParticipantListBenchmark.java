package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

import se.samsyn.IntegrationTest;
import se.samsyn.access.Role;

/**
 * An insats' participant list with 5 000 episodes: the whole page rendered (MockMvc, HTML) and the
 * API list, against a hand-written SQL query of the same rows as baseline in the same run. Not part
 * of the test suite: run it with {@code bench/run.sh}. Writes {@code bench/results/<date>-<database>-participant-list.md}.
 */
class ParticipantListBenchmark extends IntegrationTest {

	private static final int EPISODES = 5_000;
	private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
	private static final int RUNS = Integer.getInteger("bench.runs", 31);
	private static final String[] EDUCATION = { "PRIMARY_9", "UPPER_SECONDARY_2", "UPPER_SECONDARY_3", "POST_SECONDARY_SHORT", null };

	@Autowired
	private DataSource dataSource;

	@Autowired
	private se.samsyn.access.ApiTokens tokens;

	@Test
	void participantListWith5000Episodes() throws Exception {
		long association = associationId("sodertalje");
		long intervention = seed(association);
		String user = newUser("bench", "sodertalje", Role.OFFICE);
		MockHttpSession session = login(user);
		long userId = users.idOf(user).orElseThrow();
		String token = tokens.create(new se.samsyn.access.SamsynUser(userId, user, "Bench", java.util.List.of(
				new se.samsyn.access.Grant(association, Role.OFFICE)), false), association, "Benchmark", java.time.Duration.ofDays(1));
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		String pagePath = "/forbund/sodertalje/insatser/" + intervention + "/deltagare";
		String html = mvc.perform(get(pagePath).session(session)).andReturn().getResponse().getContentAsString();
		assertThat(html).as("the first page of 100 rows, with paging over all episodes").containsPattern("Sida 1 av 5[0-9]<");
		assertThat(html.split("<td><a href=\"/forbund/sodertalje/perioder/").length - 1).isEqualTo(100);

		String json = mvc.perform(get("/api/v1/associations/sodertalje/interventions/" + intervention + "/enrollments")
			.header("Authorization", "Bearer " + token)).andReturn().getResponse().getContentAsString();
		assertThat(json.split("\"participantCode\"").length - 1).as("the API lists every episode").isGreaterThanOrEqualTo(EPISODES);
		Timings page = Timings.of(WARMUP, RUNS, () -> call(() -> mvc.perform(get(pagePath).session(session)).andReturn()
			.getResponse().getContentAsString().length()));
		Timings api = Timings.of(WARMUP, RUNS, () -> call(() -> mvc.perform(get("/api/v1/associations/sodertalje/interventions/"
				+ intervention + "/enrollments").header("Authorization", "Bearer " + token)).andReturn().getResponse()
				.getContentAsString().length()));
		Timings baseline = Timings.of(WARMUP, RUNS, () -> plain.queryForList("""
				select e.id, e.participant_id, p.code, p.gender, p.birth_year, e.start_date, e.end_date, e.exit_reason,
				       e.referrer_id, e.education, e.time_without_work, e.occupation, e.occupation_after
				  from enrollment e join participant p on p.id = e.participant_id
				 where e.association_id = ? and e.intervention_id = ? order by e.start_date desc, e.id desc
				""", association, intervention).size());

		String database = Timings.database(dataSource);
		StringBuilder report = new StringBuilder();
		report.append("# Participant list benchmark — ").append(LocalDate.now()).append(", ").append(database).append("\n\n")
			.append("Command: `bench/run.sh`. Machine: ").append(Timings.machine()).append(". One insats with ")
			.append(EPISODES).append(" episodes (60 % ended). ").append(WARMUP).append(" warm-up runs, then ").append(RUNS)
			.append(" measured runs per case.\n\n")
			.append("Target (issue 4): the participant list with 5 000 episodes renders in under 200 ms. The page shows 100 ")
			.append("rows at a time (newest start first) with the summary over all 5 000; the API lists all 5 000. Baseline: ")
			.append("the 5 000 rows by hand-written SQL without income sources, labels or HTML.\n\n")
			.append("| case | median ms | p90 ms | min ms | max ms | ratio to baseline |\n|---|---:|---:|---:|---:|---:|\n");
		row(report, "page `GET /forbund/…/insatser/{id}/deltagare` (HTML, MockMvc)", page, baseline);
		row(report, "API `GET …/interventions/{id}/enrollments` (JSON)", api, baseline);
		row(report, "baseline: hand-written SQL", baseline, baseline);
		report.append(String.format(Locale.ROOT, "%nTarget %s: page median %.1f ms against 200 ms.%n",
				page.median() < 200 ? "met" : "MISSED", page.median()));
		Path out = Path.of("bench/results/" + LocalDate.now() + "-" + database.split(" ")[0] + "-participant-list.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report.toString());
		System.out.println(report);
	}

	private static void row(StringBuilder report, String name, Timings timings, Timings baseline) {
		report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", name, timings.median(),
				timings.percentile(0.9), timings.min(), timings.max(), timings.median() / baseline.median()));
	}

	private interface Call {
		Object run() throws Exception;
	}

	private static Object call(Call call) {
		try {
			return call.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One insats of Södertälje with 5 000 synthetic episodes, inserted in batches. */
	private long seed(long association) throws IOException {
		long intervention = jdbc.sql("select min(id) from intervention where association_id = ?").param(association)
			.query(Long.class).single();
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		Random random = new Random(7);
		OffsetDateTime now = OffsetDateTime.now();
		List<Long> ids = Timings.participants(plain, association, "B", EPISODES, random);
		List<Object[]> episodes = new ArrayList<>();
		LocalDate first = LocalDate.of(2022, 1, 1);
		for (long participant : ids) {
			LocalDate start = first.plusDays(random.nextInt(1400));
			boolean ended = random.nextInt(100) < 60;
			episodes.add(new Object[] { association, intervention, participant, start, start, EDUCATION[random.nextInt(EDUCATION.length)],
					ended ? start.plusDays(30 + random.nextInt(300)) : null, ended ? "WORK" : null, now, now });
		}
		plain.batchUpdate("""
				insert into enrollment (association_id, intervention_id, participant_id, consent_date, consent_version, start_date,
				  education, end_date, exit_reason, created_at, updated_at)
				values (?, ?, ?, ?, '1', ?, ?, ?, ?, ?, ?)
				""", episodes);
		return intervention;
	}
}
