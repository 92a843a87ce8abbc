package se.samsyn.access.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Grant;
import se.samsyn.access.Permission;
import se.samsyn.access.Role;
import se.samsyn.access.UserManagement;
import se.samsyn.access.UserManagement.UserSummary;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ValidationException;

/** The förbund's users and their roles, for the association admin. */
@Controller
@RequestMapping("/forbund/{associationCode}/anvandare")
class UserAdminController {

	private final AccessControl access;
	private final UserManagement users;
	private final FormErrors formErrors;

	UserAdminController(AccessControl access, UserManagement users, FormErrors formErrors) {
		this.access = access;
		this.users = users;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_USERS);
		model.addAttribute("users", users.usersIn(association.id()));
		return "access/user-list";
	}

	@GetMapping("/ny")
	String newUser(@PathVariable String associationCode, Model model) {
		access.require(associationCode, Permission.MANAGE_USERS);
		model.addAttribute("form", new UserForm("", "", "", EnumSet.noneOf(Role.class)));
		model.addAttribute("assignableRoles", Role.associationRoles());
		return "access/user-new";
	}

	@PostMapping("/ny")
	String create(@PathVariable String associationCode, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
			@RequestParam(required = false) Set<Role> roles, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_USERS);
		Set<Role> chosen = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		try {
			if (!Role.associationRoles().containsAll(chosen)) {
				throw ValidationException.of("roles", "user.roles.invalid");
			}
			List<Grant> grants = chosen.stream().map(role -> new Grant(association.id(), role)).toList();
			var created = users.create(new UserManagement.NewUser(username, displayName, email, null, grants));
			model.addAttribute("created", created);
			model.addAttribute("user", users.userIn(association.id(), created.id()));
			return "access/user-created";
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("form", new UserForm(username, displayName, email, chosen));
			model.addAttribute("assignableRoles", Role.associationRoles());
			return "access/user-new";
		}
	}

	@GetMapping("/{userId}")
	String show(@PathVariable String associationCode, @PathVariable long userId, Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_USERS);
		return showUser(association, users.userIn(association.id(), userId), model);
	}

	@PostMapping("/{userId}/roller")
	String setRoles(@PathVariable String associationCode, @PathVariable long userId,
			@RequestParam(required = false) Set<Role> roles, Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_USERS);
		UserSummary user = users.userIn(association.id(), userId);
		try {
			users.setRoles(association.id(), userId, roles == null ? Set.of() : roles);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return showUser(association, user, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("user.roles.saved"));
		return "redirect:/forbund/" + association.code() + "/anvandare/" + userId;
	}

	@GetMapping("/{userId}/{action:aterstall-losenord|aterstall-mfa|inaktivera|aktivera|ta-bort}")
	String confirm(@PathVariable String associationCode, @PathVariable long userId, @PathVariable String action,
			Model model) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_USERS);
		UserSummary user = users.userIn(association.id(), userId);
		String base = "/forbund/" + association.code() + "/anvandare/" + userId;
		model.addAttribute("title", formErrors.message("user.action." + action + ".title"));
		model.addAttribute("question", formErrors.message("user.action." + action + ".question", user.displayName()));
		model.addAttribute("action", base + "/" + action);
		model.addAttribute("confirmLabel", formErrors.message("user.action." + action + ".button"));
		model.addAttribute("cancel", base);
		return "common/confirm";
	}

	@PostMapping("/{userId}/{action:aterstall-losenord|aterstall-mfa|inaktivera|aktivera|ta-bort}")
	String act(@PathVariable String associationCode, @PathVariable long userId, @PathVariable String action,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_USERS);
		UserSummary user = users.userIn(association.id(), userId);
		String base = "redirect:/forbund/" + association.code() + "/anvandare";
		try {
			switch (action) {
				case "aterstall-losenord" -> {
					model.addAttribute("oneTimePassword", users.resetPassword(association.id(), userId));
					model.addAttribute("user", user);
					return "access/user-password-reset";
				}
				case "aterstall-mfa" -> users.resetSecondFactor(association.id(), userId);
				case "inaktivera" -> users.deactivate(association.id(), userId);
				case "aktivera" -> users.activate(association.id(), userId);
				case "ta-bort" -> {
					users.removeFrom(association.id(), userId);
					redirect.addFlashAttribute("notice", formErrors.message("user.action.ta-bort.done", user.displayName()));
					return base;
				}
				default -> throw new NotFoundException();
			}
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return showUser(association, user, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("user.action." + action + ".done", user.displayName()));
		return base + "/" + userId;
	}

	private String showUser(AssociationRef association, UserSummary user, Model model) {
		model.addAttribute("user", users.userIn(association.id(), user.id()));
		model.addAttribute("governed", users.governedBy(association.id(), user.id()));
		model.addAttribute("assignableRoles", Role.associationRoles());
		model.addAttribute("isSelf", access.requireUser().id() == user.id());
		return "access/user-detail";
	}

	record UserForm(String username, String displayName, String email, Set<Role> roles) {
	}
}
