package se.samsyn.report;

import java.util.Arrays;
import java.util.List;

/**
 * A table of counts as a report shows it, before suppression: one row per row key, one column per
 * column key, and which totals are shown. {@code rowTotals} is the sum column at the right,
 * {@code columnTotals} the sum row at the bottom; when both are shown, so is the grand total.
 * The totals matter to {@link Suppression}, because a shown total lets a reader recompute a hidden cell.
 */
public record CountTable(List<String> rowKeys, List<String> columnKeys, long[][] cells, boolean rowTotals,
		boolean columnTotals) {

	public CountTable {
		rowKeys = List.copyOf(rowKeys);
		columnKeys = List.copyOf(columnKeys);
		if (cells.length != rowKeys.size()) {
			throw new IllegalArgumentException("expected " + rowKeys.size() + " rows, got " + cells.length);
		}
		long[][] copy = new long[cells.length][];
		for (int row = 0; row < cells.length; row++) {
			if (cells[row].length != columnKeys.size()) {
				throw new IllegalArgumentException("row " + row + ": expected " + columnKeys.size() + " columns, got " + cells[row].length);
			}
			if (Arrays.stream(cells[row]).anyMatch(value -> value < 0)) {
				throw new IllegalArgumentException("row " + row + ": counts cannot be negative");
			}
			copy[row] = cells[row].clone();
		}
		cells = copy;
	}

	/** A table that shows row totals, column totals and the grand total. */
	public static CountTable withTotals(List<String> rowKeys, List<String> columnKeys, long[][] cells) {
		return new CountTable(rowKeys, columnKeys, cells, true, true);
	}

	/** A table that shows no totals. */
	public static CountTable withoutTotals(List<String> rowKeys, List<String> columnKeys, long[][] cells) {
		return new CountTable(rowKeys, columnKeys, cells, false, false);
	}

	/** A copy, so that the table stays as it was built. */
	@Override
	public long[][] cells() {
		long[][] copy = new long[cells.length][];
		for (int row = 0; row < cells.length; row++) {
			copy[row] = cells[row].clone();
		}
		return copy;
	}

	public int rows() {
		return rowKeys.size();
	}

	public int columns() {
		return columnKeys.size();
	}

	public long cell(int row, int column) {
		return cells[row][column];
	}

	public long rowTotal(int row) {
		return Arrays.stream(cells[row]).sum();
	}

	public long columnTotal(int column) {
		return Arrays.stream(cells).mapToLong(row -> row[column]).sum();
	}

	public long grandTotal() {
		return Arrays.stream(cells).flatMapToLong(Arrays::stream).sum();
	}
}
