package se.samsyn.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;
import se.samsyn.report.FollowupReportPages;
import se.samsyn.report.ReportPeriod;

/** The follow-up report page: a period, a selection of insatser, the figures and the targets. */
@Controller
class FollowupReportController {

	private final FollowupReportPages reports;
	private final FormErrors formErrors;
	private final java.time.Clock clock;

	FollowupReportController(FollowupReportPages reports, FormErrors formErrors, java.time.Clock clock) {
		this.reports = reports;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/forbund/{associationCode}/rapporter/uppfoljning")
	String report(@PathVariable String associationCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(name = "insats", required = false) List<Long> insatser,
			@RequestParam(name = "publicering", defaultValue = "false") boolean publication, Model model) {
		try {
			var report = reports.report(associationCode, from, to, insatser, publication);
			model.addAttribute("report", report);
			model.addAttribute("view", report.view());
			model.addAttribute("period", report.view().period());
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			var report = reports.report(associationCode, null, null, insatser, publication);
			model.addAttribute("report", report);
			model.addAttribute("view", report.view());
			model.addAttribute("period", report.view().period());
		}
		model.addAttribute("publication", publication);
		model.addAttribute("chosen", insatser == null ? List.of() : insatser);
		model.addAttribute("presets", presets());
		return "report/followup";
	}

	/** Half-years and years of the last three years, newest first, for quick choice. */
	private List<Preset> presets() {
		int year = LocalDate.now(clock).getYear();
		List<Preset> presets = new ArrayList<>();
		for (int y = year; y >= year - 2; y--) {
			presets.add(new Preset(String.valueOf(y), ReportPeriod.year(y)));
			presets.add(new Preset(y + " H2", ReportPeriod.halfYear(y, 2)));
			presets.add(new Preset(y + " H1", ReportPeriod.halfYear(y, 1)));
		}
		return presets.stream().filter(p -> !p.period().from().isAfter(LocalDate.now(clock))).toList();
	}

	record Preset(String label, ReportPeriod period) {
	}
}
