package se.samsyn.intervention.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import se.samsyn.intervention.InterventionCommand.BudgetLine;
import se.samsyn.intervention.InterventionCommand.TargetDefinition;
import se.samsyn.intervention.InterventionId;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The forms on an insats' page: budget years, targets, decisions, project leaders and programme fidelity. */
@Controller
@RequestMapping("/forbund/{associationCode}/insatser/{id}")
class InterventionPartsController {

	private final AccessControl access;
	private final Interventions interventions;
	private final InterventionPages pages;
	private final FormErrors formErrors;

	InterventionPartsController(AccessControl access, Interventions interventions, InterventionPages pages,
			FormErrors formErrors) {
		this.access = access;
		this.interventions = interventions;
		this.pages = pages;
		this.formErrors = formErrors;
	}

	@PostMapping("/budget")
	String saveBudget(@PathVariable String associationCode, @PathVariable long id, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "budget", form, model, redirect, () -> {
			Checks checks = new Checks();
			Integer year = checks.optionalInt(form.get("year"), "year");
			Long amount = checks.optionalWhole(form.get("amountKr"), "amountKr");
			Integer planned = checks.optionalInt(form.get("plannedParticipants"), "plannedParticipants");
			Long actual = checks.optionalWhole(form.get("actualKr"), "actualKr");
			checks.throwIfAny();
			interventions.saveBudget(association, id, new BudgetLine(year, amount, planned, actual));
		});
	}

	@PostMapping("/budget/{year}/ta-bort")
	String deleteBudget(@PathVariable String associationCode, @PathVariable long id, @PathVariable int year,
			RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		interventions.deleteBudget(association, id, year);
		redirect.addFlashAttribute("notice", formErrors.message("structure.deleted"));
		return back(association, id);
	}

	@PostMapping("/medfinansiering")
	String addCofinancing(@PathVariable String associationCode, @PathVariable long id,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "cofinancing", form, model, redirect, () -> {
			Checks checks = new Checks();
			Integer year = checks.optionalInt(form.get("year"), "year");
			Long amount = checks.optionalWhole(form.get("amountKr"), "amountKr");
			checks.throwIfAny();
			interventions.addCofinancing(association, id, new InterventionCommand.Cofinancing(form.get("funder"),
					form.get("project"), year, amount));
		});
	}

	@PostMapping("/medfinansiering/{lineId}/ta-bort")
	String deleteCofinancing(@PathVariable String associationCode, @PathVariable long id, @PathVariable long lineId,
			RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		interventions.deleteCofinancing(association, new InterventionId(id), lineId);
		redirect.addFlashAttribute("notice", formErrors.message("structure.deleted"));
		return back(association, id);
	}

	@PostMapping("/styrgrupp")
	String addSeat(@PathVariable String associationCode, @PathVariable long id, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "steering", form, model, redirect, () -> {
			Checks checks = new Checks();
			Long member = checks.optionalWhole(form.get("memberId"), "memberId");
			checks.throwIfAny();
			interventions.addSteeringGroupSeat(association, id, new InterventionCommand.SteeringGroupMember(
					form.get("name"), form.get("role"), member));
		});
	}

	@PostMapping("/styrgrupp/{seatId}/ta-bort")
	String deleteSeat(@PathVariable String associationCode, @PathVariable long id, @PathVariable long seatId,
			RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		interventions.deleteSteeringGroupSeat(association, new InterventionId(id), seatId);
		redirect.addFlashAttribute("notice", formErrors.message("structure.deleted"));
		return back(association, id);
	}

	@PostMapping("/mal")
	String addTarget(@PathVariable String associationCode, @PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) List<String> exitReasons, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "target", form, model, redirect, () -> {
			Checks checks = new Checks();
			Integer year = checks.optionalInt(form.get("year"), "year");
			Integer months = checks.optionalInt(form.get("months"), "months");
			var threshold = checks.optionalDecimal(form.get("threshold"), "threshold");
			var tolerance = checks.optionalDecimal(form.get("tolerance"), "tolerance");
			checks.throwIfAny();
			interventions.addTarget(association, id, new TargetDefinition(year,
					form.get("text"), form.get("metric"), form.get("comparator"), threshold, tolerance,
					exitReasons == null ? List.of() : exitReasons, form.get("referrerKind"),
					months, "true".equals(form.get("includePartly"))));
		});
	}

	@GetMapping("/mal/{targetId}/ta-bort")
	String confirmDeleteTarget(@PathVariable String associationCode, @PathVariable long id, @PathVariable long targetId,
			Model model) {
		AssociationRef association = manage(associationCode);
		var target = interventions.get(association, id).targets().stream().filter(t -> t.id() == targetId).findFirst()
			.orElseThrow(se.samsyn.platform.NotFoundException::new);
		String base = "/forbund/" + association.code() + "/insatser/" + id;
		model.addAttribute("title", formErrors.message("target.delete.title"));
		model.addAttribute("question", formErrors.message("structure.delete.question", target.text()));
		model.addAttribute("action", base + "/mal/" + targetId + "/ta-bort");
		model.addAttribute("confirmLabel", formErrors.message("structure.delete.button"));
		model.addAttribute("cancel", base);
		return "common/confirm";
	}

	@PostMapping("/mal/{targetId}/ta-bort")
	String deleteTarget(@PathVariable String associationCode, @PathVariable long id, @PathVariable long targetId,
			RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		interventions.deleteTarget(association, new InterventionId(id), targetId);
		redirect.addFlashAttribute("notice", formErrors.message("structure.deleted"));
		return back(association, id);
	}

	@PostMapping("/mal/{targetId}/rapport")
	String report(@PathVariable String associationCode, @PathVariable long id, @PathVariable long targetId,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "report-" + targetId, form, model, redirect, () -> {
			Checks checks = new Checks();
			var value = checks.optionalDecimal(form.get("value"), "value");
			checks.throwIfAny();
			interventions.reportTarget(association, new InterventionId(id), targetId, value, form.get("source"));
		});
	}

	@PostMapping("/beslut")
	String decide(@PathVariable String associationCode, @PathVariable long id, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "decision", form, model, redirect, () -> {
			Checks checks = new Checks();
			Long amount = checks.optionalWhole(form.get("amountKr"), "amountKr");
			checks.throwIfAny();
			interventions.decide(association, id, new Interventions.DecisionCommand(form.get("action"),
					form.get("decidedOn"), form.get("reference"), amount, form.get("periodStart"), form.get("periodEnd"),
					form.get("note")));
		});
	}

	@PostMapping("/projektledare")
	String setLeaders(@PathVariable String associationCode, @PathVariable long id,
			@RequestParam(required = false) List<Long> leaderIds, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		return act(association, id, "leaders", Map.of(), model, redirect, () -> interventions.setLeaders(association, id,
				leaderIds == null ? List.of() : leaderIds, pages.projectLeaderIds(association)));
	}

	@GetMapping("/programtrohet")
	String fidelityForm(@PathVariable String associationCode, @PathVariable long id, Model model) {
		AssociationRef association = manage(associationCode);
		model.addAttribute("intervention", interventions.get(association, id));
		model.addAttribute("form", Map.of());
		return "intervention/fidelity-form";
	}

	@PostMapping("/programtrohet")
	String assessFidelity(@PathVariable String associationCode, @PathVariable long id,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		AssociationRef association = manage(associationCode);
		try {
			Checks checks = new Checks();
			List<Integer> items = new ArrayList<>();
			for (int i = 1; i <= se.samsyn.intervention.FidelityScore.ITEMS; i++) {
				items.add(checks.optionalInt(form.get("item" + i), "item" + i));
			}
			checks.throwIfAny();
			interventions.assessFidelity(association, id, form.get("assessedOn"), form.get("assessor"), items, form.get("note"));
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("intervention", interventions.get(association, id));
			model.addAttribute("form", form);
			return "intervention/fidelity-form";
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return back(association, id);
	}

	private AssociationRef manage(String associationCode) {
		return access.require(associationCode, Permission.MANAGE_INTERVENTIONS);
	}

	/** Runs a form's action; on a refusal shows the insats' page again with the errors by that form. */
	private String act(AssociationRef association, long id, String formName, Map<String, String> form, Model model,
			RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("errorForm", formName);
			model.addAttribute("submitted", form);
			pages.detail(association, id, model);
			return "intervention/detail";
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return back(association, id);
	}

	private static String back(AssociationRef association, long id) {
		return "redirect:/forbund/" + association.code() + "/insatser/" + id;
	}
}
