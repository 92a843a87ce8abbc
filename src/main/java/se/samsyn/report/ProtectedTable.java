package se.samsyn.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

import se.samsyn.platform.SwedishFormat;

/**
 * A {@link CountTable} as a reader may see it: every body cell, shown total and grand total as a {@link Cell},
 * protected ({@link Protection}) for readers without personal-data access, exact for the others. Pages, exports
 * and the API show cells only through {@link Cell#display()} and {@link Cell#json()}; a protected table never
 * holds the exact counts, so nothing downstream can show them by mistake.
 */
public final class ProtectedTable {

	/** What a reader sees instead of a count from 1 to 4. */
	public static final String HIDDEN = "<5";

	private static final SwedishFormat FORMAT = new SwedishFormat();

	private final CountTable table;
	private final boolean protectedCounts;
	private final Cell[] cells;

	ProtectedTable(CountTable table, boolean protectedCounts) {
		this.table = table;
		this.protectedCounts = protectedCounts;
		int width = table.columns() + 1;
		cells = new Cell[(table.rows() + 1) * width];
		for (int row = 0; row <= table.rows(); row++) {
			for (int column = 0; column < width; column++) {
				long count = count(row, column);
				cells[row * width + column] = protectedCounts ? Protection.cell(count, keys(row, column)) : new Cell(count, false);
			}
		}
	}

	private long count(int row, int column) {
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

	private long keys(int row, int column) {
		boolean totalRow = row == table.rows();
		boolean totalColumn = column == table.columns();
		if (totalRow && totalColumn) {
			return table.grandTotalKeys();
		}
		if (totalRow) {
			return table.columnTotalKeys(column);
		}
		return totalColumn ? table.rowTotalKeys(row) : table.cellKeys(row, column);
	}

	/** Whether the counts are protected (perturbed, small ones hidden), not exact. */
	public boolean isProtected() {
		return protectedCounts;
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
	 * {@code part} as a percentage of {@code base} with one decimal and a Swedish comma, {@code "12,5 %"}; null where
	 * it must not be shown: when either is hidden or the base is 0. In a protected table both are protected counts,
	 * so the share is computed from what the reader sees, never from exact counts; as protected counts need not add
	 * up, a part that came out above its base reads 100 %.
	 */
	public String share(Cell part, Cell base) {
		return share(part, base, protectedCounts);
	}

	/** The same for any two cells: capped at 100 % when they are protected counts. */
	public static String share(Cell part, Cell base, boolean protectedCounts) {
		if (part.hidden() || base.hidden() || base.value() == 0) {
			return null;
		}
		long shown = protectedCounts ? Math.min(part.value(), base.value()) : part.value();
		BigDecimal percent = BigDecimal.valueOf(shown * 100).divide(BigDecimal.valueOf(base.value()), 1, RoundingMode.HALF_UP);
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
	 * One count as the reader may see it: in a protected table the perturbed count, hidden when it came out 1–4.
	 * Every hidden cell reads {@value ProtectedTable#HIDDEN}.
	 */
	public record Cell(long value, boolean hidden) {

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
