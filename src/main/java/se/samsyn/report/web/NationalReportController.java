package se.samsyn.report.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;
import se.samsyn.report.NationalReports;
import se.samsyn.report.ReportPeriod;

/**
 * The national follow-up page for the national analyst: protected figures across the förbund that opted in,
 * for a standard period ({@code period=2025-H1}, or its {@code from} and {@code to}).
 */
@Controller
class NationalReportController {

	private final NationalReports reports;
	private final FormErrors formErrors;
	private final java.time.Clock clock;

	NationalReportController(NationalReports reports, FormErrors formErrors, java.time.Clock clock) {
		this.reports = reports;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/rapporter/nationell")
	String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String period, Model model) {
		NationalReports.NationalReport report;
		try {
			if (period != null && !period.isBlank()) {
				ReportPeriod standard = ReportPeriod.standard(period);
				from = standard.from().toString();
				to = standard.to().toString();
			}
			report = reports.report(from, to);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			report = reports.report(null, null);
		}
		model.addAttribute("report", report);
		model.addAttribute("period", report.period());
		model.addAttribute("standardPeriods", FollowupReportController.standardPeriods(java.time.LocalDate.now(clock)));
		return "report/national";
	}
}
