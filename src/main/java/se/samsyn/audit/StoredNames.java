package se.samsyn.audit;

import java.util.Locale;

/** Reads an enum from the name the log stored, whatever its case; null for none or a name no longer known. */
final class StoredNames {

	private StoredNames() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String stored) {
		if (stored == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, stored.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
