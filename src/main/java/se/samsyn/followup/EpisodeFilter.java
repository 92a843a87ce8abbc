package se.samsyn.followup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import se.samsyn.platform.Checks;

/** Which episodes a participant list shows: those still going on, or those ended. No filter shows them all. */
public enum EpisodeFilter {
	ONGOING, ENDED;

	private static final List<String> NAMES = Arrays.stream(values()).map(Enum::name).toList();

	/** The message key of the filter's name in the list's choice. */
	public String labelKey() {
		return "followup.filter." + name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The filter a request parameter names; null when blank. An unknown name is noted in {@code checks} as an error
	 * naming the parameter and the allowed values.
	 */
	public static EpisodeFilter parse(String value, Checks checks, String parameter) {
		String name = checks.oneOf(value, NAMES, parameter);
		return name == null ? null : valueOf(name);
	}

	/** The filter a page's link names; null when blank or unknown, so that an old or edited link shows every episode. */
	public static EpisodeFilter fromLink(String value) {
		return value == null || !NAMES.contains(value.trim()) ? null : valueOf(value.trim());
	}
}
