package se.samsyn.followup.statistics;

import java.util.Collection;
import java.util.List;

import se.samsyn.intervention.InterventionScope;

/** Which records a count reads: of these förbund, and of their insatser in {@code interventions}. */
public record Selection(List<Long> associationIds, InterventionScope interventions) {

	public Selection {
		associationIds = List.copyOf(associationIds);
		java.util.Objects.requireNonNull(interventions, "a selection names its insatser: InterventionScope.all() for every one");
	}

	public static Selection of(long associationId, InterventionScope interventions) {
		return new Selection(List.of(associationId), interventions);
	}

	public static Selection of(Collection<Long> associationIds, InterventionScope interventions) {
		return new Selection(List.copyOf(associationIds), interventions);
	}
}
