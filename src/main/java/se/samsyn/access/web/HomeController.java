package se.samsyn.access.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.access.Role;
import se.samsyn.access.SamsynUser;
import se.samsyn.platform.AssociationRef;

/** The start page: the user's förbund with their roles, or straight to the only one. */
@Controller
class HomeController {

	private final AccessControl access;

	HomeController(AccessControl access) {
		this.access = access;
	}

	@GetMapping("/")
	String home(Model model) {
		SamsynUser user = access.requireUser();
		List<AssociationRef> own = access.ownAssociations();
		boolean global = user.grants().stream().anyMatch(grant -> grant.associationId() == null);
		if (own.size() == 1 && !global) {
			return "redirect:/forbund/" + own.get(0).code();
		}
		model.addAttribute("memberships", own.stream()
			.map(association -> new Membership(association, user.rolesIn(association.id())))
			.toList());
		if (user.mayGlobally(Permission.NATIONAL_AGGREGATES)) {
			model.addAttribute("nationalAssociations", access.visibleAssociations());
		}
		model.addAttribute("globalRoles", user.grants().stream()
			.filter(grant -> grant.associationId() == null)
			.map(grant -> grant.role())
			.toList());
		return "access/home";
	}

	/** The switcher in the header: works without JavaScript as a plain GET form. */
	@GetMapping("/byt-forbund")
	String switchAssociation(@RequestParam(defaultValue = "") String code) {
		if (code.isBlank()) {
			return "redirect:/";
		}
		return "redirect:/forbund/" + access.requireMembership(code).code();
	}

	record Membership(AssociationRef association, List<Role> roles) {
	}
}
