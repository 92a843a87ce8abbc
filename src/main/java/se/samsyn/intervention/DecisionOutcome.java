package se.samsyn.intervention;

public enum DecisionOutcome {
	PREPARED, APPROVED, REJECTED
}
