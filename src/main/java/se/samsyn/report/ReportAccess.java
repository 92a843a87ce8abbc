package se.samsyn.report;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.access.SamsynUser;
import se.samsyn.intervention.InterventionKind;
import se.samsyn.intervention.InterventionScope;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;

/**
 * Who sees which report: everyone with a role in the förbund sees its aggregated follow-up, a
 * project leader only of the insatser they lead. Roles without personal-data access (the board,
 * member contacts) always get suppressed figures; so does anything marked for publication.
 */
@Component
public class ReportAccess {

	private final AccessControl access;
	private final Interventions interventions;

	ReportAccess(AccessControl access, Interventions interventions) {
		this.access = access;
		this.interventions = interventions;
	}

	/** What the current user may report on in a förbund. */
	public record Grant(AssociationRef association, List<Choice> interventions, boolean exact) {

		/** Exact figures only for personal-data roles, and never in a publication. */
		public boolean suppressed(boolean publication) {
			return publication || !exact;
		}

		/** The selection, checked: every id must be one of the user's insatser; none means all of them. */
		public List<Long> select(List<Long> ids) {
			List<Long> allowed = interventions.stream().map(Choice::id).toList();
			if (ids == null || ids.isEmpty()) {
				return allowed;
			}
			for (Long id : ids) {
				if (!allowed.contains(id)) {
					throw new NotFoundException();
				}
			}
			return List.copyOf(new java.util.LinkedHashSet<>(ids));
		}
	}

	public record Choice(long id, String name) {
	}

	public Grant grant(String associationCode) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		SamsynUser user = access.requireUser();
		InterventionScope visible = interventions.scope(association, Permission.VIEW_ALL_INTERVENTIONS);
		if (visible.isEmpty()) {
			throw new AccessDeniedException("No insatser to report on");
		}
		List<Choice> choices = interventions.names(association, InterventionKind.INDIVIDUAL).entrySet().stream()
			.filter(e -> visible.allows(e.getKey()))
			.map(e -> new Choice(e.getKey(), e.getValue())).toList();
		boolean exact = user.mayIn(association.id(), Permission.PERSONAL_DATA)
				|| user.mayIn(association.id(), Permission.PERSONAL_DATA_OWN_INTERVENTIONS);
		return new Grant(association, choices, exact);
	}
}
