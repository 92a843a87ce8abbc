package se.samsyn.intervention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.samsyn.platform.Kronor;

/** Read models of insatser for pages and the API. */
public final class InterventionViews {

	private InterventionViews() {
	}

	/** A row of the insats list; {@code budget} and {@code plannedParticipants} are for the chosen year. */
	public record InterventionSummary(long id, String name, InterventionKind kind, InterventionStatus status,
			LocalDate startDate, LocalDate endDate, Kronor budget, Integer plannedParticipants, List<Long> memberIds) {
	}

	public record InterventionDetails(long id, String name, String shortDescription, String description,
			InterventionKind kind, FollowUpMethod followUp, InterventionStatus status, LocalDate startDate,
			LocalDate endDate, String owner, String locations, String evaluator, List<Long> memberIds,
			List<String> targetGroups, List<Long> districtIds, List<Long> leaderIds, List<Budget> budgets,
			List<Target> targets, List<CofinancingLine> cofinancing, List<SteeringGroupSeat> steeringGroup) {
	}

	public record Budget(int year, Kronor amount, Integer plannedParticipants, Kronor actual) {
	}

	public record Target(long id, int year, String text, TargetMetric metric, TargetComparator comparator,
			BigDecimal threshold, BigDecimal tolerance, List<String> exitReasons, String referrerKind, Integer months,
			boolean includePartly, BigDecimal manualValue, String reportedBy, LocalDate reportedOn, String source) {
	}

	public record CofinancingLine(long id, String funder, String project, int year, Kronor amount) {
	}

	public record SteeringGroupSeat(long id, String name, String role, Long memberId) {
	}

	public record Decision(long id, long interventionId, String interventionName, LocalDate decidedOn,
			DecisionBody body, DecisionOutcome outcome, String reference, Kronor amount, LocalDate periodStart,
			LocalDate periodEnd, String note, String recordedBy) {
	}

	public record FidelityAssessment(long id, LocalDate assessedOn, String assessor, FidelityScore score, String note) {
	}
}
