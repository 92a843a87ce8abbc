package se.samsyn.followup;

import java.time.LocalDate;
import java.util.List;

import se.samsyn.platform.Checks;

/** What the follow-up pages and the API show. Participants appear by their pseudonymous code only. */
public final class FollowupViews {

	private FollowupViews() {
	}

	/** One episode in an insats' participant list, with the fields still missing. */
	public record EnrollmentRow(long id, long participantId, String participantCode, Gender gender, Integer birthYear,
			LocalDate startDate, LocalDate endDate, String exitReason, Long referrerId, List<String> missing,
			long months) {

		public boolean ongoing() {
			return endDate == null;
		}

		/** Age in whole years at start, from the birth year (the day is not stored). */
		public Integer ageAtStart() {
			return birthYear == null ? null : startDate.getYear() - birthYear;
		}
	}

	/** Everything registered about one episode. */
	public record EnrollmentDetails(long id, long associationId, long interventionId, String interventionName,
			long participantId, String participantCode, Gender gender, Integer birthYear, boolean identityKnown,
			LocalDate consentDate, String consentVersion, LocalDate referralDate, Long referrerId, Long districtId,
			LocalDate startDate, String education, String timeWithoutWork, List<String> incomeSources, String occupation,
			Integer occupationExtent, String birthRegion, String disability, LocalDate endDate, String exitReason,
			String occupationAfter, Integer occupationAfterExtent, List<String> incomeSourcesAfter, Boolean guideSupport,
			Long importId) {

		public boolean ongoing() {
			return endDate == null;
		}

		public Integer ageAtStart() {
			return birthYear == null ? null : startDate.getYear() - birthYear;
		}
	}

	/** A participant and the episodes the user may see. */
	public record ParticipantDetails(long id, String code, Gender gender, Integer birthYear, String maskedIdentity,
			List<EnrollmentDetails> episodes, int hiddenEpisodes) {
	}

	/** Anonymous starts of an insats in a year, by legal gender. */
	public record AnonymousTally(int year, long women, long men) {
		public long total() {
			return women + men;
		}
	}

	/** The filter of a participant list. */
	public record ListFilter(EpisodeFilter status, LocalDate from, LocalDate to, Integer ongoingMonths) {

		public static ListFilter all() {
			return new ListFilter(null, null, null, null);
		}

		/**
		 * The filter as an API caller's query parameters give it: an unknown status, or a date that is broken or
		 * outside 1900–2100, is refused with an error naming the parameter rather than ignored.
		 */
		public static ListFilter of(String status, String from, String to) {
			Checks checks = new Checks();
			ListFilter filter = new ListFilter(EpisodeFilter.parse(status, checks, "status"), checks.optionalDate(from, "from"),
					checks.optionalDate(to, "to"), null);
			checks.throwIfAny();
			return filter;
		}
	}

	/** What a start led to: a participant's episode, or an anonymous count; and any warnings. */
	public record StartResult(EnrollmentId enrollmentId, ParticipantId participantId, boolean anonymous, List<String> warnings) {
	}
}
