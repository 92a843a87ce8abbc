package se.samsyn.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import se.samsyn.platform.PlainText;
import se.samsyn.platform.SwedishFormat;
import se.samsyn.report.FollowupReportPages.Report;
import se.samsyn.report.ReportAccess;
import se.samsyn.report.ReportView;
import se.samsyn.report.ProtectedTable;
import se.samsyn.report.TargetFulfilment;

/**
 * The follow-up report as an Excel workbook and as a PDF, from the same {@link ReportView} as the page.
 * Cells are written only through {@link ProtectedTable.Cell#hidden()} and {@link ProtectedTable.Cell#json()}:
 * a shown count becomes a number, a hidden one the text {@value ProtectedTable#HIDDEN}.
 */
@Component
class FollowupReportExports {

	static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

	/** Characters Excel refuses in a sheet name. */
	private static final String SHEET_FORBIDDEN = "[\\[\\]:*?/\\\\]";
	private static final int SHEET_NAME_MAX = 31;

	private final MessageSource messages;
	private final TemplateEngine templates;
	private final SwedishFormat format;

	FollowupReportExports(MessageSource messages, TemplateEngine templates, SwedishFormat format) {
		this.messages = messages;
		this.templates = templates;
		this.format = format;
	}

	ResponseEntity<byte[]> xlsxFile(Report report) {
		return file(xlsx(report, LocaleContextHolder.getLocale()), XLSX, fileName(report, "xlsx"));
	}

	ResponseEntity<byte[]> pdfFile(Report report) {
		return file(pdf(report, LocaleContextHolder.getLocale()), MediaType.APPLICATION_PDF, fileName(report, "pdf"));
	}

	byte[] xlsx(Report report, Locale locale) {
		ReportView view = report.view();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Samsyn", "1.0");
			Set<String> sheetNames = new HashSet<>();
			Worksheet overview = workbook.newWorksheet(sheetName(message("report.overview", locale), sheetNames));
			int row = heading(overview, report, message("report.title", locale), locale);
			table(overview, row, view.overview(), false, locale);
			overview.width(0, 42);
			for (ReportView.Table table : view.tables()) {
				String title = message("report.table." + table.key(), locale);
				Worksheet sheet = workbook.newWorksheet(sheetName(title, sheetNames));
				int start = heading(sheet, report, title, locale);
				sheet.value(start - 1, 0, message("report.population." + table.population(), locale));
				table(sheet, start, table, true, locale);
				sheet.width(0, 48);
			}
			targets(workbook.newWorksheet(sheetName(message("report.export.targetsSheet", locale), sheetNames)), report,
					locale);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Title, förbund, period, selection and whether the counts are protected; returns the first free row. */
	private int heading(Worksheet sheet, Report report, String title, Locale locale) {
		ReportView view = report.view();
		sheet.value(0, 0, title + " – " + report.grant().association().name());
		sheet.style(0, 0).bold().fontSize(13).set();
		sheet.value(1, 0, message("report.export.period", locale));
		sheet.value(1, 1, view.period().from() + " – " + view.period().to());
		sheet.value(2, 0, message("report.export.previousPeriod", locale));
		sheet.value(2, 1, view.previousPeriod().from() + " – " + view.previousPeriod().to());
		sheet.value(3, 0, message("report.selection", locale));
		sheet.value(3, 1, selectionText(report, locale));
		sheet.value(4, 0, message(view.suppressed() ? "report.export.suppressed" : "report.export.exact", locale));
		sheet.style(4, 0).bold().set();
		return 7;
	}

	private void table(Worksheet sheet, int row, ReportView.Table table, boolean withShare, Locale locale) {
		int column = 0;
		sheet.value(row, column++, message("report.export.category", locale));
		sheet.value(row, column++, message("report.women", locale));
		sheet.value(row, column++, message("report.men", locale));
		sheet.value(row, column++, message("report.total", locale));
		if (withShare) {
			sheet.value(row, column++, message("report.share", locale));
		}
		sheet.value(row, column, message("report.previous", locale));
		sheet.range(row, 0, row, column).style().bold().borderStyle(org.dhatim.fastexcel.BorderSide.BOTTOM, "thin").set();
		ProtectedTable current = table.current();
		for (int i = 0; i < table.codes().size(); i++) {
			int r = row + 1 + i;
			sheet.value(r, 0, table.labels().get(i));
			count(sheet, r, 1, current.cell(i, 0));
			count(sheet, r, 2, current.cell(i, 1));
			count(sheet, r, 3, current.rowTotal(i));
			int c = 4;
			if (withShare) {
				// A share stays text as on the page: as a number, 100 % or 2,5 % would read as a small count.
				String share = table.share(i);
				sheet.value(r, c, share == null ? "–" : share);
				sheet.style(r, c).horizontalAlignment("right").set();
				c++;
			}
			count(sheet, r, c, table.previous().rowTotal(i));
		}
		if (current.columnTotals()) {
			int r = row + 1 + table.codes().size();
			sheet.value(r, 0, message("report.total", locale));
			count(sheet, r, 1, current.columnTotal(0));
			count(sheet, r, 2, current.columnTotal(1));
			count(sheet, r, 3, current.grandTotal());
			count(sheet, r, withShare ? 5 : 4, table.previous().grandTotal());
			sheet.range(r, 0, r, withShare ? 5 : 4).style().bold().set();
		}
		for (int c = 1; c <= 5; c++) {
			sheet.width(c, 14);
		}
	}

	/** A shown count as a number, a hidden one as the text "<5" – never its value. */
	private static void count(Worksheet sheet, int row, int column, ProtectedTable.Cell cell) {
		if (cell.hidden()) {
			sheet.value(row, column, ProtectedTable.HIDDEN);
			sheet.style(row, column).horizontalAlignment("right").set();
		}
		else {
			sheet.value(row, column, (Long) cell.json());
			sheet.style(row, column).format("#,##0").set();
		}
	}

	private void targets(Worksheet sheet, Report report, Locale locale) {
		int row = heading(sheet, report, message("report.targets", locale), locale);
		boolean suppressed = report.view().suppressed();
		List<String> headers = new java.util.ArrayList<>(List.of(message("intervention.name", locale),
				message("report.target", locale), message("report.measured", locale), message("report.export.comparator", locale),
				message("report.threshold", locale), message("report.export.unit", locale), message("report.status", locale)));
		if (!suppressed) {
			headers.add(message("report.behind", locale));
		}
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(row, c, headers.get(c));
		}
		sheet.range(row, 0, row, headers.size() - 1).style().bold().borderStyle(org.dhatim.fastexcel.BorderSide.BOTTOM, "thin").set();
		if (report.targets().isEmpty()) {
			sheet.value(row + 1, 0, message("report.targets.none", locale));
		}
		for (TargetFulfilment.Measured m : report.targets()) {
			row++;
			boolean percent = "PERCENT".equals(m.target().metric().unit().name());
			sheet.value(row, 0, m.interventionName());
			sheet.value(row, 1, m.target().text());
			if (m.measured() == null) {
				sheet.value(row, 2, "–");
			}
			else {
				sheet.value(row, 2, m.measured());
				sheet.style(row, 2).format("#,##0.0").set();
			}
			sheet.value(row, 3, m.target().comparator() == null ? "" : m.target().comparator().symbol());
			if (m.target().threshold() == null) {
				sheet.value(row, 4, "–");
			}
			else {
				sheet.value(row, 4, m.target().threshold());
			}
			sheet.value(row, 5, percent ? "%" : "");
			sheet.value(row, 6, message("report.status." + m.status(), locale));
			if (!suppressed && m.base() != null) {
				sheet.value(row, 7, messages.getMessage("report.behind.share", new Object[] { m.part(), m.base() }, locale));
			}
			else if (!suppressed && m.expected() != null) {
				sheet.value(row, 7, messages.getMessage("report.behind.expected",
						new Object[] { format.number(m.expected()) }, locale));
			}
		}
		sheet.width(0, 36);
		sheet.width(1, 60);
		sheet.width(6, 16);
	}

