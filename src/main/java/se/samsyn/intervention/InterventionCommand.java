package se.samsyn.intervention;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything that describes an insats, as typed into a form or sent to the API. Choices and dates
 * are text so that a wrong value becomes a clear message on its field rather than a parse failure.
 */
public record InterventionCommand(String name, String shortDescription, String description, String kind,
		String followUp, String status, String startDate, String endDate, String owner, String locations,
		String evaluator, List<Long> memberIds, List<String> targetGroups, List<Long> districtIds,
		List<BudgetLine> budgets, List<TargetDefinition> targets, List<Cofinancing> cofinancing,
		List<SteeringGroupMember> steeringGroup) {

	public InterventionCommand {
		memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
		targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
		districtIds = districtIds == null ? List.of() : List.copyOf(districtIds);
		budgets = budgets == null ? List.of() : List.copyOf(budgets);
		targets = targets == null ? List.of() : List.copyOf(targets);
		cofinancing = cofinancing == null ? List.of() : List.copyOf(cofinancing);
		steeringGroup = steeringGroup == null ? List.of() : List.copyOf(steeringGroup);
	}

	/** One year of an insats' budget. */
	public record BudgetLine(Integer year, Long amountKr, Integer plannedParticipants, Long actualKr) {
	}

	/** A target: the plan's wording and how to measure it. */
	public record TargetDefinition(Integer year, String text, String metric, String comparator, BigDecimal threshold,
			BigDecimal tolerance, List<String> exitReasons, String referrerKind, Integer months, Boolean includePartly) {

		public TargetDefinition {
			exitReasons = exitReasons == null ? List.of() : List.copyOf(exitReasons);
		}
	}

	/** Money from another funder, e.g. the European Social Fund. */
	public record Cofinancing(String funder, String project, Integer year, Long amountKr) {
	}

	public record SteeringGroupMember(String name, String role, Long memberId) {
	}
}
