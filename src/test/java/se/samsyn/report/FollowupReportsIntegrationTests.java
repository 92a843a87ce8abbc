package se.samsyn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.IntegrationTest;
import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.SamsynUser;
import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.followup.statistics.Counts;

/** The report's figures against the same counts by hand-written SQL, on the demo data. */
class FollowupReportsIntegrationTests extends IntegrationTest {

	@Autowired
	FollowupReports reports;

	@Autowired
	TargetFulfilment targets;

	@Autowired
	AssociationDirectory directory;

	private long intervention(String name) {
		return jdbc.sql("select i.id from intervention i join association a on a.id = i.association_id where a.code = 'stockholm' and i.name = ?")
			.param(name).query(Long.class).single();
	}

	private long sql(String sql, Object... params) {
		return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
	}

	@Test
	void everyCountedRecordHasARandomRecordKeyOfItsOwn() {
		for (String table : List.of("enrollment", "anonymous_start", "plan_activity")) {
			long rows = sql("select count(*) from " + table);
			assertThat(rows).as("the demo has %s", table).isGreaterThan(20);
			assertThat(sql("select count(distinct record_key) from " + table)).as("keys of %s drawn per row", table)
				.isGreaterThan(rows * 99 / 100);
			assertThat(sql("select count(*) from " + table + " where record_key < 0 or record_key >= " + CellKey.RANGE)).isZero();
			// Spread over the whole range: a quarter of them in the first quarter of it, within five standard deviations
			// of the binomial count (a table of 80 rows may hold 13 % or 37 % there by chance; 20 000 rows not).
			double margin = 5 * Math.sqrt(0.25 * 0.75 / rows);
			assertThat(sql("select count(*) from " + table + " where record_key < " + CellKey.RANGE / 4) / (double) rows)
				.as("share of %s's keys in the first quarter of the range", table).isBetween(0.25 - margin, 0.25 + margin);
		}
	}

	@Test
	void theFiguresOfAYearAreTheCountsOfTheTables() {
		long stockholm = associationId("stockholm");
		long aktivitetsplatsen = intervention("Aktivitetsplatsen");
		ReportPeriod year = ReportPeriod.year(2025);
		FollowupFigures figures = reports.figures(stockholm, year, InterventionScope.only(List.of(aktivitetsplatsen)));
		LocalDate from = year.from();
		LocalDate to = year.to();

		assertThat(figures.started().women()).isEqualTo(sql("""
				select count(*) from enrollment e join participant p on p.id = e.participant_id
				 where e.intervention_id = ? and p.gender = 'WOMAN' and e.start_date between ? and ?""", aktivitetsplatsen, from, to));
		assertThat(figures.started().total()).isEqualTo(sql(
				"select count(*) from enrollment where intervention_id = ? and start_date between ? and ?", aktivitetsplatsen, from, to));
		assertThat(figures.startedAnonymously().total()).isEqualTo(sql(
				"select count(*) from anonymous_start where intervention_id = ? and start_date between ? and ?", aktivitetsplatsen, from, to));
		assertThat(figures.ended().total()).isEqualTo(sql(
				"select count(*) from enrollment where intervention_id = ? and end_date between ? and ?", aktivitetsplatsen, from, to));
		assertThat(figures.ongoing().total()).isEqualTo(sql(
				"select count(*) from enrollment where intervention_id = ? and start_date <= ? and (end_date is null or end_date > ?)",
				aktivitetsplatsen, to, to));
		assertThat(figures.started().total()).as("the demo has starts to show").isGreaterThan(100);

		// Every started episode falls in exactly one age band; every ended one in one exit reason and one duration.
		assertThat(figures.breakdown("ageBand").total()).isEqualTo(figures.started());
		assertThat(figures.breakdown("exitReason").total()).isEqualTo(figures.ended());
		assertThat(figures.breakdown("timeInInsats").total()).isEqualTo(figures.ended());
		assertThat(figures.breakdown("education").total()).isEqualTo(figures.started());

		Counts work = figures.breakdown("exitReason").row("WORK").counts();
		assertThat(work.men()).isEqualTo(sql("""
				select count(*) from enrollment e join participant p on p.id = e.participant_id
				 where e.intervention_id = ? and p.gender = 'MAN' and e.exit_reason = 'WORK' and e.end_date between ? and ?""",
				aktivitetsplatsen, from, to));
		Counts onward = figures.breakdown("outcomeGroup").row("ONWARD").counts();
		assertThat(onward.total()).isEqualTo(sql("""
				select count(*) from enrollment where intervention_id = ? and end_date between ? and ?
				   and exit_reason in ('WORK', 'STUDIES', 'REHAB_COOPERATION', 'EMPLOYMENT_SERVICE', 'MUNICIPAL_LABOUR_MARKET')""",
				aktivitetsplatsen, from, to));
		assertThat(figures.breakdown("outcomeGroup").row("OTHER").counts().plus(onward)).isEqualTo(figures.ended());

		long fromFk = sql("""
				select count(*) from enrollment e join referrer r on r.id = e.referrer_id join member m on m.id = r.member_id
				 where e.intervention_id = ? and m.name = 'Försäkringskassan' and e.start_date between ? and ?""",
				aktivitetsplatsen, from, to);
		long fk = jdbc.sql("select id from member where association_id = ? and name = 'Försäkringskassan'").param(stockholm)
			.query(Long.class).single();
		assertThat(figures.breakdown("referrerMember").row(String.valueOf(fk)).counts().total()).isEqualTo(fromFk).isPositive();
	}

