package se.samsyn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import se.samsyn.report.SuppressedTable.Cell;

class SuppressionTests {

	@Test
	void aSingleSmallCountInARowWithATotalHidesTheSmallestOtherCountToo() {
		CountTable table = new CountTable(List.of("Aktivitetsplatsen"), List.of("arbete", "studier", "annat"),
				new long[][] { { 3, 10, 7 } }, true, false);

		SuppressedTable result = Suppression.apply(table);

		assertThat(hidden(result)).isEqualTo("#.#");
		assertThat(result.cell(0, 0).primary()).isTrue();
		assertThat(result.cell(0, 2).primary()).isFalse();
		assertThat(result.rowTotal(0).display()).isEqualTo("20");
		assertSafe(result);
	}

	@Test
	void aRowTotalOfThreeIsHiddenAndTheColumnOfRowTotalsAndTheColumnOfItsCellHideOneMoreEach() {
		// rows a, b, c; row totals 3, 14, 16; column totals 20, 13; grand total 33
		CountTable table = CountTable.withTotals(List.of("a", "b", "c"), List.of("x", "y"),
				new long[][] { { 3, 0 }, { 8, 6 }, { 9, 7 } });

		SuppressedTable result = Suppression.apply(table);

		assertThat(result.rowTotal(0).hidden()).as("row total 3").isTrue();
		assertThat(result.rowTotal(0).primary()).isTrue();
		assertThat(result.cell(0, 1).hidden()).as("a 0 reveals nobody").isFalse();
		assertThat(result.cell(1, 0).hidden()).as("8, the smallest other count of column x").isTrue();
		assertThat(result.rowTotal(1).hidden()).as("14, the smallest other row total").isTrue();
		assertThat(hidden(result)).isEqualTo("#./#./..");
		assertThat(List.of(result.rowTotal(2), result.columnTotal(0), result.columnTotal(1), result.grandTotal()))
				.noneMatch(Cell::hidden);
		assertSafe(result);
	}

	@Test
	void aColumnTotalWouldRevealAHiddenCountSoTheSmallestOtherIsHiddenTheLastOnATie() {
		CountTable table = new CountTable(List.of("kvinnor", "män", "annat"), List.of("antal"),
				new long[][] { { 2 }, { 12 }, { 12 } }, false, true);

		SuppressedTable result = Suppression.apply(table);

		assertThat(hidden(result)).isEqualTo("#/./#");
		assertThat(result.columnTotal(0).display()).isEqualTo("26");
		assertSafe(result);
	}

	@Test
	void aTableOfZerosAndSmallCountsHidesEveryCountButShowsTheZeros() {
		// row totals 3, 7; column totals 3, 1, 6; grand total 10
		CountTable table = CountTable.withTotals(List.of("a", "b"), List.of("x", "y", "z"), new long[][] { { 0, 1, 2 }, { 3, 0, 4 } });

		SuppressedTable result = Suppression.apply(table);

		assertThat(hidden(result)).isEqualTo(".##/#.#");
		assertThat(result.rowTotal(0).primary()).isTrue();
		assertThat(result.rowTotal(1).hidden()).as("7 would give the 3 away with the grand total").isTrue();
		assertThat(result.rowTotal(1).primary()).isFalse();
		assertThat(result.columnTotal(2).display()).isEqualTo("6");
		assertThat(result.grandTotal().display()).isEqualTo("10");
		assertSafe(result);
	}

	@Test
	void aTableWithoutSmallCountsHidesNothing() {
		CountTable table = CountTable.withTotals(List.of("a", "b"), List.of("x", "y"), new long[][] { { 5, 0 }, { 20, 1234 } });

		SuppressedTable result = Suppression.apply(table);

		assertThat(allCells(result)).noneMatch(Cell::hidden);
		assertThat(result.cell(1, 1).display()).isEqualTo("1\u00A0234");
		assertThat(result.grandTotal().display()).isEqualTo("1\u00A0259");
	}

	@Test
	void oneSmallCountInATwoByTwoTableWithAllTotalsHidesAllFourCornersAndNoHiddenCountCanBeWorkedOut() {
		CountTable table = CountTable.withTotals(List.of("a", "b"), List.of("x", "y"), new long[][] { { 2, 10 }, { 10, 10 } });

		SuppressedTable result = Suppression.apply(table);

		assertThat(hidden(result)).isEqualTo("##/##");
		assertThat(List.of(result.rowTotal(0), result.rowTotal(1), result.columnTotal(0), result.columnTotal(1),
				result.grandTotal())).noneMatch(Cell::hidden);
		assertSafe(result);
		assertEveryHiddenCountHasTwoPossibleValues(result);
	}

