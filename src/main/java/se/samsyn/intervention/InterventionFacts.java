package se.samsyn.intervention;

import java.time.LocalDate;
import java.util.List;

/**
 * The public facts of an insats, for the catalogue: nothing about budgets, targets, decisions,
 * participants or internal notes.
 */
public record InterventionFacts(long id, long associationId, String name, String shortDescription,
		InterventionKind kind, InterventionStatus status, LocalDate startDate, LocalDate endDate, List<Long> memberIds,
		List<String> targetGroups, List<Long> districtIds) {

	/** Running or decided, and not ended: what a citizen can still get. */
	public boolean current(LocalDate today) {
		return (status == InterventionStatus.ONGOING || status == InterventionStatus.DECIDED)
				&& (endDate == null || !endDate.isBefore(today));
	}
}
