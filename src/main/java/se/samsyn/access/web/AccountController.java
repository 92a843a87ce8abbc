package se.samsyn.access.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.ApiTokens;
import se.samsyn.access.SamsynUser;
import se.samsyn.access.internal.PasswordChange;
import se.samsyn.access.internal.SecondFactor;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The user's own account: password, second factor's recovery codes and personal API tokens. */
@Controller
class AccountController {

	private final AccessControl access;
	private final PasswordChange passwordChange;
	private final SecondFactor secondFactor;
	private final ApiTokens tokens;
	private final FormErrors formErrors;
	private final Clock clock;

	AccountController(AccessControl access, PasswordChange passwordChange, SecondFactor secondFactor, ApiTokens tokens,
			FormErrors formErrors, Clock clock) {
		this.access = access;
		this.passwordChange = passwordChange;
		this.secondFactor = secondFactor;
		this.tokens = tokens;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/konto")
	String account(Model model) {
		SamsynUser user = access.requireUser();
		model.addAttribute("secondFactor", secondFactor.enrolled(user.id()));
		model.addAttribute("recoveryCodesLeft", secondFactor.recoveryCodesLeft(user.id()));
		model.addAttribute("tokens", tokens.of(user.id()));
		model.addAttribute("now", clock.instant());
		var own = access.ownAssociations();
		model.addAttribute("tokenScopes", own);
		model.addAttribute("scopeNames", own.stream().collect(java.util.stream.Collectors.toMap(a -> a.id(), a -> a.name())));
		model.addAttribute("globalScope", user.grants().stream().anyMatch(grant -> grant.associationId() == null));
		model.addAttribute("maxValidDays", ApiTokens.MAX_VALIDITY.toDays());
		return "access/account";
	}

	@GetMapping("/konto/losenord")
	String passwordForm() {
		return "access/password";
	}

	@PostMapping("/konto/losenord")
	String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
			@RequestParam(defaultValue = "") String repeated, Model model, RedirectAttributes redirect,
			jakarta.servlet.http.HttpSession session) {
		try {
			long userId = access.requireUser().id();
			String stamp = passwordChange.change(userId, current, next, repeated);
			se.samsyn.access.internal.SessionUserFilter.keepSession(session, userId, stamp);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return "access/password";
		}
		redirect.addFlashAttribute("notice", formErrors.message("password.changed"));
		return "redirect:/";
	}

	@PostMapping("/konto/api-nycklar")
	String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String scope,
			@RequestParam(defaultValue = "90") int validDays, Model model) {
		SamsynUser user = access.requireUser();
		try {
			Long associationId = scope == null || scope.isBlank() || scope.equals("global") ? null : parse(scope);
			model.addAttribute("createdToken", tokens.create(user, associationId, name, Duration.ofDays(validDays)));
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
		}
		return account(model);
	}

	@PostMapping("/konto/api-nycklar/{tokenId}/aterkalla")
	String revokeToken(@PathVariable long tokenId, RedirectAttributes redirect) {
		tokens.revoke(access.requireUser().id(), tokenId);
		redirect.addFlashAttribute("notice", formErrors.message("token.revoked"));
		return "redirect:/konto";
	}

	@PostMapping("/konto/aterstallningskoder")
	String newRecoveryCodes(Model model) {
		SamsynUser user = access.requireUser();
		if (!secondFactor.enrolled(user.id())) {
			return "redirect:/konto";
		}
		model.addAttribute("recoveryCodes", secondFactor.newRecoveryCodes(user.id()));
		return "access/mfa-recovery-codes";
	}

	private static Long parse(String scope) {
		try {
			return Long.valueOf(scope);
		}
		catch (NumberFormatException ex) {
			throw ValidationException.of("associationId", "token.association.invalid");
		}
	}
}
