package se.samsyn.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.access.AccessControl;

@Controller
class LoginController {

	private final AccessControl access;

	LoginController(AccessControl access) {
		this.access = access;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
			@RequestParam(required = false) String locked, @RequestParam(required = false) String disabled,
			@RequestParam(required = false) String logout, @RequestParam(required = false) String timeout,
			@RequestParam(required = false) String reset, Model model) {
		if (access.currentUser().isPresent()) {
			return "redirect:/";
		}
		if (wait != null) {
			model.addAttribute("problemKey", "login.wait");
			model.addAttribute("waitSeconds", Math.max(1, wait));
		}
		else if (locked != null) {
			model.addAttribute("problemKey", "login.locked");
		}
		else if (disabled != null) {
			model.addAttribute("problemKey", "login.disabled");
		}
		else if (error != null) {
			model.addAttribute("problemKey", "login.error");
		}
		else if (reset != null) {
			model.addAttribute("noticeKey", "login.reset");
		}
		else if (timeout != null) {
			model.addAttribute("noticeKey", "login.timeout");
		}
		else if (logout != null) {
			model.addAttribute("noticeKey", "login.loggedOut");
		}
		return "access/login";
	}
}
