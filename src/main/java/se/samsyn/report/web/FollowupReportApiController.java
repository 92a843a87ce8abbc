package se.samsyn.report.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.samsyn.intervention.TargetComparator;
import se.samsyn.intervention.TargetMetric;
import se.samsyn.platform.ProblemResponses;
import se.samsyn.report.FollowupFigures;
import se.samsyn.report.FollowupReportPages;
import se.samsyn.report.ReportView;
import se.samsyn.report.TargetFulfilment;

/**
 * The follow-up report as JSON: the same figures as the page. A hidden count is the string
 * {@code "<5"}, never a number; protected figures are perturbed ({@code se.samsyn.report.Protection}).
 */
@RestController
@Tag(name = "reports", description = "Rapporter: uppföljning av deltagare per period, fördelningar och måluppfyllelse")
class FollowupReportApiController {

	private static final String PATH = "/api/v1/associations/{associationCode}/reports/followup";

	private final FollowupReportPages reports;
	private final FollowupReportExports exports;

	FollowupReportApiController(FollowupReportPages reports, FollowupReportExports exports) {
		this.reports = reports;
		this.exports = exports;
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "getFollowupReport", summary = "Uppföljningen för en period (from, to) och valfritt insatser",
			description = "Samma rapport som fil: " + PATH + ".xlsx och .pdf (eller Accept-huvudet på den här adressen). "
					+ "Roller utan tillgång till personuppgifter och publication=true får skyddade tal: varje tal justeras med "
					+ "cellnyckelmetoden (högst ±2, samma varje gång), tal 1–4 är strängen \"<5\" och summor behöver inte stämma. "
					+ "Skyddade rapporter görs bara för kalenderkvartal, halvår och år, och för alla insatser eller en (interventionId); "
					+ "annat ger 400. Se /om/skyddade-tal.")
	FollowupReportResource followup(@PathVariable String associationCode, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) List<Long> interventionId,
			@RequestParam(defaultValue = "false") boolean publication) {
		var report = reports.report(associationCode, from, to, interventionId, publication);
		ReportView view = report.view();
		List<TableResource> tables = new ArrayList<>();
		for (ReportView.Table table : view.tables()) {
			tables.add(TableResource.of(table));
		}
		return new FollowupReportResource(report.grant().association().code(), view.period().from(), view.period().to(),
				view.previousPeriod().from(), view.previousPeriod().to(), view.suppressed(), report.selection(),
				TableResource.of(view.overview()), tables,
				report.targets().stream().map(TargetFulfilmentResource::of).toList());
	}

	@GetMapping(path = PATH + ".xlsx", produces = FollowupReportExports.XLSX_VALUE)
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "downloadFollowupReportXlsx", summary = "Samma rapport som Excel-arbetsbok; skyddade tal som i JSON",
			responses = @ApiResponse(responseCode = "200", description = "Arbetsboken",
					content = @Content(mediaType = FollowupReportExports.XLSX_VALUE, schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> followupXlsxFile(@PathVariable String associationCode, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) List<Long> interventionId,
			@RequestParam(defaultValue = "false") boolean publication) {
		return followupXlsx(associationCode, from, to, interventionId, publication);
	}

	@GetMapping(path = PATH + ".pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@ProblemResponses({ 400, 403, 404 })
	@Operation(operationId = "downloadFollowupReportPdf", summary = "Samma rapport som PDF; skyddade tal som i JSON",
			responses = @ApiResponse(responseCode = "200", description = "PDF-filen",
					content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))))
	ResponseEntity<byte[]> followupPdfFile(@PathVariable String associationCode, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) List<Long> interventionId,
			@RequestParam(defaultValue = "false") boolean publication) {
		return followupPdf(associationCode, from, to, interventionId, publication);
	}

	/** The workbook by content negotiation on the report's own address; the contract names the .xlsx address. */
	@GetMapping(path = PATH, produces = FollowupReportExports.XLSX_VALUE)
	@Operation(hidden = true)
	ResponseEntity<byte[]> followupXlsx(@PathVariable String associationCode, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) List<Long> interventionId,
			@RequestParam(defaultValue = "false") boolean publication) {
		return exports.xlsxFile(reports.report(associationCode, from, to, interventionId, publication));
	}

	/** The PDF by content negotiation on the report's own address; the contract names the .pdf address. */
	@GetMapping(path = PATH, produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(hidden = true)
	ResponseEntity<byte[]> followupPdf(@PathVariable String associationCode, @RequestParam String from,
			@RequestParam String to, @RequestParam(required = false) List<Long> interventionId,
			@RequestParam(defaultValue = "false") boolean publication) {
		return exports.pdfFile(reports.report(associationCode, from, to, interventionId, publication));
	}

	record FollowupReportResource(String associationCode, LocalDate from, LocalDate to, LocalDate previousFrom,
			LocalDate previousTo, boolean suppressed, List<Long> interventionIds, TableResource overview,
			List<TableResource> tables, List<TargetFulfilmentResource> targets) {
	}

	/** A table: per row women, men and total (numbers, or "<5"), and the previous period's total. */
	record TableResource(String key, FollowupFigures.Population population, List<RowResource> rows, RowResource total) {

		static TableResource of(ReportView.Table table) {
			List<RowResource> rows = new ArrayList<>();
			for (int row = 0; row < table.codes().size(); row++) {
				rows.add(new RowResource(table.codes().get(row), table.labels().get(row), table.current().cell(row, 0).json(),
						table.current().cell(row, 1).json(), table.current().rowTotal(row).json(),
						table.previous().rowTotal(row).json()));
			}
			RowResource total = table.current().columnTotals() ? new RowResource("TOTAL", null,
					table.current().columnTotal(0).json(), table.current().columnTotal(1).json(),
					table.current().grandTotal().json(), table.previous().grandTotal().json()) : null;
			return new TableResource(table.key(), table.population(), rows, total);
		}
	}

	/** A row's counts: each a number, or {@code "<5"} where a protected count is 1–4 (schema ProtectedCount). */
	record RowResource(String code, String label, @Schema(ref = ReportApiDocumentation.PROTECTED_COUNT) Object women,
			@Schema(ref = ReportApiDocumentation.PROTECTED_COUNT) Object men,
			@Schema(ref = ReportApiDocumentation.PROTECTED_COUNT) Object total,
			@Schema(ref = ReportApiDocumentation.PROTECTED_COUNT) Object previousTotal) {
	}

	/** An expected result of an insats, measured over the report's period. */
	record TargetFulfilmentResource(long interventionId, String text, TargetMetric metric, BigDecimal measured,
			BigDecimal threshold, TargetComparator comparator, TargetFulfilment.Status status) {

		static TargetFulfilmentResource of(TargetFulfilment.Measured m) {
			return new TargetFulfilmentResource(m.interventionId(), m.target().text(), m.target().metric(), m.measured(),
					m.target().threshold(), m.target().comparator(), m.status());
		}
	}
}
