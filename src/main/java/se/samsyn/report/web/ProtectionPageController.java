package se.samsyn.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.samsyn.report.PerturbationTable;
import se.samsyn.report.Protection;

/** What protected figures are, for everyone who reads them: public, no login, linked under every protected table. */
@Controller
class ProtectionPageController {

	@GetMapping("/om/skyddade-tal")
	String page(Model model) {
		model.addAttribute("maximumDeviation", PerturbationTable.MAXIMUM_DEVIATION);
		model.addAttribute("threshold", Protection.THRESHOLD);
		return "report/protection";
	}
}
