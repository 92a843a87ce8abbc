package se.samsyn.intervention;

/** Individinriktad (for people) or strukturell (for the members' organisations). */
public enum InterventionKind {
	INDIVIDUAL, STRUCTURAL
}
