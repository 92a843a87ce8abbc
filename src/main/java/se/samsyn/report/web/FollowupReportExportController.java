package se.samsyn.report.web;

import java.util.List;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.platform.ValidationException;
import se.samsyn.report.FollowupReportPages;

/** The report page's downloads: the same period, selection and suppression as the page, as xlsx and PDF. */
@Controller
class FollowupReportExportController {

	private final FollowupReportPages reports;
	private final FollowupReportExports exports;
	private final MessageSource messages;

	FollowupReportExportController(FollowupReportPages reports, FollowupReportExports exports, MessageSource messages) {
		this.reports = reports;
		this.exports = exports;
		this.messages = messages;
	}

	/** A download that cannot be made (a period a protected reader may not have, say) answers a Swedish page, 400. */
	@ExceptionHandler(ValidationException.class)
	ModelAndView refused(ValidationException ex, Locale locale) {
		ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("detail", ex.errors().stream()
			.map(error -> messages.getMessage(error.messageKey(), error.arguments(), locale)).collect(Collectors.joining(" ")));
		return page;
	}

	@GetMapping("/forbund/{associationCode}/rapporter/uppfoljning.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String associationCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(name = "insats", required = false) List<Long> insatser,
			@RequestParam(name = "publicering", defaultValue = "false") boolean publication) {
		return exports.xlsxFile(reports.report(associationCode, from, to, insatser, publication));
	}

	@GetMapping("/forbund/{associationCode}/rapporter/uppfoljning.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String associationCode, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(name = "insats", required = false) List<Long> insatser,
			@RequestParam(name = "publicering", defaultValue = "false") boolean publication) {
		return exports.pdfFile(reports.report(associationCode, from, to, insatser, publication));
	}
}
