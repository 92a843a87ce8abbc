package se.samsyn.intervention.web;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.access.Role;
import se.samsyn.access.UserManagement;
import se.samsyn.association.AssociationStructure;
import se.samsyn.intervention.FidelityScore;
import se.samsyn.intervention.InterventionKind;
import se.samsyn.intervention.InterventionStatus;
import se.samsyn.intervention.Interventions;
import se.samsyn.intervention.TargetComparator;
import se.samsyn.intervention.TargetMetric;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.CodeLists;

/** What the insats pages show besides the insats itself: names of members, districts, codes and leaders. */
@Component
class InterventionPages {

	private final AccessControl access;
	private final Interventions interventions;
	private final AssociationStructure structure;
	private final CodeLists codeLists;
	private final UserManagement users;
	private final Clock clock;

	InterventionPages(AccessControl access, Interventions interventions, AssociationStructure structure,
			CodeLists codeLists, UserManagement users, Clock clock) {
		this.access = access;
		this.interventions = interventions;
		this.structure = structure;
		this.codeLists = codeLists;
		this.users = users;
		this.clock = clock;
	}

	/** The choices of the insats form. */
	void formChoices(AssociationRef association, Model model) {
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("members", structure.members(association.id()));
		model.addAttribute("districts", structure.districts(association.id()));
		model.addAttribute("targetGroupChoices", codeLists.entries(CodeLists.TARGET_GROUP, association.id(),
				LocaleContextHolder.getLocale()));
	}

	/** Everything the detail page needs. */
	void detail(AssociationRef association, long id, Model model) {
		var details = interventions.get(association, id);
		model.addAttribute("intervention", details);
		model.addAttribute("statuses", interventions.targetStatuses(association, id));
		model.addAttribute("decisions", interventions.decisions(association, id));
		model.addAttribute("fidelity", interventions.fidelity(association, id));
		var steps = interventions.possibleSteps(details.status());
		model.addAttribute("steps", steps);
		model.addAttribute("stepNames", steps.stream().map(Enum::name).toList());
		model.addAttribute("memberNames", names(structure.members(association.id()), m -> m.id(), m -> m.name()));
		model.addAttribute("districtNames", names(structure.districts(association.id()), d -> d.id(), d -> d.name()));
		model.addAttribute("targetGroupNames", codeLists.labels(CodeLists.TARGET_GROUP, association.id(),
				LocaleContextHolder.getLocale()));
		model.addAttribute("exitReasons", codeLists.entries(CodeLists.EXIT_REASON, association.id(),
				LocaleContextHolder.getLocale()));
		model.addAttribute("exitReasonNames", codeLists.labels(CodeLists.EXIT_REASON, association.id(),
				LocaleContextHolder.getLocale()));
		model.addAttribute("metrics", TargetMetric.values());
		model.addAttribute("comparators", TargetComparator.values());
		model.addAttribute("fidelityItems", FidelityScore.ITEMS);
		boolean manage = access.requireUser().mayIn(association.id(), Permission.MANAGE_INTERVENTIONS);
		model.addAttribute("canManage", manage);
		var all = manage ? users.usersIn(association.id()) : List.<UserManagement.UserSummary>of();
		model.addAttribute("leaderChoices", all.stream().filter(user -> user.roles().contains(Role.PROJECT_LEADER)).toList());
		model.addAttribute("leaderNames", names(all, u -> u.id(), u -> u.displayName()));
		model.addAttribute("currentYear", Year.now(clock).getValue());
	}

	void listChoices(AssociationRef association, Model model) {
		model.addAttribute("kinds", InterventionKind.values());
		model.addAttribute("statusChoices", InterventionStatus.values());
		model.addAttribute("members", structure.members(association.id()));
		model.addAttribute("memberNames", names(structure.members(association.id()), m -> m.id(), m -> m.name()));
		model.addAttribute("canManage", access.requireUser().mayIn(association.id(), Permission.MANAGE_INTERVENTIONS));
	}

	java.util.Set<Long> projectLeaderIds(AssociationRef association) {
		return users.usersIn(association.id()).stream()
			.filter(user -> user.roles().contains(Role.PROJECT_LEADER))
			.map(UserManagement.UserSummary::id)
			.collect(Collectors.toSet());
	}

	private static <T> Map<Long, String> names(List<T> items, Function<T, Long> id, Function<T, String> name) {
		return items.stream().collect(Collectors.toMap(id, name, (a, b) -> a));
	}
}
