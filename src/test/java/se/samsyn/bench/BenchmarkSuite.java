package se.samsyn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.IntegrationTest;
import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.SamsynUser;
import se.samsyn.access.UserManagement;
import se.samsyn.report.FollowupFigures;
import se.samsyn.report.FollowupReportPages;
import se.samsyn.report.FollowupReports;
import se.samsyn.report.NationalReports;
import se.samsyn.report.ReportPeriod;

/**
 * The in-process half of the benchmark suite ({@code bench/run.sh}): loads the synthetic dataset of the
 * chosen size ({@code -Dbench.size=tiny|demo|forbund|national}) and measures, each against its baseline
 * in the same run, the one-förbund follow-up report, the national report and the 10 000-row import.
 * Writes {@code target/bench/suite.md}, and {@code target/bench/http.env} with the accounts and paths the
 * HTTP half ({@code bench/http.sh}) loads. Not part of the test suite; {@link BenchmarkSuiteTests} runs it
 * at the tiny size in every build so that it keeps working.
 */
class BenchmarkSuite extends IntegrationTest {

	static final String PASSWORD = "samsyn-bench-lösenord";

	@Autowired
	private DataSource dataSource;

	@Autowired
	private FollowupReports reports;

	@Autowired
	private NationalReports national;

	@Autowired
	private FollowupReportPages reportPages;

	/** The settings of one run of the suite. */
	record Settings(SyntheticDataset.Size size, int warmup, int runs, int importRows, int importRuns) {

		static Settings fromSystemProperties() {
			SyntheticDataset.Size size = SyntheticDataset.Size.of(System.getProperty("bench.size", "forbund"));
			int runs = Integer.getInteger("bench.runs", 9);
			return new Settings(size, Integer.getInteger("bench.warmup", 3), runs, Integer.getInteger("bench.import.rows",
					size == SyntheticDataset.Size.TINY ? 200 : 10_000), Integer.getInteger("bench.import.runs", Math.min(runs, 5)));
		}
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void suite() throws Exception {
		run(Settings.fromSystemProperties(), Path.of("target/bench"));
	}

