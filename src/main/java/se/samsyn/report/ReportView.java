package se.samsyn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import se.samsyn.report.FollowupFigures.Breakdown;
import se.samsyn.followup.statistics.Counts;

/**
 * A follow-up report ready to show, export or serve: every table of the figures as counts by legal
 * gender with totals, protected ({@link Protection}) where the reader may not see exact counts, the previous
 * period's totals beside them, and a chart per table drawn from the same (protected) cells.
 */
public record ReportView(ReportPeriod period, ReportPeriod previousPeriod, boolean suppressed, Table overview,
		List<Table> tables) {

	/** One table: its rows' labels, the suppressed cells (women, men; row and column totals), the previous period's. */
	public record Table(String key, FollowupFigures.Population population, List<String> codes, List<String> labels,
			ProtectedTable current, ProtectedTable previous, String chart) {

		/** The row's share of the column total, e.g. "12,5 %", or null where it must not be shown. */
		public String share(int row) {
			return current.share(current.rowTotal(row), current.grandTotal());
		}
	}

	static final List<String> GENDER_COLUMNS = List.of("WOMAN", "MAN");

	/**
	 * Builds the view; {@code text} gives a label for a message key (titles, column names), and
	 * {@code chartTitle} the chart's title for a table key.
	 */
	static ReportView of(FollowupFigures current, FollowupFigures previous, boolean suppressed,
			Function<String, String> text) {
		List<String> overviewKeys = List.of("started", "startedAnonymously", "ongoing", "ended");
		List<String> overviewLabels = overviewKeys.stream().map(k -> text.apply("report.overview." + k)).toList();
		Table overview = table("overview", null, overviewKeys, overviewLabels,
				List.of(current.started(), current.startedAnonymously(), current.ongoing(), current.ended()),
				List.of(previous.started(), previous.startedAnonymously(), previous.ongoing(), previous.ended()), suppressed, false,
				text);
		List<Table> tables = new ArrayList<>();
		for (Breakdown breakdown : current.breakdowns()) {
			Breakdown before = previous.breakdown(breakdown.key());
			List<String> codes = breakdown.rows().stream().map(FollowupFigures.Row::code).toList();
			List<String> labels = breakdown.rows().stream().map(FollowupFigures.Row::label).toList();
			List<Counts> now = breakdown.rows().stream().map(FollowupFigures.Row::counts).toList();
			List<Counts> then = codes.stream().map(code -> {
				FollowupFigures.Row row = before == null ? null : before.row(code);
				return row == null ? Counts.ZERO : row.counts();
			}).toList();
			tables.add(table(breakdown.key(), breakdown.population(), codes, labels, now, then, suppressed, true, text));
		}
		return new ReportView(current.period(), previous.period(), suppressed, overview, tables);
	}

	static Table table(String key, FollowupFigures.Population population, List<String> codes,
			List<String> labels, List<Counts> now, List<Counts> then, boolean suppressed, boolean columnTotals,
			Function<String, String> text) {
		ProtectedTable current = suppress(codes, now, suppressed, columnTotals);
		ProtectedTable previous = suppress(codes, then, suppressed, columnTotals);
		List<SvgCharts.Value> women = new ArrayList<>();
		List<SvgCharts.Value> men = new ArrayList<>();
		for (int row = 0; row < codes.size(); row++) {
			women.add(SvgCharts.Value.of(current.cell(row, 0)));
			men.add(SvgCharts.Value.of(current.cell(row, 1)));
		}
		String title = text.apply("report.table." + key);
		String chart = SvgCharts.groupedBars(title, text.apply("report.chart.description"), labels, List.of(
				new SvgCharts.Series(text.apply("report.women"), SvgCharts.TEAL, women),
				new SvgCharts.Series(text.apply("report.men"), SvgCharts.ORANGE, men)));
		return new Table(key, population, codes, labels, current, previous, chart);
	}

	private static ProtectedTable suppress(List<String> codes, List<Counts> counts, boolean suppressed,
			boolean columnTotals) {
		long[][] cells = new long[codes.size()][2];
		long[][] keys = new long[codes.size()][2];
		for (int row = 0; row < codes.size(); row++) {
			cells[row][0] = counts.get(row).women();
			cells[row][1] = counts.get(row).men();
			keys[row][0] = counts.get(row).womenKeys();
			keys[row][1] = counts.get(row).menKeys();
		}
		CountTable table = columnTotals ? CountTable.withTotals(codes, GENDER_COLUMNS, cells, keys)
				: new CountTable(codes, GENDER_COLUMNS, cells, keys, true, false);
		return suppressed ? Protection.apply(table) : Protection.exact(table);
	}
}
