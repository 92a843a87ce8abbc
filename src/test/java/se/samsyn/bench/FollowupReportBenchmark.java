package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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

import se.samsyn.IntegrationTest;
import se.samsyn.report.FollowupFigures;
import se.samsyn.report.FollowupReports;
import se.samsyn.report.ReportPeriod;

/**
 * One förbund's half-year follow-up over 20 000 episodes: the report's figures, and the whole report
 * page, against hand-written SQL that counts the same started, ongoing and ended by gender and the same
 * five breakdowns, in the same run. Not part of the test suite: run it with {@code bench/run.sh}.
 * Writes {@code bench/results/<date>-<database>-followup-report.md}.
 */
class FollowupReportBenchmark extends IntegrationTest {

	private static final int EPISODES = 20_000;
	private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
	private static final int RUNS = Integer.getInteger("bench.runs", 31);
	private static final String[] EDUCATION = { "PRIMARY_9", "UPPER_SECONDARY_2", "UPPER_SECONDARY_3", "POST_SECONDARY_SHORT", null };
	private static final String[] EXITS = { "WORK", "STUDIES", "JOB_SEEKING", "ILL_HEALTH", "REHAB_COOPERATION", "OTHER" };
	private static final String[] INCOME = { "SICKNESS_BENEFIT", "ECONOMIC_ASSISTANCE", "ACTIVITY_COMPENSATION", "NONE" };

	@Autowired
	private DataSource dataSource;

	@Autowired
	private FollowupReports reports;

