package se.samsyn.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import se.samsyn.followup.statistics.Span;
import se.samsyn.platform.DateBounds;
import se.samsyn.platform.ValidationException;

/** The dates a report covers, both included, and the period of the same length just before it. */
public record ReportPeriod(LocalDate from, LocalDate to) {

	public ReportPeriod {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("A period needs a start on or before its end");
		}
	}

	public static ReportPeriod year(int year) {
		return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** The first half (1) or the second half (2) of a year. */
	public static ReportPeriod halfYear(int year, int half) {
		return half == 1 ? new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
				: new ReportPeriod(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * The period a reader asked for as ISO dates, or, when both are blank, the last whole half-year
	 * before {@code today}; refused with a field error when the dates are broken, outside {@link DateBounds}, reversed or span over five years.
	 */
	public static ReportPeriod parse(String from, String to, LocalDate today) {
		if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
			return today.getMonthValue() > 6 ? halfYear(today.getYear(), 1) : halfYear(today.getYear() - 1, 2);
		}
		try {
			LocalDate start = LocalDate.parse(from.trim());
			LocalDate end = LocalDate.parse(to.trim());
			if (!DateBounds.contains(start)) {
				throw ValidationException.of("from", DateBounds.OUTSIDE, DateBounds.arguments());
			}
			if (!DateBounds.contains(end)) {
				throw ValidationException.of("to", DateBounds.OUTSIDE, DateBounds.arguments());
			}
			if (end.isBefore(start)) {
				throw ValidationException.of("to", "report.period.order");
			}
			if (end.isAfter(start.plusYears(5))) {
				throw ValidationException.of("to", "report.period.tooLong");
			}
			return new ReportPeriod(start, end);
		}
		catch (java.time.format.DateTimeParseException | NullPointerException ex) {
			throw ValidationException.of("from", "validation.date");
		}
	}

	/** A calendar quarter, 1–4. */
	public static ReportPeriod quarter(int year, int quarter) {
		LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
		return new ReportPeriod(from, from.plusMonths(3).minusDays(1));
	}

	/**
	 * Whether this is a standard period: a calendar quarter, half-year or year. Protected outputs are made only
	 * for standard periods, so that no two of them differ by a few days' records.
	 */
	public boolean isStandard() {
		if (from.getDayOfMonth() != 1 || from.getYear() != to.getYear() || !to.plusDays(1).equals(from.plusMonths(months()))) {
			return false;
		}
		int months = months();
		return (months == 3 || months == 6 || months == 12) && (from.getMonthValue() - 1) % months == 0;
	}

	private int months() {
		return (int) ChronoUnit.MONTHS.between(from, to.plusDays(1));
	}

	/** A standard period's name: {@code 2025}, {@code 2025-H1}, {@code 2025-Q3}; null for any other period. */
	public String standardName() {
		if (!isStandard()) {
			return null;
		}
		int months = months();
		int index = (from.getMonthValue() - 1) / months + 1;
		return months == 12 ? String.valueOf(from.getYear()) : from.getYear() + (months == 6 ? "-H" : "-Q") + index;
	}

	/** The standard period of a name from {@link #standardName()}; refused with a field error for anything else. */
	public static ReportPeriod standard(String name) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d{4})(?:-([HQ])([1-4]))?").matcher(
				name == null ? "" : name.trim());
		if (!matcher.matches()) {
			throw ValidationException.of("period", "report.period.standard");
		}
		int year = Integer.parseInt(matcher.group(1));
		if (year < 1900 || year > 2100) {
			throw ValidationException.of("period", "report.period.standard");
		}
		if (matcher.group(2) == null) {
			return year(year);
		}
		int index = Integer.parseInt(matcher.group(3));
		if ("H".equals(matcher.group(2))) {
			if (index > 2) {
				throw ValidationException.of("period", "report.period.standard");
			}
			return halfYear(year, index);
		}
		return quarter(year, index);
	}

	/** A whole year or half-year compares with the one before; other periods with as many days just before. */
	public ReportPeriod previous() {
		if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
			long months = ChronoUnit.MONTHS.between(from, to.plusDays(1));
			return new ReportPeriod(from.minusMonths(months), from.minusDays(1));
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		return new ReportPeriod(from.minusDays(days), from.minusDays(1));
	}

	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(from) && !date.isAfter(to);
	}

	/** The period's days as the follow-up's statistics count them. */
	public Span span() {
		return new Span(from, to);
	}

	/** The periods' days. */
	static List<Span> spans(List<ReportPeriod> periods) {
		return periods.stream().map(ReportPeriod::span).toList();
	}
}
