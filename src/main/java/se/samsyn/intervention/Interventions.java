package se.samsyn.intervention;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.access.SamsynUser;
import se.samsyn.association.AssociationStructure;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.intervention.InterventionCommand.BudgetLine;
import se.samsyn.intervention.InterventionCommand.TargetDefinition;
import se.samsyn.intervention.InterventionViews.Budget;
import se.samsyn.intervention.InterventionViews.Decision;
import se.samsyn.intervention.InterventionViews.FidelityAssessment;
import se.samsyn.intervention.InterventionViews.InterventionDetails;
import se.samsyn.intervention.InterventionViews.InterventionSummary;
import se.samsyn.intervention.InterventionViews.Target;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.CodeLists;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.SwedishFormat;
import se.samsyn.platform.ValidationException;

/**
 * The förbund's insatser. Reads are limited to what the current user may see: every insats for the
 * kansli and the board, only their own for a project leader. Callers have already checked that the
 * user may act in the förbund at all.
 */
@Service
public class Interventions {

	private final InterventionStore store;
	private final AssociationStructure structure;
	private final CodeLists codeLists;
	private final AccessControl access;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Interventions(InterventionStore store, AssociationStructure structure, CodeLists codeLists, AccessControl access,
			AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.structure = structure;
		this.codeLists = codeLists;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** What to list: a budget year, and optionally a kind, status or member. */
	public record Filter(Integer year, InterventionKind kind, InterventionStatus status, Long memberId) {
	}

	public List<InterventionSummary> list(AssociationRef association, Filter filter) {
		InterventionScope visible = scope(association, Permission.VIEW_ALL_INTERVENTIONS);
		Map<Long, List<Long>> membersOf = store.memberIdsOfAll(association.id());
		Map<Long, Budget> budgetOf = filter.year() == null ? Map.of() : store.budgetsOfAll(association.id(), filter.year());
		return store.all(association.id()).stream()
			.filter(core -> visible.allows(core.id()))
			.filter(core -> filter.kind() == null || core.kind() == filter.kind())
			.filter(core -> filter.status() == null || core.status() == filter.status())
			.map(core -> {
				List<Long> members = membersOf.getOrDefault(core.id(), List.of());
				Budget budget = budgetOf.get(core.id());
				return new InterventionSummary(core.id(), core.name(), core.kind(), core.status(), core.startDate(),
						core.endDate(), budget == null ? null : budget.amount(),
						budget == null ? null : budget.plannedParticipants(), members);
			})
			.filter(summary -> filter.memberId() == null || summary.memberIds().contains(filter.memberId()))
			.filter(summary -> filter.year() == null || summary.budget() != null || runsIn(summary, filter.year()))
			.sorted(java.util.Comparator.comparing(InterventionSummary::kind)
				.thenComparing(InterventionSummary::name, SwedishFormat.ORDER))
			.toList();
	}

	private static boolean runsIn(InterventionSummary summary, int year) {
		return (summary.startDate() == null || summary.startDate().getYear() <= year)
				&& (summary.endDate() == null || summary.endDate().getYear() >= year)
				&& summary.startDate() != null;
	}

	public InterventionDetails get(AssociationRef association, long id) {
		InterventionStore.Core core = visible(association, id);
		return new InterventionDetails(core.id(), core.name(), core.shortDescription(), core.description(), core.kind(),
				core.followUp(), core.status(), core.startDate(), core.endDate(), core.owner(), core.locations(),
				core.evaluator(), store.memberIds(id), store.targetGroups(id), store.districtIds(id), store.leaderIds(id),
				store.budgets(id), store.targets(id), store.cofinancing(id), store.steeringGroup(id));
	}

	/** Registers an insats with everything it has; it starts as a proposal unless the command says otherwise. */
	@Transactional
	public long create(AssociationRef association, InterventionCommand command) {
		Checks checks = new Checks();
		var valid = InterventionRules.check(command, context(association), true, checks);
		checks.check(valid.name() == null || !store.nameTaken(association.id(), valid.name(), null), "name",
				"intervention.name.taken");
		checks.throwIfAny();
		long id = store.insert(association.id(), valid, clock.instant());
		replaceParts(id, command, true);
		audit.record(AuditAction.INTERVENTION_CREATED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
		events.publishEvent(new InterventionChanged(association.id(), id));
		return id;
	}

	/**
	 * Replaces an insats' description, members, groups and districts and, when {@code withLines}, its
	 * budgets, targets, co-financing and steering group too (the API's PUT). The status changes only
	 * through {@link #decide}.
	 */
	@Transactional
	public void update(AssociationRef association, long id, InterventionCommand command, boolean withLines) {
		manageable(association, id);
		Checks checks = new Checks();
		var valid = InterventionRules.check(command, context(association), false, checks);
		checks.check(valid.name() == null || !store.nameTaken(association.id(), valid.name(), id), "name",
				"intervention.name.taken");
		checks.throwIfAny();
		store.update(id, valid, clock.instant());
		replaceParts(id, command, withLines);
		audit.record(AuditAction.INTERVENTION_UPDATED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
		events.publishEvent(new InterventionChanged(association.id(), id));
	}

	private void replaceParts(long id, InterventionCommand command, boolean withLines) {
		store.replaceMembers(id, command.memberIds());
		store.replaceTargetGroups(id, command.targetGroups());
		store.replaceDistricts(id, command.districtIds());
		if (withLines) {
			store.replaceBudgets(id, command.budgets());
			store.replaceTargets(id, command.targets());
			store.replaceCofinancing(id, command.cofinancing());
			store.replaceSteeringGroup(id, command.steeringGroup());
		}
	}

	@Transactional
	public void saveBudget(AssociationRef association, long id, BudgetLine line) {
		manageable(association, id);
		Checks checks = new Checks();
		InterventionRules.budget(line, "", checks);
		checks.throwIfAny();
		store.saveBudget(id, line);
		audit.record(AuditAction.INTERVENTION_BUDGET_SAVED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id),
				line.year() + ": " + line.amountKr());
	}

	@Transactional
	public void deleteBudget(AssociationRef association, long id, int year) {
		manageable(association, id);
		if (store.deleteBudget(id, year) == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.INTERVENTION_BUDGET_DELETED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), String.valueOf(year));
	}

	/** Money from another funder for a year, e.g. the European Social Fund. */
	@Transactional
	public void addCofinancing(AssociationRef association, long id, InterventionCommand.Cofinancing line) {
		manageable(association, id);
		Checks checks = new Checks();
		InterventionRules.cofinancing(line, "", checks);
		checks.check(store.cofinancing(id).size() < InterventionRules.MAX_COFINANCING, "funder", "validation.full",
				InterventionRules.MAX_COFINANCING);
		checks.throwIfAny();
		store.insertCofinancing(id, line);
		audit.record(AuditAction.INTERVENTION_COFINANCING_ADDED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
	}

	@Transactional
	public void deleteCofinancing(AssociationRef association, long id, long lineId) {
		manageable(association, id);
		if (store.deleteCofinancing(id, lineId) == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.INTERVENTION_COFINANCING_DELETED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
	}

	@Transactional
	public void addSteeringGroupSeat(AssociationRef association, long id, InterventionCommand.SteeringGroupMember seat) {
		manageable(association, id);
		Checks checks = new Checks();
		InterventionRules.seat(seat, context(association), "", checks);
		checks.check(store.steeringGroup(id).size() < InterventionRules.MAX_STEERING_GROUP, "name", "validation.full",
				InterventionRules.MAX_STEERING_GROUP);
		checks.throwIfAny();
		store.insertSeat(id, seat);
		audit.record(AuditAction.INTERVENTION_STEERING_GROUP_CHANGED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
	}

	@Transactional
	public void deleteSteeringGroupSeat(AssociationRef association, long id, long seatId) {
		manageable(association, id);
		if (store.deleteSeat(id, seatId) == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.INTERVENTION_STEERING_GROUP_CHANGED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
	}

	@Transactional
	public long addTarget(AssociationRef association, long id, TargetDefinition target) {
		manageable(association, id);
		Checks checks = new Checks();
		InterventionRules.target(target, context(association), "", checks);
		checks.check(store.targets(id).size() < InterventionRules.MAX_TARGETS, "text", "validation.full",
				InterventionRules.MAX_TARGETS);
		checks.throwIfAny();
		long targetId = store.insertTarget(id, target);
		audit.record(AuditAction.INTERVENTION_TARGET_ADDED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), String.valueOf(targetId));
		return targetId;
	}

	@Transactional
	public void deleteTarget(AssociationRef association, long id, long targetId) {
		manageable(association, id);
		if (store.deleteTarget(id, targetId) == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.INTERVENTION_TARGET_DELETED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), String.valueOf(targetId));
	}

	/** Reports the value of a target that is followed up by hand: who, when, from what source. */
	@Transactional
	public void reportTarget(AssociationRef association, long id, long targetId, BigDecimal value, String source) {
		manageable(association, id);
		Checks checks = new Checks();
		checks.check(value != null && value.signum() >= 0, "value", "target.value.required");
		String cleanSource = checks.text(source, 500, "source");
		checks.throwIfAny();
		SamsynUser user = access.requireUser();
		if (store.reportTarget(id, targetId, value, user.username(), LocalDate.now(clock), cleanSource) == 0) {
			throw new NotFoundException();
		}
		audit.record(AuditAction.INTERVENTION_TARGET_REPORTED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), String.valueOf(targetId));
	}

	/** How each target stands. Until the follow-up holds the data a target needs, it is not measurable yet. */
	public Map<Long, TargetStatus> targetStatuses(AssociationRef association, long id) {
		visible(association, id);
		List<FidelityAssessment> fidelity = store.fidelity(id);
		return store.targets(id).stream().collect(Collectors.toMap(Target::id, target -> switch (target.metric()) {
			case MANUAL -> TargetStatus.of(target.manualValue(), target.comparator(), target.threshold(), target.tolerance());
			case FIDELITY_SCORE -> fidelity.stream()
				.filter(assessment -> assessment.assessedOn().getYear() == target.year())
				.findFirst()
				.map(assessment -> TargetStatus.of(BigDecimal.valueOf(assessment.score().total()), target.comparator(),
						target.threshold(), target.tolerance()))
				.orElse(TargetStatus.notMeasurable());
			default -> TargetStatus.notMeasurable();
		}));
	}

	/** A step in the insats' life, by the beredningsgrupp, the board or the kansli. */
	public record DecisionCommand(String action, String decidedOn, String reference, Long amountKr, String periodStart,
			String periodEnd, String note) {
	}

	/** The steps and the status each leads to. */
	public enum Step {
		PREPARE(InterventionStatus.PREPARED, AuditAction.INTERVENTION_PREPARE),
		APPROVE(InterventionStatus.DECIDED, AuditAction.INTERVENTION_APPROVE),
		REJECT(InterventionStatus.REJECTED, AuditAction.INTERVENTION_REJECT),
		START(InterventionStatus.ONGOING, AuditAction.INTERVENTION_START),
		END(InterventionStatus.ENDED, AuditAction.INTERVENTION_END),
		IMPLEMENT(InterventionStatus.IMPLEMENTED, AuditAction.INTERVENTION_IMPLEMENT);

		private final InterventionStatus to;
		private final AuditAction audited;

		Step(InterventionStatus to, AuditAction audited) {
			this.to = to;
			this.audited = audited;
		}

		public InterventionStatus to() {
			return to;
		}
	}

	public List<Step> possibleSteps(InterventionStatus status) {
		return java.util.Arrays.stream(Step.values()).filter(step -> status.mayMoveTo(step.to())).toList();
	}

	@Transactional
	public void decide(AssociationRef association, long id, DecisionCommand command) {
		InterventionStore.Core core = manageable(association, id);
		Checks checks = new Checks();
		Step step = InterventionRules.parse(Step.class, command.action(), "action", "decision.action.required", checks);
		checks.throwIfAny();
		if (!core.status().mayMoveTo(step.to())) {
			throw ValidationException.of("action", "decision.transition", core.status().name(), step.to().name());
		}
		LocalDate decidedOn = checks.optionalDate(command.decidedOn(), "decidedOn");
		LocalDate start = core.startDate();
		LocalDate end = core.endDate();
		String reference = checks.optionalText(command.reference(), 100, "reference");
		String note = checks.optionalLines(command.note(), 1000, "note");
		if (step == Step.PREPARE || step == Step.APPROVE || step == Step.REJECT) {
			checks.check(decidedOn != null, "decidedOn", "decision.date.required");
			checks.check(decidedOn == null || !decidedOn.isAfter(LocalDate.now(clock)), "decidedOn", "decision.date.future");
		}
		if (step == Step.APPROVE) {
			checks.check(reference != null, "reference", "decision.reference.required");
			checks.check(command.amountKr() != null && command.amountKr() >= 0, "amountKr", "decision.amount.required");
			checks.check(command.amountKr() == null || command.amountKr() <= InterventionRules.MAX_KRONOR, "amountKr",
					"validation.tooLarge");
			LocalDate periodStart = checks.optionalDate(command.periodStart(), "periodStart");
			LocalDate periodEnd = checks.optionalDate(command.periodEnd(), "periodEnd");
			checks.check(periodStart != null, "periodStart", "decision.period.required");
			checks.check(periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart), "periodEnd",
					"intervention.period.order");
			start = periodStart == null ? start : periodStart;
			end = periodEnd == null ? end : periodEnd;
		}
		if (step == Step.END && end == null) {
			end = LocalDate.now(clock);
			checks.check(start == null || !end.isBefore(start), "action", "decision.end.beforeStart");
		}
		checks.throwIfAny();
		String by = access.requireUser().username();
		switch (step) {
			case PREPARE -> store.insertDecision(association.id(), id, decidedOn, DecisionBody.PREPARATORY_GROUP,
					DecisionOutcome.PREPARED, reference, null, null, null, note, by);
			case APPROVE -> store.insertDecision(association.id(), id, decidedOn, DecisionBody.BOARD,
					DecisionOutcome.APPROVED, reference, command.amountKr(), start, end, note, by);
			case REJECT -> store.insertDecision(association.id(), id, decidedOn, DecisionBody.BOARD,
					DecisionOutcome.REJECTED, reference, null, null, null, note, by);
			default -> { }
		}
		store.moveTo(id, step.to(), start, end, clock.instant());
		events.publishEvent(new InterventionChanged(association.id(), id));
		audit.record(step.audited, association.id(), AuditTarget.INTERVENTION, String.valueOf(id),
				core.status() + " -> " + step.to());
	}

	/**
	 * The public facts of an insats of the förbund, for the catalogue. Not limited by the current
	 * user: the facts hold nothing internal, and the catalogue shows only what the kansli published.
	 */
	public java.util.Optional<InterventionFacts> facts(long associationId, long id) {
		return store.find(associationId, id).map(core -> new InterventionFacts(core.id(), core.associationId(),
				core.name(), core.shortDescription(), core.kind(), core.status(), core.startDate(), core.endDate(),
				store.memberIds(id), store.targetGroups(id), store.districtIds(id)));
	}

	public List<Decision> decisions(AssociationRef association) {
		return scope(association, Permission.VIEW_ALL_INTERVENTIONS)
			.filter(store.decisions(association.id(), null), Decision::interventionId).toList();
	}

	public List<Decision> decisions(AssociationRef association, long id) {
		visible(association, id);
		return store.decisions(association.id(), id);
	}

	@Transactional
	public void assessFidelity(AssociationRef association, long id, String assessedOn, String assessor,
			List<Integer> items, String note) {
		manageable(association, id);
		Checks checks = new Checks();
		LocalDate date = checks.optionalDate(assessedOn, "assessedOn");
		checks.check(date != null, "assessedOn", "validation.required");
		checks.check(date == null || !date.isAfter(LocalDate.now(clock)), "assessedOn", "decision.date.future");
		String who = checks.text(assessor, 200, "assessor");
		String cleanNote = checks.optionalLines(note, 1000, "note");
		for (int i = 0; i < FidelityScore.ITEMS; i++) {
			Integer score = items != null && i < items.size() ? items.get(i) : null;
			checks.check(score != null && score >= 1 && score <= 5, "item" + (i + 1), "fidelity.item.range");
		}
		checks.throwIfAny();
		store.insertFidelity(id, date, who, new FidelityScore(items), cleanNote);
		audit.record(AuditAction.FIDELITY_ASSESSED, association.id(), AuditTarget.INTERVENTION, String.valueOf(id), null);
	}

	public List<FidelityAssessment> fidelity(AssociationRef association, long id) {
		visible(association, id);
		return store.fidelity(id);
	}

	/** Who leads the insats: project leaders of the förbund, who then see it and its participants. */
	@Transactional
	public void setLeaders(AssociationRef association, long id, Collection<Long> userIds, Set<Long> projectLeaders) {
		manageable(association, id);
		if (!projectLeaders.containsAll(userIds)) {
			throw ValidationException.of("leaderIds", "validation.choice");
		}
		store.replaceLeaders(id, userIds);
		audit.record(AuditAction.INTERVENTION_LEADERS_SET, association.id(), AuditTarget.INTERVENTION, String.valueOf(id),
				userIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
	}

	/** The budget table for the given years, over the insatser the user may see. */
	public BudgetTable budgetTable(AssociationRef association, List<Integer> years) {
		return BudgetTable.of(years, store.budgetLines(association.id(), scope(association, Permission.VIEW_ALL_INTERVENTIONS)));
	}

	/**
	 * Every insats' budget lines for the förbund's own budget (finance), whoever asks: amounts per
	 * insats are the plan's public figures, not personal data.
	 */
	public List<BudgetTable.Line> budgetLines(long associationId) {
		return store.budgetLines(associationId, InterventionScope.all());
	}

	/** The years with budgets among the insatser the user may see. */
	public List<Integer> budgetYears(AssociationRef association) {
		InterventionScope visible = scope(association, Permission.VIEW_ALL_INTERVENTIONS);
		if (visible.isAll()) {
			return store.budgetYears(association.id());
		}
		return store.budgetLines(association.id(), visible).stream().map(BudgetTable.Line::year).distinct().sorted().toList();
	}

	/**
	 * The insatser of the förbund the current user may reach with {@code everything} (a permission that covers every
	 * insats, as {@link Permission#VIEW_ALL_INTERVENTIONS} or {@link Permission#PERSONAL_DATA}): all of them with it,
	 * those they lead with {@link Permission#PERSONAL_DATA_OWN_INTERVENTIONS}, else none.
	 */
	public InterventionScope scope(AssociationRef association, Permission everything) {
		SamsynUser user = access.requireUser();
		if (user.mayIn(association.id(), everything)) {
			return InterventionScope.all();
		}
		if (user.mayIn(association.id(), Permission.PERSONAL_DATA_OWN_INTERVENTIONS)) {
			return InterventionScope.only(store.ledBy(association.id(), user.id()));
		}
		return InterventionScope.only(Set.of());
	}

	/** The names of the förbund's insatser by id, for lists that show only ids they are allowed to. */
	public Map<Long, String> names(AssociationRef association) {
		Map<Long, String> names = new java.util.LinkedHashMap<>();
		store.all(association.id()).forEach(core -> names.put(core.id(), core.name()));
		return names;
	}

	/** The names of the förbund's insatser of one kind, in Swedish order. */
	public Map<Long, String> names(AssociationRef association, InterventionKind kind) {
		Map<Long, String> names = new java.util.LinkedHashMap<>();
		store.all(association.id()).stream().filter(core -> core.kind() == kind)
			.sorted(java.util.Comparator.comparing(InterventionStore.Core::name, SwedishFormat.ORDER))
			.forEach(core -> names.put(core.id(), core.name()));
		return names;
	}

	private InterventionStore.Core visible(AssociationRef association, long id) {
		InterventionStore.Core core = store.find(association.id(), id).orElseThrow(NotFoundException::new);
		if (!scope(association, Permission.VIEW_ALL_INTERVENTIONS).allows(id)) {
			throw new NotFoundException();
		}
		return core;
	}

	private InterventionStore.Core manageable(AssociationRef association, long id) {
		InterventionStore.Core core = visible(association, id);
		if (!access.requireUser().mayIn(association.id(), Permission.MANAGE_INTERVENTIONS)) {
			throw new org.springframework.security.access.AccessDeniedException("May not change insatser");
		}
		return core;
	}

	private InterventionRules.Context context(AssociationRef association) {
		Set<Long> members = structure.members(association.id()).stream().map(member -> member.id()).collect(Collectors.toSet());
		Set<Long> districts = structure.districts(association.id()).stream().map(district -> district.id()).collect(Collectors.toSet());
		Map<String, String> groups = codeLists.labels(CodeLists.TARGET_GROUP, association.id(), null);
		Map<String, String> reasons = codeLists.labels(CodeLists.EXIT_REASON, association.id(), null);
		return new InterventionRules.Context() {
			@Override
			public Set<Long> memberIds() {
				return members;
			}

			@Override
			public Set<Long> districtIds() {
				return districts;
			}

			@Override
			public boolean targetGroup(String code) {
				return groups.containsKey(code);
			}

			@Override
			public boolean exitReason(String code) {
				return reasons.containsKey(code);
			}
		};
	}
}
