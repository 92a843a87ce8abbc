package se.samsyn.followup;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an import of a follow-up file is: in review (needs its columns or values mapped, or ready to be
 * looked over), then saved, and a saved one undone; or thrown away by the user, or by the system when it
 * waited too long in review. Stored by name.
 */
public enum ImportStatus {
	NEEDS_MAPPING, PREVIEW, COMMITTED, UNDONE, DISCARDED, EXPIRED;

	/** The status of an import in review after its rows were checked. */
	static ImportStatus inReview(boolean needsMapping) {
		return needsMapping ? NEEDS_MAPPING : PREVIEW;
	}

	/** Still in review: its rows are staged (kept encrypted) and it may be mapped, saved or thrown away. */
	public boolean isOpen() {
		return this == NEEDS_MAPPING || this == PREVIEW;
	}

	/** The statuses this one may move on to. */
	public Set<ImportStatus> next() {
		return switch (this) {
			case NEEDS_MAPPING, PREVIEW -> EnumSet.of(NEEDS_MAPPING, PREVIEW, COMMITTED, DISCARDED, EXPIRED);
			case COMMITTED -> EnumSet.of(UNDONE);
			case UNDONE, DISCARDED, EXPIRED -> EnumSet.noneOf(ImportStatus.class);
		};
	}

	public boolean mayMoveTo(ImportStatus status) {
		return next().contains(status);
	}

	/** The message key of the status's name. */
	public String labelKey() {
		return "import.status." + name();
	}
}