	@Test
	void randomTablesNeverLeaveASingleHiddenCountInALineWithAShownTotal() {
		Random random = new Random(20261123);
		for (int run = 0; run < 2000; run++) {
			int rows = 1 + random.nextInt(6);
			int columns = 1 + random.nextInt(6);
			long[][] cells = new long[rows][columns];
			for (long[] row : cells) {
				for (int column = 0; column < columns; column++) {
					int kind = random.nextInt(10);
					row[column] = kind < 3 ? 0 : kind < 7 ? 1 + random.nextInt(4) : 5 + random.nextInt(40);
				}
			}
			CountTable table = new CountTable(keys(rows), keys(columns), cells, random.nextBoolean(), random.nextBoolean());

			SuppressedTable result = Suppression.apply(table);

			assertSafe(result);
			for (int row = 0; row < rows; row++) {
				for (int column = 0; column < columns; column++) {
					assertThat(result.cell(row, column).value()).isEqualTo(cells[row][column]);
				}
			}
		}
	}

	@Test
	void noneHidesNothingForRolesWithPersonalDataAccess() {
		CountTable table = CountTable.withTotals(List.of("a", "b"), List.of("x", "y"), new long[][] { { 2, 0 }, { 1, 3 } });

		SuppressedTable result = Suppression.none(table);

		assertThat(allCells(result)).noneMatch(Cell::hidden);
		assertThat(result.cell(0, 0).display()).isEqualTo("2");
		assertThat(result.cell(0, 0).json()).isEqualTo(2L);
		assertThat(result.share(result.cell(0, 0), result.rowTotal(0))).isEqualTo("100,0\u00A0%");
	}

	@Test
	void aHiddenCountIsTheStringLessThanFiveInJsonAndAShownCountIsANumber() {
		SuppressedTable result = Suppression.apply(CountTable.withoutTotals(List.of("a"), List.of("x", "y"), new long[][] { { 4, 7 } }));

		assertThat(result.cell(0, 0).json()).isInstanceOf(String.class).isEqualTo("<5");
		assertThat(result.cell(0, 0).display()).isEqualTo("<5");
		assertThat(result.cell(0, 1).json()).isInstanceOf(Long.class).isEqualTo(7L);
		assertThat(JsonMapper.shared().writeValueAsString(List.of(result.cell(0, 0), result.cell(0, 1))))
				.as("a cell handed to Jackson as it is").isEqualTo("[\"<5\",7]");
	}

	@Test
	void sharesHaveOneDecimalAndAreLeftOutWhereTheBaseIsUnderFiveOrAnythingIsHidden() {
		// row totals 48, 6, 4
		SuppressedTable result = Suppression.apply(new CountTable(List.of("a", "b", "c"), List.of("x", "y"),
				new long[][] { { 6, 42 }, { 6, 0 }, { 3, 1 } }, true, false));

		assertThat(result.share(result.cell(0, 0), result.rowTotal(0))).isEqualTo("12,5\u00A0%");
		assertThat(result.share(result.cell(1, 1), result.rowTotal(1))).isEqualTo("0,0\u00A0%");
		assertThat(result.share(result.cell(2, 0), result.rowTotal(2))).as("hidden part and base").isNull();
		assertThat(result.share(result.cell(1, 0), result.rowTotal(1))).isEqualTo("100,0\u00A0%");
		assertThat(result.share(result.cell(0, 1), result.rowTotal(0))).isEqualTo("87,5\u00A0%");

		SuppressedTable zeros = Suppression.apply(CountTable.withoutTotals(List.of("a"), List.of("x", "y"), new long[][] { { 0, 0 } }));
		assertThat(zeros.share(zeros.cell(0, 0), zeros.cell(0, 1))).as("base 0").isNull();
	}