	@Test
	void halfYearReportOver20000Episodes() throws Exception {
		long association = associationId("sodertalje");
		List<Long> insatser = seed(association);
		ReportPeriod half = ReportPeriod.halfYear(2025, 1);
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		FollowupFigures figures = reports.figures(association, half, insatser);
		assertThat(figures.started().total()).as("the half-year has starts to count").isGreaterThan(1000);
		assertThat(figures.started().total()).isEqualTo(handWritten(plain, association, half).started());

		Timings samsyn = Timings.of(WARMUP, RUNS, () -> reports.figures(association, half, insatser));
		Timings baseline = Timings.of(WARMUP, RUNS, () -> handWritten(plain, association, half));
		String user = newUser("bench-report", "sodertalje", se.samsyn.access.Role.OFFICE);
		var session = login(user);
		String path = "/forbund/sodertalje/rapporter/uppfoljning?from=2025-01-01&to=2025-06-30";
		assertThat(mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		Timings page = Timings.of(Math.max(2, WARMUP / 2), Math.max(5, RUNS / 3), () -> {
			try {
				return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString().length();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});

		String database = Timings.database(dataSource);
		StringBuilder report = new StringBuilder();
		report.append("# Follow-up report benchmark — ").append(LocalDate.now()).append(", ").append(database).append("\n\n")
			.append("Command: `bench/run.sh`. Machine: ").append(Timings.machine()).append(". One förbund (Södertälje) with ")
			.append(EPISODES).append(" synthetic episodes over 2021–2025 in ").append(insatser.size())
			.append(" insatser, income sources at start and exit; the report is the first half of 2025 (")
			.append(figures.started().total()).append(" started, ").append(figures.ended().total()).append(" ended). ")
			.append(WARMUP).append(" warm-up runs, then ").append(RUNS).append(" measured runs (the page: fewer).\n\n")
			.append("Target (issue 5): one förbund's half-year report over 20 000 enrollments under 100 ms. Baseline: hand-written ")
			.append("SQL for started, ongoing and ended by gender and the breakdowns by education, age band, exit reason, income ")
			.append("at start and time without work — about a third of the report's ")
			.append(figures.breakdowns().size()).append(" breakdowns, so the ratio overstates the cost per figure.\n\n")
			.append("| case | median ms | p90 ms | min ms | max ms | ratio to baseline |\n|---|---:|---:|---:|---:|---:|\n");
		row(report, "report figures (`FollowupReports.figures`), one period", samsyn, baseline);
		row(report, "baseline: hand-written SQL", baseline, baseline);
		row(report, "whole page (two periods, targets, charts, HTML through MockMvc)", page, baseline);
		report.append(String.format(Locale.ROOT, "%nTarget %s: figures median %.1f ms against 100 ms.%n",
				samsyn.median() < 100 ? "met" : "MISSED", samsyn.median()));
		Path out = Path.of("bench/results/" + LocalDate.now() + "-" + database.split(" ")[0] + "-followup-report.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report.toString());
		System.out.println(report);
	}

	private static void row(StringBuilder report, String name, Timings timings, Timings baseline) {
		report.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n", name, timings.median(),
				timings.percentile(0.9), timings.min(), timings.max(), timings.median() / baseline.median()));
	}

	private record Hand(long started, int rows) {
	}

	/** A different, always-true bound each run, so that H2 cannot answer a repeated query from its result cache. */
	private static long run;

	private static Hand handWritten(JdbcTemplate plain, long association, ReportPeriod period) {
		long notCached = -(++run);
		var counts = plain.queryForMap("""
				select sum(case when e.start_date between ? and ? then 1 else 0 end) as started,
				       sum(case when e.end_date between ? and ? then 1 else 0 end) as ended,
				       sum(case when e.start_date <= ? and (e.end_date is null or e.end_date > ?) then 1 else 0 end) as ongoing
				  from enrollment e where e.association_id = ? and e.id > ?
				""", period.from(), period.to(), period.from(), period.to(), period.to(), period.to(), association, notCached);
		int rows = 0;
		for (String key : List.of("e.education", "e.time_without_work",
				"case when extract(year from e.start_date) - p.birth_year < 20 then 1 when extract(year from e.start_date) - p.birth_year < 30 then 2 else 3 end")) {
			rows += plain.queryForList("select " + key + ", p.gender, count(*) from enrollment e join participant p on p.id = e.participant_id"
					+ " where e.association_id = ? and e.id > ? and e.start_date between ? and ? group by " + key + ", p.gender",
					association, notCached, period.from(), period.to()).size();
		}
		rows += plain.queryForList("""
				select e.exit_reason, p.gender, count(*) from enrollment e join participant p on p.id = e.participant_id
				 where e.association_id = ? and e.id > ? and e.end_date between ? and ? group by e.exit_reason, p.gender
				""", association, notCached, period.from(), period.to()).size();
		rows += plain.queryForList("""
				select i.code, p.gender, count(*) from enrollment e join participant p on p.id = e.participant_id
				  join enrollment_income i on i.enrollment_id = e.id and i.phase = 'START'
				 where e.association_id = ? and e.id > ? and e.start_date between ? and ? group by i.code, p.gender
				""", association, notCached, period.from(), period.to()).size();
		return new Hand(((Number) counts.get("started")).longValue(), rows);
	}

	/** 20 000 episodes in Södertälje's insatser, spread over five years, inserted in batches. */
	private List<Long> seed(long association) {
		List<Long> insatser = jdbc.sql("select id from intervention where association_id = ? and kind = 'INDIVIDUAL' order by id")
			.param(association).query(Long.class).list();
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		Random random = new Random(11);
		OffsetDateTime now = OffsetDateTime.now();
		List<Long> ids = Timings.participants(plain, association, "R", EPISODES, random);
		List<Object[]> episodes = new ArrayList<>();
		LocalDate first = LocalDate.of(2021, 1, 1);
		for (long participant : ids) {
			LocalDate start = first.plusDays(random.nextInt(1825));
			LocalDate end = start.plusDays(30 + random.nextInt(400));
			boolean ended = end.isBefore(LocalDate.of(2025, 12, 31)) && random.nextInt(100) < 85;
			episodes.add(new Object[] { association, insatser.get(random.nextInt(insatser.size())), participant, start, start,
					EDUCATION[random.nextInt(EDUCATION.length)], random.nextBoolean() ? "YEARS_1_TO_2" : "OVER_5_YEARS",
					ended ? end : null, ended ? EXITS[random.nextInt(EXITS.length)] : null, now, now });
		}
		plain.batchUpdate("""
				insert into enrollment (association_id, intervention_id, participant_id, consent_date, consent_version, start_date,
				  education, time_without_work, end_date, exit_reason, created_at, updated_at)
				values (?, ?, ?, ?, '1', ?, ?, ?, ?, ?, ?, ?)
				""", episodes);
		List<Long> enrollmentIds = jdbc.sql("""
				select e.id from enrollment e join participant p on p.id = e.participant_id
				 where e.association_id = ? and p.code like 'R-%' order by e.id""").param(association).query(Long.class).list();
		List<Object[]> income = new ArrayList<>();
		for (long id : enrollmentIds) {
			income.add(new Object[] { id, "START", INCOME[random.nextInt(INCOME.length)] });
			if (random.nextBoolean()) {
				income.add(new Object[] { id, "EXIT", "SALARY" });
			}
		}
		plain.batchUpdate("insert into enrollment_income (enrollment_id, phase, code) values (?, ?, ?)", income);
		return insatser;
	}
}
