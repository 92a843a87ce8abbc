package se.samsyn.intervention.web;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;

/** The plan's tables across insatser: the multi-year budget table and the log of decisions. */
@Controller
class PlanController {

	private static final int COLUMNS = 4;

	private final AccessControl access;
	private final Interventions interventions;
	private final Clock clock;

	PlanController(AccessControl access, Interventions interventions, Clock clock) {
		this.access = access;
		this.interventions = interventions;
		this.clock = clock;
	}

	/** Four years from {@code from}: by default the last year with budgets and the ones around it, as in Tabell 5. */
	@GetMapping("/forbund/{associationCode}/budget")
	String budgetTable(@PathVariable String associationCode, @RequestParam(required = false) Integer from, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		List<Integer> known = interventions.budgetYears(association);
		int first = from != null ? from
				: known.isEmpty() ? Year.now(clock).getValue() : Math.max(known.get(0), known.get(known.size() - 1) - COLUMNS + 1);
		List<Integer> years = new ArrayList<>();
		for (int year = first; year < first + COLUMNS; year++) {
			years.add(year);
		}
		model.addAttribute("table", interventions.budgetTable(association, years));
		model.addAttribute("from", first);
		model.addAttribute("knownYears", known);
		model.addAttribute("currentYear", Year.now(clock).getValue());
		return "intervention/budget-table";
	}

	@GetMapping("/forbund/{associationCode}/beslut")
	String decisions(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		model.addAttribute("decisions", interventions.decisions(association));
		return "intervention/decisions";
	}
}
