package se.samsyn.report.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.platform.ProblemResponses;
import se.samsyn.report.NationalReports;
import se.samsyn.report.ReportView;

/**
 * The national follow-up as JSON, for the national analyst: always suppressed (a hidden count is the
 * string {@code "<5"}), per förbund only who started and ended, no insatser and no targets.
 */
@RestController
@Tag(name = "reports")
class NationalReportApiController {

	private final NationalReports reports;

	NationalReportApiController(NationalReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/api/v1/reports/national-followup", produces = MediaType.APPLICATION_JSON_VALUE)
	@ProblemResponses({ 400, 403 })
	@Operation(operationId = "getNationalFollowupReport", summary = "Uppföljningen över de förbund som deltar i nationell uppföljning; kräver rollen NATIONAL_ANALYST. Alltid skyddade tal (cellnyckelmetoden, 1–4 som \"<5\"), bara för kalenderkvartal, halvår och år")
	NationalReportResource followup(@RequestParam String from, @RequestParam String to) {
		var report = reports.report(from, to);
		ReportView combined = report.combined();
		return new NationalReportResource(report.period().from(), report.period().to(), report.previousPeriod().from(),
				report.previousPeriod().to(), true,
				report.associations().stream().map(a -> new AssociationResource(a.code(), a.name())).toList(),
				combined == null ? null : FollowupReportApiController.TableResource.of(report.started()),
				combined == null ? null : FollowupReportApiController.TableResource.of(report.ended()),
				combined == null ? null : FollowupReportApiController.TableResource.of(combined.overview()),
				combined == null ? List.of() : combined.tables().stream().map(FollowupReportApiController.TableResource::of).toList());
	}

	record NationalReportResource(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
			boolean suppressed, List<AssociationResource> associations,
			FollowupReportApiController.TableResource startedPerAssociation,
			FollowupReportApiController.TableResource endedPerAssociation, FollowupReportApiController.TableResource overview,
			List<FollowupReportApiController.TableResource> tables) {
	}

	record AssociationResource(String code, String name) {
	}
}
