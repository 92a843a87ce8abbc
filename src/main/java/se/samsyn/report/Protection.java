package se.samsyn.report;

/**
 * Protects a report table for readers who may not see exact counts: the board and member contacts (VIEWER),
 * anything marked for publication, and the national report (DESIGN.md, reporting rules).
 * <p>
 * The rules, for every body cell, shown total and grand total alike:
 * <ol>
 * <li><b>Perturbation by the cell key method.</b> The count gets the deviation that {@link PerturbationTable} gives
 * for it and its cell key ({@link CellKey}: the sum of its records' stored random keys). The same records always
 * give the same protected count, in any table, period or selection; a total is protected as a cell of its own, so
 * a protected table need not add up.</li>
 * <li><b>Small counts.</b> A protected count from 1 to 4 is shown as {@value ProtectedTable#HIDDEN}; 0 is shown.</li>
 * </ol>
 * <b>Guaranteed:</b> a true count can be read back from a protected table, or from the difference of two protected
 * tables, only by chance: the difference of two protected counts of different records equals the true difference
 * with probability {@link PerturbationTable#maximumChanceOfEqualDeviations()} at most, and nothing tells the
 * reader when it did. Asking again gives the same answer, so repeating a request averages nothing away. A shown 0
 * may hide one or two persons, and a {@value ProtectedTable#HIDDEN} may stand for up to six.
 * <b>Not guaranteed:</b> averaging many different differences of the same records; the report therefore offers
 * protected readers few of them (standard periods only, all insatser or one, see {@link FollowupReportPages}).
 */
public final class Protection {

	/** Protected counts below this, and above 0, are hidden. */
	public static final int THRESHOLD = 5;

	private Protection() {
	}

	/** The table as a protected reader sees it. */
	public static ProtectedTable apply(CountTable table) {
		return new ProtectedTable(table, true);
	}

	/** The exact table, for roles with personal-data access: nothing perturbed or hidden. */
	public static ProtectedTable exact(CountTable table) {
		return new ProtectedTable(table, false);
	}

	/** A count as a protected reader may see it: perturbed by its key sum, or hidden. */
	public static ProtectedTable.Cell cell(long count, long keySum) {
		long value = PerturbationTable.perturb(count, keySum);
		return new ProtectedTable.Cell(value, value > 0 && value < THRESHOLD);
	}
}
