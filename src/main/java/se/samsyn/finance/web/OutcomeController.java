package se.samsyn.finance.web;

import java.io.IOException;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.finance.Outcomes;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** Budget against outcome, the account mapping and the SIE 4 import. */
@Controller
class OutcomeController {

	private final AccessControl access;
	private final Outcomes outcomes;
	private final FormErrors formErrors;

	OutcomeController(AccessControl access, Outcomes outcomes, FormErrors formErrors) {
		this.access = access;
		this.outcomes = outcomes;
		this.formErrors = formErrors;
	}

	@GetMapping("/forbund/{associationCode}/ekonomi/{year}/utfall")
	String page(@PathVariable String associationCode, @PathVariable int year, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return show(association, year, null, model);
	}

	@PostMapping("/forbund/{associationCode}/ekonomi/{year}/utfall/kontoplan")
	String saveMappings(@PathVariable String associationCode, @PathVariable int year,
			@RequestParam(defaultValue = "") String mappings, Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		try {
			outcomes.saveMappings(association, mappings);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return show(association, year, mappings, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/ekonomi/" + year + "/utfall";
	}

	@PostMapping("/forbund/{associationCode}/ekonomi/{year}/utfall/sie")
	String importSie(@PathVariable String associationCode, @PathVariable int year,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		try {
			int rows = outcomes.importSie(association, year, file == null ? null : file.getBytes());
			redirect.addFlashAttribute("notice", formErrors.message("outcome.imported", rows));
		}
		catch (ValidationException ex) {
			model.addAttribute("importProblems", formErrors.of(ex));
			return show(association, year, null, model);
		}
		return "redirect:/forbund/" + association.code() + "/ekonomi/" + year + "/utfall";
	}

	@PostMapping("/forbund/{associationCode}/ekonomi/{year}/utfall/manad")
	String enter(@PathVariable String associationCode, @PathVariable int year, @RequestParam java.util.Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		try {
			var checks = new se.samsyn.platform.Checks();
			Integer month = checks.optionalInt(form.get("month"), "month");
			Long amount = checks.optionalWhole(form.get("amountKr"), "amountKr");
			checks.throwIfAny();
			outcomes.enter(association, year, form.get("lineCode"), month, amount);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return show(association, year, null, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/ekonomi/" + year + "/utfall";
	}

	private String show(AssociationRef association, int year, String mappingText, Model model) {
		model.addAttribute("year", year);
		try {
			model.addAttribute("comparison", outcomes.compare(association, year));
		}
		catch (se.samsyn.platform.NotFoundException ex) {
			model.addAttribute("comparison", null);
		}
		model.addAttribute("mappings", mappingText != null ? mappingText : outcomes.mappings(association).stream()
			.map(m -> (m.from().equals(m.to()) ? m.from() : m.from() + "-" + m.to()) + " = " + m.code())
			.collect(Collectors.joining("\n")));
		model.addAttribute("canManage", access.requireUser().mayIn(association.id(), Permission.MANAGE_FINANCE));
		return "finance/outcome";
	}
}
