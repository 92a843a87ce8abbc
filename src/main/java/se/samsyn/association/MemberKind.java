package se.samsyn.association;

/** The kinds of member a förbund has under lag 2003:1210; the state (Försäkringskassan) also pays for Arbetsförmedlingen. */
public enum MemberKind {
	STATE, REGION, MUNICIPALITY
}
