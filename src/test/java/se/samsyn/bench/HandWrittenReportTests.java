package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.IntegrationTest;
import se.samsyn.report.FollowupFigures;
import se.samsyn.followup.statistics.Counts;
import se.samsyn.report.FollowupReports;
import se.samsyn.report.ReportPeriod;

/**
 * The benchmarks' hand-written SQL gives the report's figures, code by code and gender by gender, on the
 * demo data: one förbund's report and the national one. Keeps the baseline honest, and the report too.
 */
class HandWrittenReportTests extends IntegrationTest {

	@Autowired
	private FollowupReports reports;

	@Autowired
	private DataSource dataSource;

	@Test
	void oneFörbundsFiguresAreTheHandWrittenCounts() {
		long stockholm = associationId("stockholm");
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		for (ReportPeriod period : List.of(ReportPeriod.year(2025), ReportPeriod.halfYear(2025, 1),
				ReportPeriod.halfYear(2025, 2))) {
			assertSame(reports.figures(stockholm, period, InterventionScope.all()),
					HandWrittenReport.figures(plain, List.of(stockholm), period, true), period);
		}
		FollowupFigures year = reports.figures(stockholm, ReportPeriod.year(2025), InterventionScope.all());
		assertThat(year.started().women()).as("the demo has starts to compare").isGreaterThan(20);
		assertThat(year.ongoing().total()).isGreaterThan(20);
		assertThat(year.started().men()).isGreaterThan(20);
		assertThat(year.ended().total()).isGreaterThan(20);
		assertThat(year.breakdown("planActivities6").total().total()).as("and joint plans followed up").isPositive();
		assertThat(year.breakdown("referrer").rows()).as("and referrers").anyMatch(row -> row.counts().total() > 0
				&& !"MISSING".equals(row.code()));
	}

	@Test
	void theNationalFiguresAreTheHandWrittenCounts() {
		List<Long> ids = jdbc.sql("select id from association where national_reporting order by id").query(Long.class).list();
		assertThat(ids).as("the demo has several förbund in national reporting").hasSizeGreaterThan(1);
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		// The demo's förbund have their episodes in different years: the long period has them all.
		ReportPeriod all = new ReportPeriod(LocalDate.of(2018, 1, 1), LocalDate.of(2025, 12, 31));
		for (ReportPeriod period : List.of(ReportPeriod.year(2025), ReportPeriod.halfYear(2025, 1), all)) {
			HandWrittenReport.Figures hand = HandWrittenReport.national(plain, ids, period);
			HandWrittenReport.National rest = hand.national();
			FollowupFigures figures = reports.figures(ids, ids.get(0), period, InterventionScope.all());
			assertSame(figures, hand, period);
			assertSame(reports.figures(ids, ids.get(0), period.previous(), InterventionScope.all()), rest.previous(), period.previous());
			for (long id : ids) {
				FollowupFigures own = reports.figures(id, period, InterventionScope.all());
				FollowupFigures before = reports.figures(id, period.previous(), InterventionScope.all());
				assertThat(rest.startedPerAssociation().getOrDefault(id, Counts.ZERO)).as("started in %d, %s", id, period)
					.isEqualTo(own.started());
				assertThat(rest.endedPerAssociation().getOrDefault(id, Counts.ZERO)).as("ended in %d, %s", id, period)
					.isEqualTo(own.ended());
				assertThat(rest.startedBefore().getOrDefault(id, Counts.ZERO)).isEqualTo(before.started());
				assertThat(rest.endedBefore().getOrDefault(id, Counts.ZERO)).isEqualTo(before.ended());
			}
			assertThat(figures.started().total()).as("the national figures have starts, %s", period).isPositive();
			assertThat(figures.ended().total()).isPositive();
			assertThat(figures.breakdown("referrerKind").rows()).anyMatch(row -> row.counts().total() > 0
					&& !"MISSING".equals(row.code()));
		}
		assertThat(HandWrittenReport.national(plain, ids, all).national().startedPerAssociation().values())
			.as("several förbund with starts in the long period").filteredOn(counts -> counts.total() > 0).hasSizeGreaterThan(1);
	}

	@Test
	void theFiguresOverTheSyntheticFörbundAreTheHandWrittenCounts() {
		SyntheticDataset.Loaded data = SyntheticDataset.load(dataSource, SyntheticDataset.Size.TINY);
		try {
			JdbcTemplate plain = new JdbcTemplate(dataSource);
			List<Long> ids = jdbc.sql("select id from association where national_reporting order by id").query(Long.class).list();
			long first = data.associationIds().get(0);
			// Whole years and halves, and a period that ends on a shorter month's last day (the follow-up windows).
			for (ReportPeriod period : List.of(ReportPeriod.year(2025), ReportPeriod.halfYear(2024, 2),
					new ReportPeriod(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 9, 30)))) {
				assertSame(reports.figures(first, period, InterventionScope.all()), HandWrittenReport.figures(plain, List.of(first), period, true),
						period);
				assertSame(reports.figures(ids, ids.get(0), period, InterventionScope.all()), HandWrittenReport.figures(plain, ids, period, false),
						period);
			}
			FollowupFigures year = reports.figures(first, ReportPeriod.year(2025), InterventionScope.all());
			assertThat(year.started().total()).as("the synthetic förbund has starts").isGreaterThan(50);
			assertThat(year.breakdown("planActivities12").total().total()).as("and joint plans").isGreaterThan(20);
		}
		finally {
			if (!data.alreadyThere()) {
				SyntheticDataset.remove(dataSource);
			}
		}
	}

	/** The same totals, and in every breakdown the same non-zero counts per code; a voluntary question left out had no answers. */
	private static void assertSame(FollowupFigures figures, HandWrittenReport.Figures hand, ReportPeriod period) {
		assertThat(figures.started()).as("started, %s", period).isEqualTo(hand.started());
		assertThat(figures.startedAnonymously()).as("started anonymously, %s", period).isEqualTo(hand.startedAnonymously());
		assertThat(figures.ongoing()).as("ongoing, %s", period).isEqualTo(hand.ongoing());
		assertThat(figures.ended()).as("ended, %s", period).isEqualTo(hand.ended());
		for (FollowupFigures.Breakdown breakdown : figures.breakdowns()) {
			Map<String, Counts> counted = new TreeMap<>();
			breakdown.rows().stream().filter(row -> row.counts().total() > 0)
				.forEach(row -> counted.put(row.code(), row.counts()));
			assertThat(counted).as("%s, %s", breakdown.key(), period)
				.isEqualTo(hand.breakdowns().get(breakdown.key()));
		}
		hand.breakdowns().forEach((key, counts) -> {
			if (figures.breakdown(key) == null) {
				assertThat(counts.keySet()).as("%s is left out of the report, %s", key, period).isSubsetOf("MISSING");
			}
		});
		assertThat(hand.breakdowns().keySet()).as("every breakdown of the report, %s", period)
			.containsAll(figures.breakdowns().stream().map(FollowupFigures.Breakdown::key).toList());
	}
}
