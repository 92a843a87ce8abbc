package se.samsyn.report;

import java.util.Arrays;
import java.util.List;

/**
 * A table of counts as a report shows it, before protection: one row per row key, one column per column key, each
 * cell with the sum of its records' keys ({@link CellKey}), and which totals are shown. {@code rowTotals} is the sum
 * column at the right, {@code columnTotals} the sum row at the bottom; when both are shown, so is the grand total.
 * A total's key sum is the sum of its cells' key sums, as its count is the sum of their counts.
 */
public record CountTable(List<String> rowKeys, List<String> columnKeys, long[][] cells, long[][] keys, boolean rowTotals,
		boolean columnTotals) {

	public CountTable {
		rowKeys = List.copyOf(rowKeys);
		columnKeys = List.copyOf(columnKeys);
		cells = checked(cells, rowKeys.size(), columnKeys.size());
		keys = checked(keys, rowKeys.size(), columnKeys.size());
	}

	private static long[][] checked(long[][] values, int rows, int columns) {
		if (values.length != rows) {
			throw new IllegalArgumentException("expected " + rows + " rows, got " + values.length);
		}
		long[][] copy = new long[values.length][];
		for (int row = 0; row < values.length; row++) {
			if (values[row].length != columns) {
				throw new IllegalArgumentException("row " + row + ": expected " + columns + " columns, got " + values[row].length);
			}
			if (Arrays.stream(values[row]).anyMatch(value -> value < 0)) {
				throw new IllegalArgumentException("row " + row + ": counts and key sums cannot be negative");
			}
			copy[row] = values[row].clone();
		}
		return copy;
	}

	/** A table that shows row totals, column totals and the grand total. */
	public static CountTable withTotals(List<String> rowKeys, List<String> columnKeys, long[][] cells, long[][] keys) {
		return new CountTable(rowKeys, columnKeys, cells, keys, true, true);
	}

	/** A table that shows no totals. */
	public static CountTable withoutTotals(List<String> rowKeys, List<String> columnKeys, long[][] cells, long[][] keys) {
		return new CountTable(rowKeys, columnKeys, cells, keys, false, false);
	}

	/** A copy, so that the table stays as it was built. */
	@Override
	public long[][] cells() {
		return copy(cells);
	}

	@Override
	public long[][] keys() {
		return copy(keys);
	}

	private static long[][] copy(long[][] values) {
		long[][] copy = new long[values.length][];
		for (int row = 0; row < values.length; row++) {
			copy[row] = values[row].clone();
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

	public long cellKeys(int row, int column) {
		return keys[row][column];
	}

	public long rowTotal(int row) {
		return Arrays.stream(cells[row]).sum();
	}

	public long rowTotalKeys(int row) {
		return Arrays.stream(keys[row]).sum();
	}

	public long columnTotal(int column) {
		return Arrays.stream(cells).mapToLong(row -> row[column]).sum();
	}

	public long columnTotalKeys(int column) {
		return Arrays.stream(keys).mapToLong(row -> row[column]).sum();
	}

	public long grandTotal() {
		return Arrays.stream(cells).flatMapToLong(Arrays::stream).sum();
	}

	public long grandTotalKeys() {
		return Arrays.stream(keys).flatMapToLong(Arrays::stream).sum();
	}
}
