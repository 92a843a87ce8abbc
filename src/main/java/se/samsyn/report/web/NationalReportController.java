package se.samsyn.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;
import se.samsyn.report.NationalReports;

/** The national follow-up page for the national analyst: suppressed figures across the förbund that opted in. */
@Controller
class NationalReportController {

	private final NationalReports reports;
	private final FormErrors formErrors;

	NationalReportController(NationalReports reports, FormErrors formErrors) {
		this.reports = reports;
		this.formErrors = formErrors;
	}

	@GetMapping("/rapporter/nationell")
	String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		NationalReports.NationalReport report;
		try {
			report = reports.report(from, to);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			report = reports.report(null, null);
		}
		model.addAttribute("report", report);
		model.addAttribute("period", report.period());
		return "report/national";
	}
}