	@Test
	void jointPlanActivitiesAreCountedWhenTheirFollowUpFallsInThePeriod() {
		long finsam = intervention("FINSAM-team");
		ReportPeriod year = ReportPeriod.year(2025);
		FollowupFigures figures = reports.figures(associationId("stockholm"), year, InterventionScope.only(List.of(finsam)));
		long done6 = sql("""
				select count(*) from plan_activity a join joint_plan j on j.id = a.plan_id join enrollment e on e.id = j.enrollment_id
				 where e.intervention_id = ? and a.status_6 = 'DONE' and j.meeting_date between ? and ?""",
				finsam, LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30));
		assertThat(figures.breakdown("planActivities6").row("DONE").counts().total()).isEqualTo(done6).isPositive();
	}

	@Test
	void stockholms2025TargetsAreMeasuredWithHonestStatuses() {
		AssociationRef stockholm = directory.findByCode("stockholm").orElseThrow();
		long aktivitetsplatsen = intervention("Aktivitetsplatsen");
		List<TargetFulfilment.Measured> measured = asOffice(stockholm, () -> targets.measure(stockholm,
				ReportPeriod.year(2025), List.of(aktivitetsplatsen, intervention("FINSAM-team")), LocalDate.of(2026, 11, 23), false));
		TargetFulfilment.Measured starts = find(measured, "140 deltagare börjar insatsen");
		long started = sql("select count(*) from enrollment where intervention_id = ? and start_date between ? and ?",
				aktivitetsplatsen, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
				+ sql("select count(*) from anonymous_start where intervention_id = ? and start_date between ? and ?",
						aktivitetsplatsen, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
		assertThat(starts.part()).isEqualTo(started);
		assertThat(starts.status()).isEqualTo(started >= 140 ? TargetFulfilment.Status.FULFILLED : TargetFulfilment.Status.NOT_FULFILLED);

		TargetFulfilment.Measured men = find(measured, "Andelen män som börjar insatsen ska öka till 30 procent");
		assertThat(men.base()).isEqualTo(started);
		assertThat(men.measured().doubleValue()).isEqualTo(Math.round(1000.0 * men.part() / men.base()) / 10.0);
		assertThat(men.status()).isEqualTo(men.measured().doubleValue() >= 30 ? TargetFulfilment.Status.FULFILLED
				: TargetFulfilment.Status.NOT_FULFILLED);

		assertThat(find(measured, "95 procent av deltagarna upplever ökad egenmakt").status())
			.as("no survey data in Samsyn yet").isEqualTo(TargetFulfilment.Status.NOT_MEASURABLE);
		assertThat(measured).filteredOn(m -> m.target().metric() == se.samsyn.intervention.TargetMetric.PLAN_ACTIVITIES_COMPLETED)
			.isNotEmpty().allSatisfy(m -> assertThat(m.base()).isPositive());
	}

	@Test
	void aPeriodStillRunningIsJudgedProRata() {
		ReportPeriod year = ReportPeriod.year(2026);
		assertThat(TargetFulfilment.elapsedShare(year, 2026, LocalDate.of(2026, 7, 2))).isBetween(0.49, 0.51);
		assertThat(TargetFulfilment.elapsedShare(ReportPeriod.year(2025), 2025, LocalDate.of(2026, 1, 5))).isEqualTo(1.0);
		assertThat(TargetFulfilment.elapsedShare(ReportPeriod.halfYear(2025, 1), 2025, LocalDate.of(2026, 1, 5)))
			.isBetween(0.49, 0.50);
		assertThat(ReportPeriod.halfYear(2025, 2).previous()).isEqualTo(ReportPeriod.halfYear(2025, 1));
		assertThat(ReportPeriod.year(2025).previous()).isEqualTo(ReportPeriod.year(2024));
	}

	private static TargetFulfilment.Measured find(List<TargetFulfilment.Measured> measured, String text) {
		return measured.stream().filter(m -> m.target().text().equals(text)).findFirst().orElseThrow();
	}

	private static <T> T asOffice(AssociationRef association, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		try {
			SamsynUser user = new SamsynUser(0, "test-kansli", "Test", List.of(new Grant(association.id(), Role.OFFICE)), false);
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
			SecurityContextHolder.setContext(context);
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
