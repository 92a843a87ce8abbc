package se.samsyn.association.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.association.Associations;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The system admin's list of förbund: creating one together with its first administrator. */
@Controller
@RequestMapping("/system/forbund")
class SystemAssociationController {

	private final AccessControl access;
	private final Associations associations;
	private final FormErrors formErrors;

	SystemAssociationController(AccessControl access, Associations associations, FormErrors formErrors) {
		this.access = access;
		this.associations = associations;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(Model model) {
		access.requireGlobal(Permission.MANAGE_ASSOCIATIONS);
		model.addAttribute("associations", associations.all());
		model.addAttribute("form", new NewAssociation("", "", "", ""));
		return "association/system-list";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String adminUsername, @RequestParam(defaultValue = "") String adminName,
			Model model) {
		access.requireGlobal(Permission.MANAGE_ASSOCIATIONS);
		try {
			var created = associations.createWithAdmin(code, name, adminUsername, adminName);
			model.addAttribute("createdAssociation", associations.get(created.id()));
			model.addAttribute("createdAdmin", created.admin());
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("form", new NewAssociation(code, name, adminUsername, adminName));
			model.addAttribute("associations", associations.all());
			return "association/system-list";
		}
		model.addAttribute("associations", associations.all());
		model.addAttribute("form", new NewAssociation("", "", "", ""));
		return "association/system-list";
	}

	record NewAssociation(String code, String name, String adminUsername, String adminName) {
	}
}
