package se.samsyn.followup;

/** Legal gender (juridiskt kön), as the national follow-up counts it. */
public enum Gender {
	WOMAN, MAN;

	/** Reads what people type in forms and files: K, Kvinna, kvinna, M, Man, W, F, …; null when unknown. */
	public static Gender parse(String text) {
		if (text == null) {
			return null;
		}
		switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "k", "kvinna", "woman", "w", "f", "female":
				return WOMAN;
			case "m", "man", "male":
				return MAN;
			default:
				for (Gender gender : values()) {
					if (gender.name().equalsIgnoreCase(text.strip())) {
						return gender;
					}
				}
				return null;
		}
	}
}
