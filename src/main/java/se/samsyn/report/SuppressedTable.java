package se.samsyn.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

import se.samsyn.platform.SwedishFormat;

/**
 * A {@link CountTable} after {@link Suppression}: every body cell, shown total and grand total as a
 * {@link Cell} that knows whether it may be shown. Pages, exports and the API show cells only through
 * {@link Cell#display()} and {@link Cell#json()}, never through {@link Cell#value()}.
 */
public final class SuppressedTable {

	/** What a reader sees instead of a hidden count. */
	public static final String HIDDEN = "<5";

	private static final SwedishFormat FORMAT = new SwedishFormat();

	private final CountTable table;
	private final Cell[] cells;

	SuppressedTable(CountTable table, boolean[] hidden, boolean[] primary) {
		this.table = table;
		int width = table.columns() + 1;
		cells = new Cell[hidden.length];
		for (int row = 0; row <= table.rows(); row++) {
			for (int column = 0; column < width; column++) {
				int position = row * width + column;
				cells[position] = new Cell(value(row, column), hidden[position], primary[position]);
			}
		}
	}

	private long value(int row, int column) {
		boolean totalRow = row == table.rows();
		boolean totalColumn = column == table.columns();
		if (totalRow && totalColumn) {
			return table.grandTotal();
		}
		if (totalRow) {
			return table.columnTotal(column);
		}
		return totalColumn ? table.rowTotal(row) : table.cell(row, column);
	}

	public List<String> rowKeys() {
		return table.rowKeys();
	}

	public List<String> columnKeys() {
		return table.columnKeys();
	}

	public boolean rowTotals() {
		return table.rowTotals();
	}

	public boolean columnTotals() {
		return table.columnTotals();
	}

	public Cell cell(int row, int column) {
		return at(Objects.checkIndex(row, table.rows()), Objects.checkIndex(column, table.columns()));
	}

	/** The total at the right of a row; only for a table that shows row totals. */
	public Cell rowTotal(int row) {
		requireShown(table.rowTotals(), "row totals");
		return at(Objects.checkIndex(row, table.rows()), table.columns());
	}

	/** The total at the bottom of a column; only for a table that shows column totals. */
	public Cell columnTotal(int column) {
		requireShown(table.columnTotals(), "column totals");
		return at(table.rows(), Objects.checkIndex(column, table.columns()));
	}

	/** The grand total; only for a table that shows both row and column totals. */
	public Cell grandTotal() {
		requireShown(table.rowTotals() && table.columnTotals(), "a grand total");
		return at(table.rows(), table.columns());
	}

	/**
	 * {@code part} as a percentage of {@code base} with one decimal and a Swedish comma, {@code "12,5 %"};
	 * null where it must not be shown: when either is hidden or the base is 0. In a suppressed table a
	 * base of 1–4 is hidden, so no share is shown there with a base under {@value Suppression#THRESHOLD};
	 * roles with personal-data access see every share.
	 */
	public String share(Cell part, Cell base) {
		if (part.hidden() || base.hidden() || base.value() == 0) {
			return null;
		}
		BigDecimal percent = BigDecimal.valueOf(part.value() * 100).divide(BigDecimal.valueOf(base.value()), 1, RoundingMode.HALF_UP);
		return percent.toPlainString().replace('.', ',') + "\u00A0%";
	}

	private Cell at(int row, int column) {
		return cells[row * (table.columns() + 1) + column];
	}

	private static void requireShown(boolean shown, String what) {
		if (!shown) {
			throw new IllegalStateException("the table shows no " + what);
		}
	}

	/**
	 * One count of the table. {@code hidden} is set for a count of 1–4 ({@code primary}) and for a cell
	 * hidden so that a total cannot reveal one. Every hidden cell reads {@value SuppressedTable#HIDDEN},
	 * even a complementary one that holds more: one mark for all keeps readers from telling the two apart.
	 */
	public record Cell(long value, boolean hidden, boolean primary) {

		/** {@code "<5"} when hidden, else the count with a space between thousands: {@code "1 234"}. */
		public String display() {
			return hidden ? HIDDEN : FORMAT.number(BigDecimal.valueOf(value));
		}

		/** The string {@code "<5"} when hidden, else the count as a {@link Long}; how JSON carries the cell. */
		@JsonValue
		public Object json() {
			return hidden ? HIDDEN : Long.valueOf(value);
		}
	}
}
