package se.samsyn.followup.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The meeting dates the database counts are exactly those whose follow-up, dated by plusMonths, falls in the period. */
class MeetingWindowTests {

	@Test
	void theWindowHoldsExactlyTheMeetingsFollowedUpInThePeriod() {
		LocalDate first = LocalDate.of(2023, 1, 1);
		List<Span> periods = List.of(new Span(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), new Span(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31)),
				new Span(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 2, 28)),
				new Span(LocalDate.of(2025, 4, 29), LocalDate.of(2025, 4, 29)),
				new Span(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 9, 30)),
				new Span(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 30)));
		for (Span period : periods) {
			for (int months : FollowupStatistics.FOLLOW_UPS) {
				FollowupStatistics.MeetingWindow window = FollowupStatistics.MeetingWindow.of(period, months);
				for (LocalDate meeting = first; meeting.getYear() < 2026; meeting = meeting.plusDays(1)) {
					boolean inWindow = !meeting.isBefore(window.first()) && !meeting.isAfter(window.last());
					assertThat(inWindow).as("%s + %d months in %s", meeting, months, period)
						.isEqualTo(period.contains(meeting.plusMonths(months)));
				}
			}
		}
		// 31 March plus six months is 30 September: a third quarter's window ends on 31 March, not on 30 March.
		assertThat(FollowupStatistics.MeetingWindow.of(new Span(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30)), 6).last())
			.isEqualTo(LocalDate.of(2025, 3, 31));
	}
}
