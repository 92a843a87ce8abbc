package se.samsyn.report.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.report.FollowupReportPages;

/** The report page's downloads: the same period, selection and suppression as the page, as xlsx and PDF. */
@Controller
class FollowupReportExportController {

	private final FollowupReportPages reports;
	private final FollowupReportExports exports;

	FollowupReportExportController(FollowupReportPages reports, FollowupReportExports exports) {
		this.reports = reports;
		this.exports = exports;
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