	/**
	 * The guarantee of {@link Suppression}: in every line whose total is shown (rows, columns, and with
	 * both kinds of totals the row of column totals and the column of row totals), never exactly one
	 * hidden value, so none equals a shown total minus shown cells; and no count of 1–4 is shown.
	 */
	private static void assertSafe(SuppressedTable table) {
		int rows = table.rowKeys().size();
		int columns = table.columnKeys().size();
		List<List<Cell>> lines = new ArrayList<>();
		if (table.rowTotals()) {
			for (int row = 0; row < rows; row++) {
				int r = row;
				List<Cell> line = new ArrayList<>(IntStream.range(0, columns).mapToObj(column -> table.cell(r, column)).toList());
				line.add(table.rowTotal(row));
				lines.add(line);
			}
		}
		if (table.columnTotals()) {
			for (int column = 0; column < columns; column++) {
				int c = column;
				List<Cell> line = new ArrayList<>(IntStream.range(0, rows).mapToObj(row -> table.cell(row, c)).toList());
				line.add(table.columnTotal(column));
				lines.add(line);
			}
		}
		if (table.rowTotals() && table.columnTotals()) {
			List<Cell> totalsRow = new ArrayList<>(IntStream.range(0, columns).mapToObj(table::columnTotal).toList());
			totalsRow.add(table.grandTotal());
			lines.add(totalsRow);
			List<Cell> totalsColumn = new ArrayList<>(IntStream.range(0, rows).mapToObj(table::rowTotal).toList());
			totalsColumn.add(table.grandTotal());
			lines.add(totalsColumn);
		}
		for (List<Cell> line : lines) {
			assertThat(line.stream().filter(Cell::hidden).count()).as("hidden values in line %s", line).isNotEqualTo(1);
		}
		assertThat(allCells(table)).allMatch(cell -> cell.hidden() || cell.value() == 0 || cell.value() >= 5);
		assertThat(allCells(table)).allMatch(cell -> cell.primary() == (cell.hidden() && cell.value() < 5 && cell.value() > 0));
	}

	/** Tries every non-negative body a reader could fill in and checks each hidden value stays ambiguous. */
	private static void assertEveryHiddenCountHasTwoPossibleValues(SuppressedTable table) {
		long bound = table.grandTotal().value();
		List<Set<Long>> seen = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
		for (long a = 0; a <= bound; a++) {
			for (long b = 0; b <= bound; b++) {
				for (long c = 0; c <= bound; c++) {
					for (long d = 0; d <= bound; d++) {
						long[] body = { a, b, c, d };
						long[] candidate = { a, b, c, d, a + b, c + d, a + c, b + d, a + b + c + d };
						Cell[] shown = { table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1), table.rowTotal(0),
								table.rowTotal(1), table.columnTotal(0), table.columnTotal(1), table.grandTotal() };
						boolean fits = IntStream.range(0, shown.length).allMatch(i -> shown[i].hidden() || candidate[i] == shown[i].value());
						if (fits) {
							for (int i = 0; i < 4; i++) {
								seen.get(i).add(body[i]);
							}
						}
					}
				}
			}
		}
		for (int i = 0; i < 4; i++) {
			if (table.cell(i / 2, i % 2).hidden()) {
				assertThat(seen.get(i)).as("possible values of hidden cell %d", i).hasSizeGreaterThan(1);
			}
		}
	}

	private static List<Cell> allCells(SuppressedTable table) {
		List<Cell> cells = new ArrayList<>();
		for (int row = 0; row < table.rowKeys().size(); row++) {
			for (int column = 0; column < table.columnKeys().size(); column++) {
				cells.add(table.cell(row, column));
			}
			if (table.rowTotals()) {
				cells.add(table.rowTotal(row));
			}
		}
		if (table.columnTotals()) {
			for (int column = 0; column < table.columnKeys().size(); column++) {
				cells.add(table.columnTotal(column));
			}
		}
		if (table.rowTotals() && table.columnTotals()) {
			cells.add(table.grandTotal());
		}
		return cells;
	}

	/** The body's hidden cells as a picture: {@code "#.#/..."}, # hidden, rows separated by /. */
	private static String hidden(SuppressedTable table) {
		StringBuilder picture = new StringBuilder();
		for (int row = 0; row < table.rowKeys().size(); row++) {
			picture.append(row > 0 ? "/" : "");
			for (int column = 0; column < table.columnKeys().size(); column++) {
				picture.append(table.cell(row, column).hidden() ? '#' : '.');
			}
		}
		return picture.toString();
	}

	private static List<String> keys(int count) {
		return IntStream.range(0, count).mapToObj(i -> "k" + i).toList();
	}
}
