package se.samsyn.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The dates Samsyn accepts wherever a date comes in – forms, the API, imported files, report periods:
 * 1900-01-01 to 2100-12-31. ISO dates allow years like +999999, which no follow-up or plan means and which
 * databases and reports handle badly; one rule here keeps every entrance the same.
 */
public final class DateBounds {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
	public static final String OUTSIDE = "validation.date.range";

	private DateBounds() {
	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/** The message arguments of {@link #OUTSIDE}: the first and last day accepted. */
	public static Object[] arguments() {
		return new Object[] { EARLIEST.toString(), LATEST.toString() };
	}

	/** The date, or null when the text is blank, broken or outside the bounds: for filters that ignore what they cannot read. */
	public static LocalDate parseOrNull(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value.trim());
			return contains(date) ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}
}
