package se.samsyn.intervention.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.intervention.InterventionCommand;
import se.samsyn.intervention.InterventionKind;
import se.samsyn.intervention.InterventionStatus;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The förbund's list of insatser, an insats' page, and the form to register or change one. */
@Controller
@RequestMapping("/forbund/{associationCode}/insatser")
class InterventionController {

	private final AccessControl access;
	private final Interventions interventions;
	private final InterventionPages pages;
	private final FormErrors formErrors;

	InterventionController(AccessControl access, Interventions interventions, InterventionPages pages, FormErrors formErrors) {
		this.access = access;
		this.interventions = interventions;
		this.pages = pages;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(@PathVariable String associationCode, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) InterventionKind kind, @RequestParam(required = false) InterventionStatus status,
			@RequestParam(required = false) Long member, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		var filter = new Interventions.Filter(year, kind, status, member);
		model.addAttribute("filter", filter);
		model.addAttribute("interventions", interventions.list(association, filter));
		model.addAttribute("years", interventions.budgetYears(association));
		pages.listChoices(association, model);
		return "intervention/list";
	}

	@GetMapping("/ny")
	String newForm(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		return form(association, null, new InterventionForm("", "", "", "INDIVIDUAL", "", "", "", "", "", "",
				List.of(), List.of(), List.of()), model);
	}

	@PostMapping("/ny")
	String create(@PathVariable String associationCode, InterventionForm form,
			@RequestParam(required = false) List<Long> memberIds, @RequestParam(required = false) List<String> targetGroups,
			@RequestParam(required = false) List<Long> districtIds, Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		InterventionForm full = form.with(memberIds, targetGroups, districtIds);
		try {
			long id = interventions.create(association, full.command());
			redirect.addFlashAttribute("notice", formErrors.message("intervention.created"));
			return "redirect:/forbund/" + association.code() + "/insatser/" + id;
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return form(association, null, full, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable String associationCode, @PathVariable long id, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		pages.detail(association, id, model);
		return "intervention/detail";
	}

	@GetMapping("/{id}/redigera")
	String editForm(@PathVariable String associationCode, @PathVariable long id, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		var details = interventions.get(association, id);
		return form(association, id, new InterventionForm(details.name(), text(details.shortDescription()),
				text(details.description()), details.kind().name(), details.followUp().name(), text(details.startDate()),
				text(details.endDate()), text(details.owner()), text(details.locations()), text(details.evaluator()),
				details.memberIds(), details.targetGroups(), details.districtIds()), model);
	}

	@PostMapping("/{id}/redigera")
	String update(@PathVariable String associationCode, @PathVariable long id, InterventionForm form,
			@RequestParam(required = false) List<Long> memberIds, @RequestParam(required = false) List<String> targetGroups,
			@RequestParam(required = false) List<Long> districtIds, Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
		interventions.get(association, id);
		InterventionForm full = form.with(memberIds, targetGroups, districtIds);
		try {
			interventions.update(association, id, full.command(), false);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return form(association, id, full, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/insatser/" + id;
	}

	private String form(AssociationRef association, Long id, InterventionForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("entityId", id);
		pages.formChoices(association, model);
		return "intervention/form";
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** The insats form as typed; the lists come from checkboxes. */
	record InterventionForm(String name, String shortDescription, String description, String kind, String followUp,
			String startDate, String endDate, String owner, String locations, String evaluator, List<Long> memberIds,
			List<String> targetGroups, List<Long> districtIds) {

		InterventionForm with(List<Long> members, List<String> groups, List<Long> districts) {
			return new InterventionForm(name, shortDescription, description, kind, followUp, startDate, endDate, owner,
					locations, evaluator, members == null ? List.of() : members, groups == null ? List.of() : groups,
					districts == null ? List.of() : districts);
		}

		InterventionCommand command() {
			return new InterventionCommand(name, shortDescription, description, kind, followUp, null, startDate, endDate,
					owner, locations, evaluator, memberIds, targetGroups, districtIds, null, null, null, null);
		}
	}
}
