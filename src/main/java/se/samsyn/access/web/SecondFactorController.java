package se.samsyn.access.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.access.AccessControl;
import se.samsyn.access.SamsynUser;
import se.samsyn.access.internal.SecondFactor;
import se.samsyn.access.internal.SecondFactorPolicy;
import se.samsyn.access.internal.SessionUserFilter;

/** The second login step: set up an authenticator app the first time, then enter its code each login. */
@Controller
class SecondFactorController {

	private static final String FAILURES = "samsyn.second-factor-failures";
	private static final int MAX_FAILURES = 5;

	private final AccessControl access;
	private final SecondFactor secondFactor;
	private final SecondFactorPolicy policy;

	SecondFactorController(AccessControl access, SecondFactor secondFactor, SecondFactorPolicy policy) {
		this.access = access;
		this.secondFactor = secondFactor;
		this.policy = policy;
	}

	@GetMapping("/mfa")
	String step(HttpSession session, Model model) {
		SamsynUser user = access.requireUser();
		if (!policy.requiredFor(user) || passed(session, user)) {
			return "redirect:/";
		}
		if (secondFactor.enrolled(user.id())) {
			return "access/mfa-verify";
		}
		model.addAttribute("enrolment", secondFactor.begin(user.id()));
		return "access/mfa-setup";
	}

	@PostMapping("/mfa")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
		SamsynUser user = access.requireUser();
		var check = secondFactor.verify(user.id(), code);
		if (check == SecondFactor.Check.ACCEPTED) {
			return passedNow(request, user, "redirect:/");
		}
		return failed(request, model, check, "mfa.code.wrong", "access/mfa-verify");
	}

	@PostMapping("/mfa/aterstallningskod")
	String recover(@RequestParam(defaultValue = "") String recoveryCode, HttpServletRequest request, Model model) {
		SamsynUser user = access.requireUser();
		var check = secondFactor.useRecoveryCode(user.id(), recoveryCode);
		if (check == SecondFactor.Check.ACCEPTED) {
			model.addAttribute("codesLeft", secondFactor.recoveryCodesLeft(user.id()));
			passedNow(request, user, null);
			return "access/mfa-recovered";
		}
		return failed(request, model, check, "mfa.recovery.wrong", "access/mfa-verify");
	}

	@PostMapping("/mfa/installera")
	String confirmSetup(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
		SamsynUser user = access.requireUser();
		if (secondFactor.enrolled(user.id())) {
			return "redirect:/mfa"; // a repeated submit after enrolment
		}
		List<String> codes = new ArrayList<>();
		var check = secondFactor.confirm(user.id(), code, codes);
		if (check != SecondFactor.Check.ACCEPTED) {
			model.addAttribute("enrolment", secondFactor.begin(user.id()));
			return failed(request, model, check, "mfa.setup.wrong", "access/mfa-setup");
		}
		passedNow(request, user, null);
		model.addAttribute("recoveryCodes", codes);
		return "access/mfa-recovery-codes";
	}

	/** The session has passed the second factor for this user, and only for this user. */
	private String passedNow(HttpServletRequest request, SamsynUser user, String view) {
		request.changeSessionId();
		HttpSession session = request.getSession();
		session.setAttribute(SessionUserFilter.SECOND_FACTOR_PASSED, user.id());
		session.removeAttribute(FAILURES);
		return view;
	}

	/** Too many wrong codes, here or on the account, end the session: the password must be given again. */
	private String failed(HttpServletRequest request, Model model, SecondFactor.Check check, String problem, String view) {
		HttpSession session = request.getSession();
		int failures = session.getAttribute(FAILURES) instanceof Integer n ? n + 1 : 1;
		if (check == SecondFactor.Check.LOCKED || failures >= MAX_FAILURES) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			return check == SecondFactor.Check.LOCKED ? "redirect:/login?locked" : "redirect:/login?error";
		}
		session.setAttribute(FAILURES, failures);
		model.addAttribute("problemKey", check == SecondFactor.Check.WAIT ? "mfa.wait" : problem);
		return view;
	}

	private static boolean passed(HttpSession session, SamsynUser user) {
		return java.util.Objects.equals(session.getAttribute(SessionUserFilter.SECOND_FACTOR_PASSED), user.id());
	}
}
