package se.samsyn.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import se.samsyn.association.AssociationStructure;
import se.samsyn.association.AssociationStructure.ReferrerKind;
import se.samsyn.followup.statistics.Counts;
import se.samsyn.followup.statistics.ExitReasons;
import se.samsyn.followup.statistics.FollowupStatistics;
import se.samsyn.followup.statistics.FollowupStatistics.Episode;
import se.samsyn.followup.statistics.FollowupStatistics.PlanFollowUps;
import se.samsyn.followup.statistics.Selection;
import se.samsyn.intervention.InterventionScope;
import se.samsyn.intervention.InterventionViews.InterventionDetails;
import se.samsyn.intervention.InterventionViews.Target;
import se.samsyn.intervention.Interventions;
import se.samsyn.intervention.TargetComparator;
import se.samsyn.intervention.TargetMetric;
import se.samsyn.intervention.TargetStatus;
import se.samsyn.platform.AssociationRef;

/**
 * Measures the insatser's targets (the plan's *förväntat resultat*) over a report period: the value,
 * the numbers behind it, and an honest status — fulfilled, on course pro rata, not fulfilled, or not
 * measurable yet where Samsyn has no data for the metric.
 */
@Service
public class TargetFulfilment {

	/** How a target stands for the period. */
	public enum Status {
		FULFILLED, ON_TRACK, NOT_FULFILLED, NOT_MEASURABLE, REPORTED
	}

	/**
	 * One target measured. {@code part} and {@code base} are the numbers behind a share (part of base)
	 * or, for a count, the count itself in {@code part}; {@code expected} is the pro-rata level for the
	 * period where the year is not over.
	 */
	public record Measured(long interventionId, String interventionName, Target target, BigDecimal measured,
			Long part, Long base, BigDecimal expected, Status status) {

		/**
		 * As a reader without personal-data access may see it: no numbers behind, and no measured value
		 * where a count from 1 to 4, or a share of fewer than 5, could be read from it.
		 */
		public Measured suppressed() {
			boolean small = (part != null && part > 0 && part < 5) || (base != null && base < 5);
			return new Measured(interventionId, interventionName, target, small ? null : measured, null, null, expected,
					status);
		}
	}

	/** A referring unit no longer known. */
	private static final ReferrerKind MISSING_KIND = new ReferrerKind("MISSING", null);

	private final FollowupStatistics store;
	private final AssociationStructure structure;
	private final Interventions interventions;

	TargetFulfilment(FollowupStatistics store, AssociationStructure structure, Interventions interventions) {
		this.store = store;
		this.structure = structure;
		this.interventions = interventions;
	}

	/**
	 * The targets of the given insatser for the year the period ends in, measured over the period: from exact
	 * counts, or, for a protected output, from the protected counts ({@link Protection}) — the same records give
	 * the same protected count here as in the report's tables.
	 */
	public List<Measured> measure(AssociationRef association, ReportPeriod period, Collection<Long> interventionIds,
			LocalDate today, boolean protectedFigures) {
		Selection scope = Selection.of(association.id(), InterventionScope.only(interventionIds));
		int year = period.to().getYear();
		List<Episode> episodes = store.episodes(scope, period.span());
		Map<Long, ReferrerKind> referrerKinds = structure.referrerKinds(List.of(association.id()));
		Map<Long, Map<String, Counts>> started = new java.util.HashMap<>();
		Map<Long, Map<String, Counts>> exits = new java.util.HashMap<>();
		Map<Long, Map<String, Counts>> referrers = new java.util.HashMap<>();
		for (Episode episode : episodes) {
			Counts one = episode.one();
			if (period.contains(episode.startDate())) {
				started.computeIfAbsent(episode.interventionId(), id -> new java.util.HashMap<>()).merge("ALL", one, Counts::plus);
				String kind = episode.referrerId() == null ? "MISSING"
						: referrerKinds.getOrDefault(episode.referrerId(), MISSING_KIND).kind();
				referrers.computeIfAbsent(episode.interventionId(), id -> new java.util.HashMap<>())
					.merge(kind == null ? "MISSING" : kind, one, Counts::plus);
			}
			if (episode.endDate() != null && period.contains(episode.endDate())) {
				exits.computeIfAbsent(episode.interventionId(), id -> new java.util.HashMap<>())
					.merge(episode.exitReason() == null ? "MISSING" : episode.exitReason(), one, Counts::plus);
			}
		}
		Map<Long, Counts> anonymous = store.anonymousStartsPerIntervention(scope, period.span());
		Map<Long, PlanFollowUps> activities = store.planActivitiesPerIntervention(scope, period.span());
		double elapsed = elapsedShare(period, year, today);

		List<Measured> measured = new ArrayList<>();
		for (long id : interventionIds) {
			InterventionDetails details = interventions.get(association, id);
			Map<Long, TargetStatus> reported = interventions.targetStatuses(association, id);
			Counts starts = started.getOrDefault(id, Map.of()).getOrDefault("ALL", Counts.ZERO)
				.plus(anonymous.getOrDefault(id, Counts.ZERO));
			for (Target target : details.targets()) {
				if (target.year() != year) {
					continue;
				}
				Measured one = measure(details, target, starts, exits.getOrDefault(id, Map.of()),
						referrers.getOrDefault(id, Map.of()), activities.getOrDefault(id, PlanFollowUps.NONE), elapsed,
						reported.get(target.id()), protectedFigures);
				measured.add(protectedFigures ? one.suppressed() : one);
			}
		}
		return measured;
	}

