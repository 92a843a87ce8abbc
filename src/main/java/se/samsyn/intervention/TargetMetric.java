package se.samsyn.intervention;

/** What a target measures; the follow-up computes it from participants, plans, surveys or fidelity. */
public enum TargetMetric {
	/** Participants started in the year: a count. */
	STARTED_COUNT(Unit.COUNT),
	SHARE_WOMEN(Unit.PERCENT),
	SHARE_MEN(Unit.PERCENT),
	/** Share of those ended whose exit reason is in the target's set. */
	EXIT_REASON_SHARE(Unit.PERCENT),
	/** Share of those started referred by a kind of member, or self-referred. */
	REFERRER_SHARE(Unit.PERCENT),
	/** Share of joint-plan activities completed (fully, or also partly) after N months. */
	PLAN_ACTIVITIES_COMPLETED(Unit.PERCENT),
	SURVEY_RESULT(Unit.NUMBER),
	/** IPS programme fidelity, out of 125. */
	FIDELITY_SCORE(Unit.SCORE),
	/** Reported by hand: who, when, from what source. */
	MANUAL(Unit.NUMBER);

	private final Unit unit;

	TargetMetric(Unit unit) {
		this.unit = unit;
	}

	public Unit unit() {
		return unit;
	}

	/** How a threshold of this metric is read. */
	public enum Unit {
		COUNT, PERCENT, SCORE, NUMBER
	}
}
