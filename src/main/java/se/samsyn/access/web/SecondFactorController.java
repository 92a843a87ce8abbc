package se.samsyn.access.web;

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
import se.samsyn.access.internal.SessionUserFilter;

/** The second login step: set up an authenticator app the first time, then enter its code each login. */
@Controller
class SecondFactorController {

	private static final String FAILURES = "samsyn.second-factor-failures";
	private static final int MAX_FAILURES = 5;

	private final AccessControl access;
	private final SecondFactor secondFactor;

	SecondFactorController(AccessControl access, SecondFactor secondFactor) {
		this.access = access;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/mfa")
	String step(HttpSession session, Model model) {
		SamsynUser user = access.requireUser();
		if (passed(session)) {
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
		if (secondFactor.verify(user.id(), code)) {
			return passedNow(request, "redirect:/");
		}
		return failed(request, model, "mfa.code.wrong", "access/mfa-verify");
	}

	@PostMapping("/mfa/aterstallningskod")
	String recover(@RequestParam(defaultValue = "") String recoveryCode, HttpServletRequest request, Model model) {
		SamsynUser user = access.requireUser();
		if (secondFactor.useRecoveryCode(user.id(), recoveryCode)) {
			model.addAttribute("codesLeft", secondFactor.recoveryCodesLeft(user.id()));
			passedNow(request, null);
			return "access/mfa-recovered";
		}
		return failed(request, model, "mfa.recovery.wrong", "access/mfa-verify");
	}

	@PostMapping("/mfa/installera")
	String confirmSetup(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
		SamsynUser user = access.requireUser();
		var codes = secondFactor.confirm(user.id(), code);
		if (codes.isEmpty()) {
			model.addAttribute("enrolment", secondFactor.begin(user.id()));
			return failed(request, model, "mfa.setup.wrong", "access/mfa-setup");
		}
		passedNow(request, null);
		model.addAttribute("recoveryCodes", codes.get());
		return "access/mfa-recovery-codes";
	}

	private String passedNow(HttpServletRequest request, String view) {
		request.changeSessionId();
		HttpSession session = request.getSession();
		session.setAttribute(SessionUserFilter.SECOND_FACTOR_PASSED, true);
		session.removeAttribute(FAILURES);
		return view;
	}

	/** Too many wrong codes end the session: the password must be given again. */
	private String failed(HttpServletRequest request, Model model, String problem, String view) {
		HttpSession session = request.getSession();
		int failures = session.getAttribute(FAILURES) instanceof Integer n ? n + 1 : 1;
		if (failures >= MAX_FAILURES) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?error";
		}
		session.setAttribute(FAILURES, failures);
		model.addAttribute("problemKey", problem);
		return view;
	}

	private static boolean passed(HttpSession session) {
		return Boolean.TRUE.equals(session.getAttribute(SessionUserFilter.SECOND_FACTOR_PASSED));
	}
}
