package se.samsyn.report.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;
import se.samsyn.report.FollowupReportPages;
import se.samsyn.report.ReportPeriod;

/**
 * The follow-up report page: a period, a selection of insatser, the figures and the targets. Protected readers
 * choose a standard period ({@code period=2025-H1}) and all insatser or one; the others any dates and selection.
 */
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
			@RequestParam(required = false) String to, @RequestParam(required = false) String period,
			@RequestParam(name = "insats", required = false) List<Long> insatser,
			@RequestParam(name = "publicering", defaultValue = "false") boolean publication, Model model) {
		List<Long> chosen = insatser == null ? List.of() : insatser.stream().filter(Objects::nonNull).toList();
		FollowupReportPages.Report report;
		try {
			if (period != null && !period.isBlank()) {
				ReportPeriod standard = ReportPeriod.standard(period);
				from = standard.from().toString();
				to = standard.to().toString();
			}
			report = reports.report(associationCode, from, to, chosen, publication);
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			// The page shows the last half-year instead, of the same selection where a protected report may have it.
			boolean selectionRefused = ex.errors().stream().anyMatch(error -> "insats".equals(error.field()));
			try {
				report = reports.report(associationCode, null, null, selectionRefused ? List.of() : chosen, publication);
			}
			catch (ValidationException selection) {
				List<ValidationException.FieldError> both = new ArrayList<>(ex.errors());
				both.addAll(selection.errors());
				formErrors.addTo(model, new ValidationException(both));
				selectionRefused = true;
				report = reports.report(associationCode, null, null, List.of(), publication);
			}
			if (selectionRefused) {
				chosen = List.of();
			}
		}
		model.addAttribute("report", report);
		model.addAttribute("view", report.view());
		model.addAttribute("period", report.view().period());
		model.addAttribute("publication", publication);
		model.addAttribute("chosen", chosen);
		model.addAttribute("presets", presets());
		model.addAttribute("standardPeriods", standardPeriods());
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

	/** The standard periods a protected report offers: the years, half-years and quarters of the last five years. */
	static List<StandardPeriod> standardPeriods(LocalDate today) {
		List<StandardPeriod> periods = new ArrayList<>();
		for (int y = today.getYear(); y >= today.getYear() - 5; y--) {
			periods.add(new StandardPeriod("YEAR", y, 0, ReportPeriod.year(y)));
			for (int half = 2; half >= 1; half--) {
				periods.add(new StandardPeriod("HALF", y, half, ReportPeriod.halfYear(y, half)));
			}
			for (int quarter = 4; quarter >= 1; quarter--) {
				periods.add(new StandardPeriod("QUARTER", y, quarter, ReportPeriod.quarter(y, quarter)));
			}
		}
		return periods.stream().filter(p -> !p.period().from().isAfter(today)).toList();
	}

	private List<StandardPeriod> standardPeriods() {
		return standardPeriods(LocalDate.now(clock));
	}

	/** A standard period to choose: its kind ({@code YEAR}, {@code HALF}, {@code QUARTER}) names it in the messages. */
	record StandardPeriod(String kind, int year, int index, ReportPeriod period) {

		public String name() {
			return period.standardName();
		}
	}

	record Preset(String label, ReportPeriod period) {
	}
}
