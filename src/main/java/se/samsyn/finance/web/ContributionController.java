package se.samsyn.finance.web;

import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.MemberKind;
import se.samsyn.finance.Contributions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The members' contributions for a year: the total and populations in, each member's part out. */
@Controller
class ContributionController {

	private final AccessControl access;
	private final Contributions contributions;
	private final AssociationStructure structure;
	private final FormErrors formErrors;
	private final Clock clock;

	ContributionController(AccessControl access, Contributions contributions, AssociationStructure structure,
			FormErrors formErrors, Clock clock) {
		this.access = access;
		this.contributions = contributions;
		this.structure = structure;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/forbund/{associationCode}/medlemsavgifter")
	String page(@PathVariable String associationCode, @RequestParam(required = false) Integer year, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		List<Integer> years = contributions.years(association);
		int shown = year != null ? year : years.isEmpty() ? Year.now(clock).getValue() : years.get(years.size() - 1);
		var current = contributions.year(association, shown);
		Map<String, String> form = new HashMap<>();
		current.ifPresent(c -> {
			form.put("totalKr", String.valueOf(c.total().value()));
			form.put("populationDate", c.populationDate() == null ? "" : c.populationDate().toString());
			c.populations().forEach((municipality, population) -> form.put("population-" + municipality, String.valueOf(population)));
			c.offers().forEach((member, offer) -> form.put("offer-" + member, String.valueOf(offer)));
		});
		return show(association, shown, years, current.orElse(null), form, model);
	}

	@PostMapping("/forbund/{associationCode}/medlemsavgifter")
	String save(@PathVariable String associationCode, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		int year;
		try {
			year = Integer.parseInt(form.getOrDefault("year", "").trim());
		}
		catch (NumberFormatException ex) {
			year = 0;
		}
		Map<Long, String> populations = numbered(form, "population-");
		Map<Long, String> offers = numbered(form, "offer-");
		offers.values().removeIf(value -> value == null || value.isBlank());
		try {
			contributions.save(association, year, form.get("totalKr"), form.get("populationDate"), populations, offers);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return show(association, year, contributions.years(association), null, form, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/medlemsavgifter?year=" + year;
	}

	/** The form fields named {@code prefix<id>}, by id. */
	private static Map<Long, String> numbered(Map<String, String> form, String prefix) {
		Map<Long, String> out = new HashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith(prefix)) {
				try {
					out.put(Long.valueOf(name.substring(prefix.length())), value);
				}
				catch (NumberFormatException ignored) {
					// not a field of ours
				}
			}
		});
		return out;
	}

	private String show(AssociationRef association, int year, List<Integer> years, Contributions.YearContributions current,
			Map<String, String> form, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("years", years);
		model.addAttribute("contributions", current);
		model.addAttribute("form", form);
		model.addAttribute("municipalities", structure.members(association.id()).stream()
			.filter(member -> member.kind() == MemberKind.MUNICIPALITY && member.municipalityId() != null).toList());
		model.addAttribute("payers", contributions.payers(association));
		model.addAttribute("canManage", access.requireUser().mayIn(association.id(), Permission.MANAGE_FINANCE));
		return "finance/contributions";
	}
}
