package se.samsyn.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Hides small counts in a report table so that no participant in a group of one to four can be
 * singled out, for roles without personal-data access and for anything marked for publication
 * (DESIGN.md, reporting rules).
 * <p>
 * The rules:
 * <ol>
 * <li><b>Primary:</b> every shown count from 1 to 4 is hidden – body cells, totals and the grand total
 * alike. 0 is shown: it reveals nobody.</li>
 * <li><b>Complementary:</b> a line is a row or column whose total is shown, and, when both kinds of
 * totals are shown, the row of column totals and the column of row totals (whose total is the grand
 * total). A line whose members (its cells and its total) hold exactly one hidden value would give
 * that value away by subtraction, so one more member is hidden: the smallest shown cell above 0
 * (the last one on a tie), else a shown 0, else the line's total.</li>
 * <li>The second is repeated until no line changes, because a newly hidden cell can leave another line
 * with a single hidden value.</li>
 * </ol>
 * <b>Guaranteed:</b> in the result, no line holds exactly one hidden value, so no hidden value equals
 * shown values added or subtracted within one row or column. <b>Not guaranteed:</b> attacks that combine
 * several lines (solving the table as a system of equations) or that narrow a hidden value to an
 * interval. Complementary cells are chosen small to lose little information, not to maximise protection.
 * In a 2×2 table with all totals, one small cell makes all four cells hidden, which leaves the
 * system one degree of freedom.
 */
public final class Suppression {

	/** Counts below this, and above 0, are hidden. */
	public static final int THRESHOLD = 5;

	private Suppression() {
	}

	/** The table as a role without personal-data access, or a publication, may see it. */
	public static SuppressedTable apply(CountTable table) {
		Grid grid = new Grid(table);
		grid.hideSmallCounts();
		grid.protectLines();
		return new SuppressedTable(table, grid.hidden, grid.primary);
	}

	/** The exact table, for roles with personal-data access: nothing hidden. */
	public static SuppressedTable none(CountTable table) {
		int size = (table.rows() + 1) * (table.columns() + 1);
		return new SuppressedTable(table, new boolean[size], new boolean[size]);
	}

	/**
	 * The table with totals laid out as one more row and column, flattened: position
	 * {@code row * (columns + 1) + column}, totals at row {@code rows} and column {@code columns}.
	 */
	private static final class Grid {

		private final long[] value;
		private final boolean[] shown;
		private final boolean[] hidden;
		private final boolean[] primary;
		private final List<Line> lines = new ArrayList<>();

		Grid(CountTable table) {
			int rows = table.rows();
			int columns = table.columns();
			int width = columns + 1;
			value = new long[(rows + 1) * width];
			shown = new boolean[value.length];
			hidden = new boolean[value.length];
			primary = new boolean[value.length];
			for (int row = 0; row < rows; row++) {
				for (int column = 0; column < columns; column++) {
					value[row * width + column] = table.cell(row, column);
					shown[row * width + column] = true;
				}
				value[row * width + columns] = table.rowTotal(row);
				shown[row * width + columns] = table.rowTotals();
			}
			for (int column = 0; column < columns; column++) {
				value[rows * width + column] = table.columnTotal(column);
				shown[rows * width + column] = table.columnTotals();
			}
			value[rows * width + columns] = table.grandTotal();
			shown[rows * width + columns] = table.rowTotals() && table.columnTotals();

			int lastRow = table.rowTotals() && table.columnTotals() ? rows : rows - 1;
			int lastColumn = table.rowTotals() && table.columnTotals() ? columns : columns - 1;
			if (table.rowTotals()) {
				for (int row = 0; row <= lastRow; row++) {
					int[] members = new int[columns];
					for (int column = 0; column < columns; column++) {
						members[column] = row * width + column;
					}
					lines.add(new Line(members, row * width + columns));
				}
			}
			if (table.columnTotals()) {
				for (int column = 0; column <= lastColumn; column++) {
					int[] members = new int[rows];
					for (int row = 0; row < rows; row++) {
						members[row] = row * width + column;
					}
					lines.add(new Line(members, rows * width + column));
				}
			}
		}

		void hideSmallCounts() {
			for (int position = 0; position < value.length; position++) {
				if (shown[position] && value[position] > 0 && value[position] < THRESHOLD) {
					hidden[position] = true;
					primary[position] = true;
				}
			}
		}

		/** Passes over the lines until none holds a single hidden value; each pass that changes anything hides more. */
		void protectLines() {
			boolean changed = true;
			while (changed) {
				changed = false;
				for (Line line : lines) {
					int hiddenCount = hidden[line.total] ? 1 : 0;
					for (int member : line.members) {
						hiddenCount += hidden[member] ? 1 : 0;
					}
					if (hiddenCount == 1) {
						hidden[complement(line)] = true;
						changed = true;
					}
				}
			}
		}

		private int complement(Line line) {
			int best = -1;
			for (int member : line.members) {
				if (!hidden[member] && value[member] > 0 && (best < 0 || value[member] <= value[best])) {
					best = member;
				}
			}
			if (best < 0) {
				for (int member : line.members) {
					if (!hidden[member]) {
						best = member; // every shown member is 0 here: the last one
					}
				}
			}
			return best < 0 ? line.total : best;
		}
	}

	/** Cells that add up to a shown total. */
	private record Line(int[] members, int total) {
	}
}