	/** A count and the sum of its records' keys: what a protected measurement perturbs. */
	private record Tally(long count, long keys) {

		static final Tally ZERO = new Tally(0, 0);

		static Tally total(Counts counts) {
			return new Tally(counts.total(), counts.totalKeys());
		}

		static Tally women(Counts counts) {
			return new Tally(counts.women(), counts.womenKeys());
		}

		static Tally men(Counts counts) {
			return new Tally(counts.men(), counts.menKeys());
		}

		Tally plus(Tally other) {
			return new Tally(count + other.count, keys + other.keys);
		}

		/** The count itself, or as a protected output shows it. */
		long value(boolean protectedFigures) {
			return protectedFigures ? PerturbationTable.perturb(count, keys) : count;
		}
	}

	private Measured measure(InterventionDetails details, Target target, Counts starts, Map<String, Counts> exits,
			Map<String, Counts> referrers, PlanFollowUps activities, double elapsed, TargetStatus reported,
			boolean protectedFigures) {
		long id = details.id();
		switch (target.metric()) {
			case STARTED_COUNT: {
				BigDecimal expected = target.threshold() == null ? null
						: target.threshold().multiply(BigDecimal.valueOf(elapsed)).setScale(0, RoundingMode.HALF_UP);
				long count = Tally.total(starts).value(protectedFigures);
				return judged(details, target, BigDecimal.valueOf(count), count, null, expected, elapsed);
			}
			case SHARE_WOMEN:
				return share(details, target, Tally.women(starts), Tally.total(starts), elapsed, protectedFigures);
			case SHARE_MEN:
				return share(details, target, Tally.men(starts), Tally.total(starts), elapsed, protectedFigures);
			case EXIT_REASON_SHARE: {
				Set<String> reasons = Set.copyOf(target.exitReasons());
				Tally base = Tally.ZERO;
				Tally part = Tally.ZERO;
				for (var entry : exits.entrySet()) {
					if (ExitReasons.registeredInError(entry.getKey())) {
						continue;
					}
					base = base.plus(Tally.total(entry.getValue()));
					if (reasons.contains(entry.getKey())) {
						part = part.plus(Tally.total(entry.getValue()));
					}
				}
				return share(details, target, part, base, elapsed, protectedFigures);
			}
			case REFERRER_SHARE: {
				Tally base = referrers.values().stream().map(Tally::total).reduce(Tally.ZERO, Tally::plus);
				Tally part = Tally.total(referrers.getOrDefault(target.referrerKind() == null ? "" : target.referrerKind(),
						Counts.ZERO));
				return share(details, target, part, base, elapsed, protectedFigures);
			}
			case PLAN_ACTIVITIES_COMPLETED: {
				int months = target.months() == null ? 6 : target.months();
				Tally base = Tally.ZERO;
				Tally part = Tally.ZERO;
				for (var status : activities.at(months).entrySet()) {
					base = base.plus(Tally.total(status.getValue()));
					if ("DONE".equals(status.getKey()) || (target.includePartly() && "PARTLY".equals(status.getKey()))) {
						part = part.plus(Tally.total(status.getValue()));
					}
				}
				return share(details, target, part, base, elapsed, protectedFigures);
			}
			case FIDELITY_SCORE:
			case MANUAL:
				return fromReported(details, target, reported);
			default:
				return new Measured(id, details.name(), target, null, null, null, null, Status.NOT_MEASURABLE);
		}
	}

