package se.samsyn.finance;

/** The groups of a förbund's budget, as its plans present them. */
public enum BudgetGroup {
	CONTRIBUTION(true), OTHER_INCOME(true), BOARD(false), OFFICE(false), INDIVIDUAL(false), STRUCTURAL(false),
	EVALUATION(false), DEPRECIATION(false), RESERVE(false);

	private final boolean income;

	BudgetGroup(boolean income) {
		this.income = income;
	}

	public boolean income() {
		return income;
	}

	/** Kansli and styrelse: the administration whose share of the costs the plans report. */
	public boolean administration() {
		return this == BOARD || this == OFFICE;
	}
}
