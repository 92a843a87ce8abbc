package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The benchmark suite at its tiny size, in every build and on both databases, so that the generator,
 * the cases and their baselines keep working. Its timings mean nothing and are not looked at; the
 * synthetic förbund are removed again afterwards so that the other tests see only the demo.
 */
class BenchmarkSuiteTests extends BenchmarkSuite {

	@Autowired
	private DataSource dataSource;

	@TempDir
	Path out;

	@AfterEach
	void removeTheDataset() {
		SyntheticDataset.remove(dataSource);
	}

	@Test
	@Override
	void suite() throws Exception {
		String md = run(new Settings(SyntheticDataset.Size.TINY, 0, 1, 200, 1), out);

		assertThat(md).contains("Size `tiny`: 3 synthetic förbund").contains("participant").contains("plan_activity")
			.contains("national report 2025").contains("import of a 200-row xlsx")
			.contains("baseline: the same figures by hand-written SQL");
		assertThat(md.lines().filter(line -> line.startsWith("- Target "))).hasSize(4);
		assertThat(Files.readString(out.resolve("http.env"))).contains("BENCH_USER='bench-kansli'")
			.containsPattern("BENCH_PARTICIPANTS_PATH='/forbund/syntet-001/insatser/\\d+/deltagare'");
	}

	@Test
	void theSameSizeGivesTheSameRows() {
		var first = SyntheticDataset.load(dataSource, SyntheticDataset.Size.TINY);
		Map<String, Object> shape = shape();
		SyntheticDataset.remove(dataSource);
		var second = SyntheticDataset.load(dataSource, SyntheticDataset.Size.TINY);

		assertThat(second.rows()).isEqualTo(first.rows());
		assertThat(shape()).isEqualTo(shape);
		assertThat(SyntheticDataset.load(dataSource, SyntheticDataset.Size.TINY).alreadyThere()).isTrue();
	}

	@Test
	void theShapesFollowTheNationalFigures() {
		SyntheticDataset.load(dataSource, SyntheticDataset.Size.TINY);
		Map<String, Object> shape = shape();

		assertThat(number(shape, "episodes")).isEqualTo(3000);
		assertThat(number(shape, "women") / number(shape, "episodes")).isBetween(0.50, 0.60);
		double ended = number(shape, "ended");
		assertThat(number(shape, "work_or_studies") / ended).as("to work or studies").isBetween(0.27, 0.35);
		assertThat(number(shape, "women_work_or_studies") / number(shape, "women_ended"))
			.isLessThan(number(shape, "men_work_or_studies") / number(shape, "men_ended"));
		assertThat(number(shape, "job_seeking") / ended).as("active job-seekers").isBetween(0.12, 0.18);
		assertThat(number(shape, "youngest")).isGreaterThanOrEqualTo(16);
		assertThat(number(shape, "oldest")).isLessThanOrEqualTo(64);
		assertThat(number(shape, "youth_oldest")).as("the youth insatser").isLessThanOrEqualTo(29);
		assertThat(number(shape, "activities") / number(shape, "episodes")).as("joint-plan activities per episode")
			.isBetween(2.5, 3.5);
	}

	/** Counts and sums over the synthetic episodes that do not depend on the ids they were given. */
	private Map<String, Object> shape() {
		return jdbc.sql("""
				select count(*) as episodes,
				       sum(case when p.gender = 'WOMAN' then 1 else 0 end) as women,
				       count(e.end_date) as ended,
				       sum(case when p.gender = 'WOMAN' and e.end_date is not null then 1 else 0 end) as women_ended,
				       sum(case when p.gender = 'MAN' and e.end_date is not null then 1 else 0 end) as men_ended,
				       sum(case when e.exit_reason in ('WORK', 'STUDIES') then 1 else 0 end) as work_or_studies,
				       sum(case when e.exit_reason in ('WORK', 'STUDIES') and p.gender = 'WOMAN' then 1 else 0 end) as women_work_or_studies,
				       sum(case when e.exit_reason in ('WORK', 'STUDIES') and p.gender = 'MAN' then 1 else 0 end) as men_work_or_studies,
				       sum(case when e.exit_reason = 'JOB_SEEKING' then 1 else 0 end) as job_seeking,
				       min(extract(year from e.start_date) - p.birth_year) as youngest,
				       max(extract(year from e.start_date) - p.birth_year) as oldest,
				       max(case when i.name like 'Unga%' then extract(year from e.start_date) - p.birth_year end) as youth_oldest,
				       sum(extract(year from e.start_date) - 2000 + extract(day from e.start_date)) as date_sum,
				       (select count(*) from plan_activity a join joint_plan j on j.id = a.plan_id
				         join association a2 on a2.id = j.association_id where a2.code like 'syntet-%') as activities
				  from enrollment e join participant p on p.id = e.participant_id join intervention i on i.id = e.intervention_id
				  join association a on a.id = e.association_id
				 where a.code like 'syntet-%'""").query().singleRow();
	}

	private static double number(Map<String, Object> shape, String key) {
		return ((Number) shape.get(key)).doubleValue();
	}
}
