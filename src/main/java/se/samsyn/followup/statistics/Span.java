package se.samsyn.followup.statistics;

import java.time.LocalDate;
import java.util.List;

/** The days from {@code from} to {@code to}, both included: the period a count is of. */
public record Span(LocalDate from, LocalDate to) {

	public Span {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("a span runs forward from one day to another");
		}
	}

	public boolean contains(LocalDate day) {
		return day != null && !day.isBefore(from) && !day.isAfter(to);
	}

	/** The smallest span that holds all of them. */
	public static Span covering(List<Span> spans) {
		LocalDate from = spans.stream().map(Span::from).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = spans.stream().map(Span::to).max(LocalDate::compareTo).orElseThrow();
		return new Span(from, to);
	}
}