	/** Runs every in-process case and writes the two files; returns the markdown. */
	String run(Settings settings, Path out) throws Exception {
		long heapBefore = usedHeapAfterGc();
		SyntheticDataset.Loaded data = SyntheticDataset.load(dataSource, settings.size());
		long heapAfterLoad = usedHeapAfterGc();
		String database = Timings.database(dataSource);
		JdbcTemplate plain = new JdbcTemplate(dataSource);
		long first = data.associationIds().get(0);
		String firstCode = data.associationCodes().get(0);
		ReportPeriod half = ReportPeriod.halfYear(2025, 1);
		ReportPeriod year = ReportPeriod.year(2025);

		// The one förbund's half-year report; the hand-written SQL must give the same figures before it is timed.
		FollowupFigures figures = reports.figures(first, half, InterventionScope.all());
		HandWrittenReport.Figures hand = HandWrittenReport.figures(plain, List.of(first), half, true);
		assertThat(hand.started()).isEqualTo(figures.started());
		assertThat(figures.started().total()).as("the half-year has starts to count").isPositive();
		Timings oneFigures = Timings.of(settings.warmup(), settings.runs(), () -> reports.figures(first, half, InterventionScope.all()));
		Timings oneHand = Timings.of(settings.warmup(), settings.runs(),
				() -> HandWrittenReport.figures(plain, List.of(first), half, true));
		String kansli = account("bench-kansli", firstCode, Role.OFFICE);
		var session = login(kansli, PASSWORD);
		String reportPath = "/forbund/" + firstCode + "/rapporter/uppfoljning?from=2025-01-01&to=2025-06-30";
		String listPath = "/forbund/" + firstCode + "/insatser/" + data.firstIntervention() + "/deltagare";
		assertThat(mvc.perform(get(reportPath).session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get(listPath).session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		Timings onePage = Timings.of(settings.warmup(), settings.runs(), Timings.unchecked(
				() -> mvc.perform(get(reportPath).session(session)).andReturn().getResponse().getContentAsString().length()));
		Timings listPage = Timings.of(settings.warmup(), settings.runs(), Timings.unchecked(
				() -> mvc.perform(get(listPath).session(session)).andReturn().getResponse().getContentAsString().length()));

		// The board's protected report of the same half-year: both periods perturbed by their cell keys, the targets
		// measured from the protected counts, the audit entry written.
		signInAs(account("bench-styrelse", firstCode, Role.VIEWER), new Grant(first, Role.VIEWER));
		var board = reportPages.report(firstCode, half.from().toString(), half.to().toString(), null, false);
		assertThat(board.view().suppressed()).as("the board's report is protected").isTrue();
		Timings protectedReport = Timings.of(settings.warmup(), settings.runs(),
				() -> reportPages.report(firstCode, half.from().toString(), half.to().toString(), null, false));
		SecurityContextHolder.clearContext();

		// The national report over every förbund that takes part, for a year, as the national analyst sees it.
		signInAs(account("bench-analytiker", null, Role.NATIONAL_ANALYST), Role.NATIONAL_ANALYST);
		List<Long> participating = plain.queryForList("select id from association where national_reporting order by id", Long.class);
		var nationalReport = national.report(year.from().toString(), year.to().toString());
		assertThat(nationalReport.associations()).hasSize(participating.size());
		HandWrittenReport.Figures nationalHand = HandWrittenReport.national(plain, participating, year);
		assertThat(nationalHand.started()).isEqualTo(reports.figures(participating, participating.get(0), year, InterventionScope.all()).started());
		Timings nationalTimings = Timings.of(settings.warmup(), settings.runs(),
				() -> national.report(year.from().toString(), year.to().toString()));
		Timings nationalBaseline = Timings.of(settings.warmup(), settings.runs(),
				() -> HandWrittenReport.national(plain, participating, year));
		SecurityContextHolder.clearContext();

		ImportCase.Result imports = new ImportCase(mvc, dataSource, settings.importRows())
			.measure(Math.min(settings.warmup(), 2), settings.importRuns());

		StringBuilder md = new StringBuilder();
		md.append("## Dataset\n\n").append(describe(data, settings, heapBefore, heapAfterLoad)).append("\n\n");
		md.append("## In-process cases\n\n").append(settings.warmup()).append(" warm-up runs, then ").append(settings.runs())
			.append(" measured runs per case (the import: ").append(settings.importRuns()).append(") in the test JVM (")
			.append(Timings.machine()).append("); pages through MockMvc, without the network.\n\n").append(Timings.HEADER)
			.append(oneFigures.row("one förbund, half-year 2025 H1: report figures (`FollowupReports.figures`, " + figures.started().total()
					+ " started, " + figures.ended().total() + " ended)", oneHand))
			.append(oneHand.row("baseline: the same figures by hand-written SQL", oneHand))
			.append(protectedReport.row("one förbund: the board's protected report (`FollowupReportPages.report`: both periods"
					+ " perturbed by cell keys, targets from protected counts, audit)", oneHand))
			.append(onePage.row("one förbund: the whole report page (two periods, targets, charts, HTML)", oneHand))
			.append(listPage.row("participant list page of the förbund's biggest insats (100 rows a page)", null))
			.append(nationalTimings.row("national report 2025 (`NationalReports.report`, " + participating.size()
					+ " förbund, both periods, per-förbund tables, audit)", nationalBaseline))
			.append(nationalBaseline.row("baseline: the same figures by hand-written SQL", nationalBaseline))
			.append(imports.total().row("import of a " + imports.rows() + "-row xlsx (" + imports.kilobytes()
					+ " kB), upload + preview + commit", imports.baseline()))
			.append(imports.upload().row("… of which upload + preview", imports.baseline()))
			.append(imports.commit().row("… of which commit", imports.baseline()))
			.append(imports.baseline().row("baseline: plain JDBC batch insert of the same rows", imports.baseline()))
			.append("\n");
		target(md, "one förbund's report under 100 ms", oneFigures.median() < 100, "%.1f ms", oneFigures.median());
		target(md, "one förbund's protected report under 100 ms", protectedReport.median() < 100, "%.1f ms",
				protectedReport.median());
		target(md, "national report under 1 s", nationalTimings.median() < 1000, "%.0f ms", nationalTimings.median());
		double nationalRatio = nationalTimings.median() / nationalBaseline.median();
		target(md, "national report ≤ 1.5× the hand-written SQL", nationalRatio <= 1.5, "%.2f×", nationalRatio);
		double importRatio = imports.total().median() / imports.baseline().median();
		if (imports.rows() >= 10_000) {
			target(md, "import of 10 000 rows under 5 s", imports.total().median() < 5000, "%.0f ms", imports.total().median());
			target(md, "import ≤ 3× the batch insert", importRatio <= 3, "%.1f×", importRatio);
		}
		else {
			md.append("- The import targets hold for 10 000 rows; this run imported ").append(imports.rows()).append(".\n");
		}

		Files.createDirectories(out);
		Files.writeString(out.resolve("suite.md"), md.toString());
		Files.writeString(out.resolve("http.env"), String.join("\n",
				"BENCH_DATABASE_VERSION='" + database + "'",
				"BENCH_USER='" + kansli + "'",
				"BENCH_PASSWORD='" + PASSWORD + "'",
				"BENCH_PARTICIPANTS_PATH='" + listPath + "'",
				"BENCH_REPORT_PATH='" + reportPath + "'", ""));
		System.out.println(md);
		return md.toString();
	}

	private static void target(StringBuilder md, String target, boolean met, String format, double value) {
		md.append("- Target ").append(target).append(": **").append(met ? "met" : "MISSED").append("** (")
			.append(String.format(Locale.ROOT, format, value)).append(").\n");
	}

	private static String describe(SyntheticDataset.Loaded data, Settings settings, long heapBefore, long heapAfterLoad) {
		StringBuilder text = new StringBuilder();
		text.append("Size `").append(settings.size().name().toLowerCase(Locale.ROOT)).append("`: ")
			.append(data.associationIds().size()).append(" synthetic förbund (the first with ").append(settings.size().firstAssociation)
			.append(" episodes: the one-förbund case), 20 years of history up to ").append(SyntheticDataset.UNTIL)
			.append(", besides the demo data. Rows in the database:");
		data.rows().forEach((table, count) -> text.append(String.format(Locale.ROOT, " %s %,d;", table, count).replace(',', ' ')));
		text.setLength(text.length() - 1);
		text.append(".\n\n").append(data.alreadyThere() ? "The dataset was already in the database (loaded by an earlier run). "
				: String.format(Locale.ROOT, "Loaded in %.1f s (%s). ", data.seconds(),
						"the generator and JDBC: COPY on PostgreSQL, batches on H2"))
			.append(String.format(Locale.ROOT, "Heap in use in the test JVM after a full GC: %d MiB before the load, %d MiB after.",
					heapBefore, heapAfterLoad));
		return text.toString();
	}

	/** A user of the suite with its known password; created once, kept across runs on the same database. */
	private String account(String username, String associationCode, Role role) {
		if (users.idOf(username).isEmpty()) {
			users.create(new UserManagement.NewUser(username, "Prestandamätning", null, PASSWORD,
					List.of(new Grant(associationCode == null ? null : associationId(associationCode), role))));
		}
		return username;
	}

	private void signInAs(String username, Role role) {
		signInAs(username, new Grant(null, role));
	}

	private void signInAs(String username, Grant grant) {
		long id = users.idOf(username).orElseThrow();
		SamsynUser user = new SamsynUser(id, username, "Prestandamätning", List.of(grant), false);
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
	}
}