	byte[] pdf(Report report, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("report", report);
		context.setVariable("view", report.view());
		context.setVariable("association", report.grant().association());
		context.setVariable("selection", selectionText(report, locale));
		context.setVariable("format", format);
		return render(templates.process("report/followup-pdf", context));
	}

	/** Renders print HTML to an A4 PDF with DejaVu Sans embedded (å, ä, ö, –, ≥) and the inline SVG charts drawn. */
	static byte[] render(String html) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> FollowupReportExports.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400,
				PdfRendererBuilder.FontStyle.NORMAL, true);
		builder.useFont(() -> FollowupReportExports.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
				PdfRendererBuilder.FontStyle.NORMAL, true);
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.withHtmlContent(PlainText.printable(html), null); // a character XML cannot hold would stop the document
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private String selectionText(Report report, Locale locale) {
		List<ReportAccess.Choice> all = report.grant().interventions();
		if (report.selection().size() == all.size()) {
			return message("report.export.allInterventions", locale);
		}
		return String.join(", ", all.stream().filter(c -> report.selection().contains(c.id())).map(ReportAccess.Choice::name)
			.toList());
	}

	/**
	 * {@code uppfoljning-stockholm-2025-01-01-2025-12-31.xlsx}: förbund, selection (one insats by name, several by
	 * count), publication and period, in ASCII letters, digits and hyphens only.
	 */
	static String fileName(Report report, String extension) {
		StringBuilder name = new StringBuilder("uppfoljning-").append(slug(report.grant().association().code()));
		List<ReportAccess.Choice> all = report.grant().interventions();
		if (report.selection().size() != all.size()) {
			if (report.selection().size() == 1) {
				all.stream().filter(c -> c.id() == report.selection().get(0)).findFirst()
					.ifPresent(c -> name.append('-').append(slug(c.name())));
			}
			else {
				name.append('-').append(report.selection().size()).append("-insatser");
			}
		}
		if (report.view().suppressed() && report.grant().exact()) {
			name.append("-publicering");
		}
		name.append('-').append(report.view().period().from()).append('-').append(report.view().period().to());
		return name.append('.').append(extension).toString();
	}

	static String slug(String text) {
		String ascii = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
	}

	/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
	static String sheetName(String title, Set<String> taken) {
		String base = title.replaceAll(SHEET_FORBIDDEN, " ").replaceAll("\\s+", " ").replaceAll("^'+|'+$", "").trim();
		if (base.isEmpty()) {
			base = "Blad";
		}
		base = base.length() > SHEET_NAME_MAX ? base.substring(0, SHEET_NAME_MAX).trim() : base;
		String name = base;
		for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
			String suffix = " (" + n + ")";
			name = (base.length() + suffix.length() > SHEET_NAME_MAX ? base.substring(0, SHEET_NAME_MAX - suffix.length()).trim()
					: base) + suffix;
		}
		taken.add(name.toLowerCase(Locale.ROOT));
		return name;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(content);
	}
}
