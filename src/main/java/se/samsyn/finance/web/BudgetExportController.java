package se.samsyn.finance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.finance.BudgetFigures;
import se.samsyn.finance.Budgets;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.PlainText;
import se.samsyn.platform.SwedishFormat;

/** The budget in the plans' layout as an Excel workbook and as a PDF rendered from the same table. */
@Controller
class BudgetExportController {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final AccessControl access;
	private final Budgets budgets;
	private final MessageSource messages;
	private final TemplateEngine templates;
	private final SwedishFormat format;

	BudgetExportController(AccessControl access, Budgets budgets, MessageSource messages, TemplateEngine templates,
			SwedishFormat format) {
		this.access = access;
		this.budgets = budgets;
		this.messages = messages;
		this.templates = templates;
		this.format = format;
	}

	@GetMapping("/forbund/{associationCode}/ekonomi/{year}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String associationCode, @PathVariable int year) throws IOException {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		var view = budgets.budget(association, year).orElseThrow(NotFoundException::new);
		BudgetController.Table table = BudgetController.Table.of(view);
		Locale locale = LocaleContextHolder.getLocale();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Samsyn", "1.0");
		Worksheet sheet = workbook.newWorksheet(message("budget.finance.title", locale, year));
		int row = 0;
		sheet.value(row, 0, association.name());
		sheet.style(row, 0).bold().set();
		row += 2;
		sheet.value(row, 0, message("budget.finance.line", locale));
		for (int i = 0; i < table.years().size(); i++) {
			int y = table.years().get(i);
			sheet.value(row, i + 1, message(i == 0 ? "budget.table.budget" : "budget.table.plan", locale, y) + " (kr)");
		}
		sheet.style(row, 0).bold().set();
		row++;
		for (var group : table.groups()) {
			sheet.value(row, 0, message("budget.group." + group.group(), locale));
			sheet.style(row, 0).bold().set();
			row++;
			for (var line : group.rows()) {
				sheet.value(row, 0, line.name());
				for (int i = 0; i < line.amounts().size(); i++) {
					sheet.value(row, i + 1, line.amounts().get(i).value());
					sheet.style(row, i + 1).format("#,##0").set();
				}
				row++;
			}
		}
		row++;
		List<String[]> totals = List.of(new String[] { "budget.finance.income" }, new String[] { "budget.finance.costs" },
				new String[] { "budget.finance.result" }, new String[] { "budget.finance.openingEquity" },
				new String[] { "budget.finance.closingEquity" }, new String[] { "budget.finance.frame" });
		for (String[] total : totals) {
			sheet.value(row, 0, message(total[0], locale));
			sheet.style(row, 0).bold().set();
			for (int i = 0; i < table.figures().size(); i++) {
				BudgetFigures f = table.figures().get(i).figures();
				long value = switch (total[0]) {
					case "budget.finance.income" -> f.totalIncomeKr();
					case "budget.finance.costs" -> f.totalCostsKr();
					case "budget.finance.result" -> f.resultKr();
					case "budget.finance.openingEquity" -> f.openingEquityKr();
					case "budget.finance.closingEquity" -> f.closingEquityKr();
					default -> f.frameKr();
				};
				sheet.value(row, i + 1, value);
				sheet.style(row, i + 1).format("#,##0").bold().set();
			}
			row++;
		}
		row++;
		String[][] shares = { { "budget.share.individual" }, { "budget.share.office" }, { "budget.share.structural" },
				{ "budget.share.closingEquity" }, { "budget.share.admin" } };
		for (String[] share : shares) {
			sheet.value(row, 0, message(share[0], locale));
			for (int i = 0; i < table.figures().size(); i++) {
				BudgetFigures f = table.figures().get(i).figures();
				var value = switch (share[0]) {
					case "budget.share.individual" -> f.shares().individual();
					case "budget.share.office" -> f.shares().office();
					case "budget.share.structural" -> f.shares().structural();
					case "budget.share.closingEquity" -> f.shares().closingEquity();
					default -> f.adminShare();
				};
				sheet.value(row, i + 1, value);
				sheet.style(row, i + 1).format("0.00%").set();
			}
			row++;
		}
		sheet.width(0, 48);
		workbook.finish();
		return file(out.toByteArray(), XLSX, association.code() + "-budget-" + year + ".xlsx");
	}

	@GetMapping("/forbund/{associationCode}/ekonomi/{year}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String associationCode, @PathVariable int year) throws IOException {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		var view = budgets.budget(association, year).orElseThrow(NotFoundException::new);
		Context context = new Context(LocaleContextHolder.getLocale());
		context.setVariable("association", association);
		context.setVariable("year", year);
		context.setVariable("budget", view);
		context.setVariable("table", BudgetController.Table.of(view));
		context.setVariable("format", format);
		// The PDF's built-in fonts have no U+2212 minus sign; a character XML cannot hold, stored before text input
		// was checked, would stop the whole document.
		String html = PlainText.printable(templates.process("finance/budget-pdf", context).replace('\u2212', '-'));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		builder.run();
		return file(out.toByteArray(), MediaType.APPLICATION_PDF, association.code() + "-budget-" + year + ".pdf");
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(content);
	}
}
