package se.samsyn.intervention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.samsyn.intervention.InterventionCommand.BudgetLine;
import se.samsyn.intervention.InterventionCommand.Cofinancing;
import se.samsyn.intervention.InterventionCommand.SteeringGroupMember;
import se.samsyn.intervention.InterventionCommand.TargetDefinition;
import se.samsyn.platform.Checks;

/**
 * The rules an insats must keep, checked all at once so the user sees every problem. Knows the
 * förbund's members, districts and code lists through {@link Context}.
 */
final class InterventionRules {

	static final int MIN_MEMBERS = 2;
	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
	static final BigDecimal MAX_FIDELITY = BigDecimal.valueOf(125);
	/** More than any förbund's budget, and far from overflowing a sum. */
	static final long MAX_KRONOR = 100_000_000_000L;
	static final BigDecimal MAX_NUMBER = new BigDecimal("9999999999.99");

	// The most a request may list for one insats: far above any plan in the seeds, far below what strains a page or a report.
	static final int MAX_MEMBERS = 100;
	static final int MAX_TARGET_GROUPS = 50;
	static final int MAX_DISTRICTS = 200;
	static final int MAX_BUDGET_YEARS = 50;
	static final int MAX_TARGETS = 200;
	static final int MAX_COFINANCING = 200;
	static final int MAX_STEERING_GROUP = 100;
	static final int MAX_EXIT_REASONS = 50;

	private InterventionRules() {
	}

	/** What the rules need to know about the förbund. */
	interface Context {
		Set<Long> memberIds();

		Set<Long> districtIds();

		boolean targetGroup(String code);

		boolean exitReason(String code);
	}

	/** The checked, parsed core of an insats. */
	record Valid(String name, String shortDescription, String description, InterventionKind kind,
			FollowUpMethod followUp, InterventionStatus status, LocalDate startDate, LocalDate endDate, String owner,
			String locations, String evaluator) {
	}

	static Valid check(InterventionCommand command, Context context, boolean creating, Checks checks) {
		String name = checks.text(command.name(), 200, "name");
		String shortDescription = checks.optionalLines(command.shortDescription(), 500, "shortDescription");
		String description = checks.optionalLines(command.description(), 5000, "description");
		InterventionKind kind = parse(InterventionKind.class, command.kind(), "kind", "intervention.kind.required", checks);
		FollowUpMethod followUp = command.followUp() == null || command.followUp().isBlank()
				? (kind == InterventionKind.STRUCTURAL ? FollowUpMethod.COUNT : FollowUpMethod.PERSON)
				: parse(FollowUpMethod.class, command.followUp(), "followUp", "intervention.followUp.required", checks);
		InterventionStatus status = null;
		if (creating) {
			status = command.status() == null || command.status().isBlank() ? InterventionStatus.PROPOSED
					: parse(InterventionStatus.class, command.status(), "status", "intervention.status.invalid", checks);
		}
		LocalDate start = checks.optionalDate(command.startDate(), "startDate");
		LocalDate end = checks.optionalDate(command.endDate(), "endDate");
		checks.check(start == null || end == null || !end.isBefore(start), "endDate", "intervention.period.order");
		String owner = checks.optionalText(command.owner(), 200, "owner");
		String locations = checks.optionalText(command.locations(), 500, "locations");
		String evaluator = checks.optionalText(command.evaluator(), 200, "evaluator");

		// A list over its maximum is refused as a whole; its entries are not checked one by one.
		if (checks.atMost(command.memberIds(), MAX_MEMBERS, "memberIds")) {
			Set<Long> members = new HashSet<>(command.memberIds());
			checks.check(context.memberIds().containsAll(members), "memberIds", "validation.choice");
			checks.check(members.size() >= MIN_MEMBERS, "memberIds", "intervention.members.tooFew", MIN_MEMBERS);
		}
		if (checks.atMost(command.targetGroups(), MAX_TARGET_GROUPS, "targetGroups")) {
			for (String code : command.targetGroups()) {
				checks.check(context.targetGroup(code), "targetGroups", "validation.choice");
			}
		}
		if (checks.atMost(command.districtIds(), MAX_DISTRICTS, "districtIds")) {
			checks.check(context.districtIds().containsAll(command.districtIds()), "districtIds", "validation.choice");
		}

		if (checks.atMost(command.budgets(), MAX_BUDGET_YEARS, "budgets")) {
			Set<Integer> years = new HashSet<>();
			for (int i = 0; i < command.budgets().size(); i++) {
				BudgetLine line = command.budgets().get(i);
				budget(line, "budgets[" + i + "].", checks);
				checks.check(line.year() == null || years.add(line.year()), "budgets[" + i + "].year", "budget.year.twice");
			}
		}
		if (checks.atMost(command.targets(), MAX_TARGETS, "targets")) {
			for (int i = 0; i < command.targets().size(); i++) {
				target(command.targets().get(i), context, "targets[" + i + "].", checks);
			}
		}
		if (checks.atMost(command.cofinancing(), MAX_COFINANCING, "cofinancing")) {
			for (int i = 0; i < command.cofinancing().size(); i++) {
				cofinancing(command.cofinancing().get(i), "cofinancing[" + i + "].", checks);
			}
		}
		if (checks.atMost(command.steeringGroup(), MAX_STEERING_GROUP, "steeringGroup")) {
			for (int i = 0; i < command.steeringGroup().size(); i++) {
				seat(command.steeringGroup().get(i), context, "steeringGroup[" + i + "].", checks);
			}
		}
		return new Valid(name, shortDescription, description, kind, followUp, status, start, end, owner, locations,
				evaluator);
	}