	/**
	 * A share of {@code part} in {@code base}, of the protected counts for a protected output (a part that came out
	 * above its base counts as all of it); too few to measure when the protected base is under {@value Protection#THRESHOLD}.
	 */
	private Measured share(InterventionDetails details, Target target, Tally ofPart, Tally ofBase, double elapsed,
			boolean protectedFigures) {
		long base = ofBase.value(protectedFigures);
		long part = Math.min(ofPart.value(protectedFigures), base);
		if (base == 0 || (protectedFigures && base < Protection.THRESHOLD)) {
			return new Measured(details.id(), details.name(), target, null, part, base, null, Status.NOT_MEASURABLE);
		}
		BigDecimal percent = BigDecimal.valueOf(part * 100.0 / base).setScale(1, RoundingMode.HALF_UP);
		return judged(details, target, percent, part, base, target.threshold(), elapsed);
	}

	/**
	 * A whole year that is over is judged against the threshold; a period still running is on track
	 * when it meets the pro-rata level ({@code expected}), and fulfilled early only for an at-least count already reached.
	 */
	private Measured judged(InterventionDetails details, Target target, BigDecimal value, Long part, Long base,
			BigDecimal expected, double elapsed) {
		TargetComparator comparator = target.comparator();
		if (comparator == null || target.threshold() == null) {
			return new Measured(details.id(), details.name(), target, value, part, base, expected, Status.REPORTED);
		}
		boolean meetsThreshold = comparator.fulfilled(value, target.threshold(), target.tolerance());
		if (elapsed >= 1.0) {
			return new Measured(details.id(), details.name(), target, value, part, base, null,
					meetsThreshold ? Status.FULFILLED : Status.NOT_FULFILLED);
		}
		if (target.metric() == TargetMetric.STARTED_COUNT && comparator == TargetComparator.AT_LEAST && meetsThreshold) {
			return new Measured(details.id(), details.name(), target, value, part, base, expected, Status.FULFILLED);
		}
		boolean onCourse = comparator.fulfilled(value, expected, target.tolerance());
		return new Measured(details.id(), details.name(), target, value, part, base, expected,
				onCourse ? Status.ON_TRACK : Status.NOT_FULFILLED);
	}

	private static Measured fromReported(InterventionDetails details, Target target, TargetStatus reported) {
		if (reported == null || reported.state() == TargetStatus.State.NOT_MEASURABLE) {
			return new Measured(details.id(), details.name(), target, null, null, null, null, Status.NOT_MEASURABLE);
		}
		Status status = switch (reported.state()) {
			case FULFILLED -> Status.FULFILLED;
			case NOT_FULFILLED -> Status.NOT_FULFILLED;
			default -> Status.REPORTED;
		};
		return new Measured(details.id(), details.name(), target, reported.measured(), null, null, null, status);
	}

	/**
	 * How much of the target year the period has had so far: 1.0 when the period covers the whole year
	 * and the year is over; otherwise the share of the year's days from its start to the end of the
	 * period (or today, if earlier).
	 */
	static double elapsedShare(ReportPeriod period, int year, LocalDate today) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		boolean wholeYear = !period.from().isAfter(first) && !period.to().isBefore(last);
		if (wholeYear && today.isAfter(last)) {
			return 1.0;
		}
		LocalDate until = period.to().isAfter(today) ? today : period.to();
		LocalDate from = period.from().isAfter(first) ? period.from() : first;
		double days = ChronoUnit.DAYS.between(from, until) + 1;
		return Math.max(0, Math.min(1.0, days / (ChronoUnit.DAYS.between(first, last) + 1)));
	}
}
