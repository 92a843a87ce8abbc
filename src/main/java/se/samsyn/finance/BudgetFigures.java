package se.samsyn.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Everything the plans compute from a year's budget lines: income, costs, result, closing equity, the
 * economic frame (income plus opening equity) and the shares of the frame. Nothing here is typed in.
 */
public record BudgetFigures(int year, long openingEquityKr, long totalIncomeKr, long totalCostsKr, long resultKr,
		long closingEquityKr, long frameKr, Shares shares, BigDecimal adminShare) {

	/** One line of the budget, stored or taken from an insats' budget. */
	public record Line(String code, String name, BudgetGroup group, long amountKr) {
	}

	/**
	 * Fractions of the frame, rounded to four decimals (72,44 %). The kansli's share holds styrelse,
	 * kansli, utvärdering, avskrivningar and reserv: every cost that is not an insats.
	 */
	public record Shares(BigDecimal individual, BigDecimal structural, BigDecimal office, BigDecimal closingEquity) {
	}

	public static BudgetFigures of(int year, long openingEquityKr, List<Line> lines) {
		long income = sum(lines, true);
		long costs = sum(lines, false);
		long individual = sum(lines, BudgetGroup.INDIVIDUAL);
		long structural = sum(lines, BudgetGroup.STRUCTURAL);
		long administration = lines.stream().filter(line -> line.group().administration()).mapToLong(Line::amountKr).sum();
		long result = income - costs;
		long closing = openingEquityKr + result;
		long frame = income + openingEquityKr;
		Shares shares = new Shares(fraction(individual, frame), fraction(structural, frame),
				fraction(costs - individual - structural, frame), fraction(closing, frame));
		return new BudgetFigures(year, openingEquityKr, income, costs, result, closing, frame, shares,
				fraction(administration, costs));
	}

	private static long sum(List<Line> lines, boolean income) {
		return lines.stream().filter(line -> line.group().income() == income).mapToLong(Line::amountKr).sum();
	}

	private static long sum(List<Line> lines, BudgetGroup group) {
		return lines.stream().filter(line -> line.group() == group).mapToLong(Line::amountKr).sum();
	}

	private static BigDecimal fraction(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}
}