	static void budget(BudgetLine line, String prefix, Checks checks) {
		checks.check(line.year() != null && line.year() >= 2000 && line.year() <= 2100, prefix + "year", "budget.year.range");
		checks.check(line.amountKr() != null, prefix + "amountKr", "validation.required");
		checks.check(line.amountKr() == null || line.amountKr() >= 0, prefix + "amountKr", "validation.negative");
		checks.check(line.amountKr() == null || line.amountKr() <= MAX_KRONOR, prefix + "amountKr", "validation.tooLarge");
		checks.check(line.actualKr() == null || line.actualKr() <= MAX_KRONOR, prefix + "actualKr", "validation.tooLarge");
		checks.check(line.plannedParticipants() == null || line.plannedParticipants() >= 0, prefix + "plannedParticipants",
				"validation.negative");
		checks.check(line.actualKr() == null || line.actualKr() >= 0, prefix + "actualKr", "validation.negative");
	}

	static void seat(SteeringGroupMember seat, Context context, String prefix, Checks checks) {
		checks.text(seat.name(), 200, prefix + "name");
		checks.optionalText(seat.role(), 200, prefix + "role");
		checks.check(seat.memberId() == null || context.memberIds().contains(seat.memberId()), prefix + "memberId",
				"validation.choice");
	}

	static void cofinancing(Cofinancing line, String prefix, Checks checks) {
		checks.text(line.funder(), 200, prefix + "funder");
		checks.optionalText(line.project(), 200, prefix + "project");
		checks.check(line.year() != null && line.year() >= 2000 && line.year() <= 2100, prefix + "year", "budget.year.range");
		checks.check(line.amountKr() != null && line.amountKr() >= 0, prefix + "amountKr", "validation.negative");
		checks.check(line.amountKr() == null || line.amountKr() <= MAX_KRONOR, prefix + "amountKr", "validation.tooLarge");
	}

	/** Checks a target definition; returns its parsed metric (null when invalid). */
	static TargetMetric target(TargetDefinition target, Context context, String prefix, Checks checks) {
		checks.check(target.year() != null && target.year() >= 2000 && target.year() <= 2100, prefix + "year",
				"budget.year.range");
		checks.text(target.text(), 1000, prefix + "text");
		TargetMetric metric = parse(TargetMetric.class, target.metric(), prefix + "metric", "target.metric.required", checks);
		TargetComparator comparator = target.comparator() == null || target.comparator().isBlank() ? null
				: parse(TargetComparator.class, target.comparator(), prefix + "comparator", "target.comparator.invalid", checks);
		BigDecimal threshold = target.threshold();
		if (metric != TargetMetric.MANUAL || threshold != null || comparator != null) {
			checks.check(comparator != null, prefix + "comparator", "target.comparator.invalid");
			checks.check(threshold != null, prefix + "threshold", "target.threshold.required");
		}
		checks.check(threshold == null || (threshold.abs().compareTo(MAX_NUMBER) <= 0 && threshold.stripTrailingZeros().scale() <= 2),
				prefix + "threshold", "validation.decimal");
		checks.check(target.tolerance() == null || (target.tolerance().abs().compareTo(MAX_NUMBER) <= 0
				&& target.tolerance().stripTrailingZeros().scale() <= 2), prefix + "tolerance", "validation.decimal");
		if (threshold != null && metric != null) {
			checks.check(threshold.signum() >= 0, prefix + "threshold", "validation.negative");
			switch (metric.unit()) {
				case PERCENT -> checks.check(threshold.compareTo(HUNDRED) <= 0, prefix + "threshold", "target.share.max");
				case SCORE -> checks.check(threshold.compareTo(MAX_FIDELITY) <= 0, prefix + "threshold", "target.fidelity.max");
				case COUNT -> checks.check(threshold.stripTrailingZeros().scale() <= 0, prefix + "threshold", "target.count.whole");
				default -> { }
			}
		}
		if (comparator == TargetComparator.APPROXIMATELY) {
			checks.check(target.tolerance() != null && target.tolerance().signum() >= 0, prefix + "tolerance",
					"target.tolerance.required");
		}
		if (metric == TargetMetric.EXIT_REASON_SHARE && checks.atMost(target.exitReasons(), MAX_EXIT_REASONS, prefix + "exitReasons")) {
			checks.check(!target.exitReasons().isEmpty(), prefix + "exitReasons", "target.exitReasons.required");
			for (String code : target.exitReasons()) {
				checks.check(context.exitReason(code), prefix + "exitReasons", "validation.choice");
			}
		}
		if (metric == TargetMetric.REFERRER_SHARE) {
			checks.check(target.referrerKind() != null && List.of("STATE", "REGION", "MUNICIPALITY", "SELF")
				.contains(target.referrerKind()), prefix + "referrerKind", "target.referrerKind.required");
		}
		if (metric == TargetMetric.PLAN_ACTIVITIES_COMPLETED) {
			checks.check(target.months() != null && List.of(2, 6, 12).contains(target.months()), prefix + "months",
					"target.months.required");
		}
		return metric;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String messageKey, Checks checks) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.trim());
		}
		catch (IllegalArgumentException ex) {
			checks.check(false, field, messageKey);
			return null;
		}
	}
}
