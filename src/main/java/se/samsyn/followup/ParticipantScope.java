package se.samsyn.followup;


import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.access.SamsynUser;
import se.samsyn.intervention.InterventionFacts;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;

/**
 * Who may see which participants: the kansli (personal-data permission) every insats of the
 * förbund, a project leader only the insatser they lead, everyone else nobody. An insats outside
 * the förbund is 404; one the user may not handle is 403 for a project leader of the förbund.
 */
@Component
public class ParticipantScope {

	private final AccessControl access;
	private final Interventions interventions;

	ParticipantScope(AccessControl access, Interventions interventions) {
		this.access = access;
		this.interventions = interventions;
	}

	/** The förbund, when the user may handle personal data in at least one of its insatser. */
	public AssociationRef association(String associationCode) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		SamsynUser user = access.requireUser();
		if (!user.mayIn(association.id(), Permission.PERSONAL_DATA)
				&& !user.mayIn(association.id(), Permission.PERSONAL_DATA_OWN_INTERVENTIONS)) {
			throw new AccessDeniedException("No personal data in this förbund");
		}
		return association;
	}

	/** The insatser whose participants the user may handle: every one with the personal-data permission, else those they lead. */
	public InterventionScope interventions(AssociationRef association) {
		return interventions.scope(association, Permission.PERSONAL_DATA);
	}

	/** The insats, when it belongs to the förbund and the user may handle its participants. */
	public InterventionFacts intervention(AssociationRef association, long interventionId) {
		InterventionFacts facts = interventions.facts(association.id(), interventionId).orElseThrow(NotFoundException::new);
		if (!interventions(association).allows(interventionId)) {
			throw new AccessDeniedException("Not one of the user's insatser");
		}
		return facts;
	}

	public boolean allows(AssociationRef association, long interventionId) {
		return interventions(association).allows(interventionId);
	}
}
