package se.samsyn.association.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.Associations;
import se.samsyn.association.Forms.AssociationForm;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** A förbund's overview page and its own details. */
@Controller
@RequestMapping("/forbund/{associationCode}")
class AssociationController {

	private final AccessControl access;
	private final Associations associations;
	private final AssociationStructure structure;
	private final FormErrors formErrors;

	AssociationController(AccessControl access, Associations associations, AssociationStructure structure,
			FormErrors formErrors) {
		this.access = access;
		this.associations = associations;
		this.structure = structure;
		this.formErrors = formErrors;
	}

	@GetMapping
	String overview(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		model.addAttribute("association", associations.get(association.id()));
		model.addAttribute("members", structure.members(association.id()));
		model.addAttribute("municipalities", structure.municipalities(association.id()));
		model.addAttribute("districts", structure.districts(association.id()));
		model.addAttribute("referrers", structure.referrers(association.id()));
		return "association/overview";
	}

	@GetMapping("/uppgifter")
	String editForm(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_ASSOCIATION);
		var details = associations.get(association.id());
		model.addAttribute("form", new AssociationForm(details.name(), details.orgNumber(),
				details.foundedOn() == null ? "" : details.foundedOn().toString(), details.nationalReporting()));
		return "association/edit";
	}

	@PostMapping("/uppgifter")
	String save(@PathVariable String associationCode, AssociationForm form, Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_ASSOCIATION);
		try {
			associations.update(association.id(), form);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("form", form);
			return "association/edit";
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code();
	}
}
