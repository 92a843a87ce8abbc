package se.samsyn.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of a command before refusing it, so the user sees all at once. */
public final class Checks {

	private final List<ValidationException.FieldError> errors = new ArrayList<>();

	public Checks check(boolean ok, String field, String messageKey, Object... arguments) {
		if (!ok) {
			errors.add(new ValidationException.FieldError(field, messageKey, arguments));
		}
		return this;
	}

	/** Trimmed single-line text of 1..max characters, or null with an error noted. */
	public String text(String value, int max, String field) {
		return text(value, max, field, false);
	}

	/** Optional single-line text: null when blank. */
	public String optionalText(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return text(value, max, field);
	}

	/** Trimmed multi-line text of 1..max characters (tabs and line breaks allowed), or null with an error noted. */
	public String lines(String value, int max, String field) {
		return text(value, max, field, true);
	}

	/** Optional multi-line text: null when blank. */
	public String optionalLines(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return lines(value, max, field);
	}

	private String text(String value, int max, String field, boolean multiLine) {
		// Checked before trimming: trim() would quietly drop a NUL at either end.
		String problem = PlainText.problem(value, multiLine);
		if (problem != null) {
			check(false, field, problem);
			return null;
		}
		String trimmed = value == null ? "" : value.trim();
		if (trimmed.isEmpty()) {
			check(false, field, "validation.required");
			return null;
		}
		check(trimmed.length() <= max, field, "validation.tooLong", max);
		return trimmed;
	}

	/** An optional ISO date (yyyy-mm-dd) within {@link DateBounds}. */
	public LocalDate optionalDate(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			check(false, field, "validation.date");
			return null;
		}
		if (!DateBounds.contains(date)) {
			check(false, field, DateBounds.OUTSIDE, DateBounds.arguments());
			return null;
		}
		return date;
	}

	/** True when a list in a request holds at most {@code max} entries; else an error is noted on the list's field. */
	public boolean atMost(java.util.Collection<?> values, int max, String field) {
		boolean ok = values == null || values.size() <= max;
		check(ok, field, "validation.tooMany", max);
		return ok;
	}

	/** An optional value of a request parameter that must be one of {@code allowed}; null when blank. */
	public String oneOf(String value, java.util.Collection<String> allowed, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (!allowed.contains(trimmed)) {
			check(false, field, "validation.parameter", field, String.join(", ", allowed));
			return null;
		}
		return trimmed;
	}

	/** An optional id chosen from a list. */
	public Long optionalId(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			check(false, field, "validation.choice");
			return null;
		}
	}

	/** An optional whole number as people type it: spaces between thousands are fine. */
	public Long optionalWhole(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String digits = value.replaceAll("[\\s\u00A0]", "");
		if (!digits.matches("-?\\d{1,15}")) {
			check(false, field, "validation.whole");
			return null;
		}
		return Long.valueOf(digits);
	}

	/** An optional whole number that fits an int; the rules of the domain check its range. */
	public Integer optionalInt(String value, String field) {
		return optionalInt(value, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
	}

	/** An optional whole number that must lie between min and max. */
	public Integer optionalInt(String value, String field, int min, int max) {
		Long number = optionalWhole(value, field);
		if (number == null) {
			return null;
		}
		if (number < min || number > max) {
			check(false, field, "validation.range", min, max);
			return null;
		}
		return number.intValue();
	}

	/** An optional decimal number, with a Swedish decimal comma or a point. */
	public java.math.BigDecimal optionalDecimal(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.replaceAll("[\\s\u00A0]", "").replace(',', '.');
		if (!clean.matches("-?\\d{1,10}(\\.\\d{1,2})?")) {
			check(false, field, "validation.decimal");
			return null;
		}
		return new java.math.BigDecimal(clean);
	}

	public boolean ok() {
		return errors.isEmpty();
	}

	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}
}
