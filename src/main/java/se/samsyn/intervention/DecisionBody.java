package se.samsyn.intervention;

/** Who decided: the beredningsgrupp prepares, the styrelse decides. */
public enum DecisionBody {
	PREPARATORY_GROUP, BOARD
}
