package se.samsyn.intervention;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an insats is in its life: förslag → beredd → beslutad → pågående → avslutad or implementerad
 * i ordinarie verksamhet; or avslagen.
 */
public enum InterventionStatus {
	PROPOSED, PREPARED, DECIDED, ONGOING, ENDED, IMPLEMENTED, REJECTED;

	/** The statuses this one may move on to. */
	public Set<InterventionStatus> next() {
		return switch (this) {
			case PROPOSED -> EnumSet.of(PREPARED, REJECTED);
			case PREPARED -> EnumSet.of(DECIDED, REJECTED);
			case DECIDED -> EnumSet.of(ONGOING);
			case ONGOING -> EnumSet.of(ENDED, IMPLEMENTED);
			case ENDED -> EnumSet.of(IMPLEMENTED);
			case IMPLEMENTED, REJECTED -> EnumSet.noneOf(InterventionStatus.class);
		};
	}

	public boolean mayMoveTo(InterventionStatus status) {
		return next().contains(status);
	}
}
