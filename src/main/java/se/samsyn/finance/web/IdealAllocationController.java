package se.samsyn.finance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.samsyn.finance.IdealAllocation;
import se.samsyn.platform.Checks;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.Kronor;
import se.samsyn.platform.ValidationException;

/** The public ideal-allocation calculator: no login, no personal data, a plain GET form. */
@Controller
class IdealAllocationController {

	private final FormErrors formErrors;

	IdealAllocationController(FormErrors formErrors) {
		this.formErrors = formErrors;
	}

	@GetMapping("/idealfordelning")
	String calculator(@RequestParam(required = false) String year, @RequestParam(required = false) String stateTotalKr,
			@RequestParam(required = false) String baseKr, @RequestParam(required = false) String rows, Model model) {
		model.addAttribute("year", year == null ? "" : year);
		model.addAttribute("stateTotalKr", stateTotalKr == null ? "" : stateTotalKr);
		model.addAttribute("baseKr", baseKr == null ? String.valueOf(IdealAllocation.DEFAULT_BASE_KR) : baseKr);
		model.addAttribute("rows", rows == null ? "" : rows);
		if (stateTotalKr != null || rows != null) {
			try {
				Checks checks = new Checks();
				Integer parsedYear = checks.optionalInt(year, "year");
				Long total = checks.optionalWhole(stateTotalKr, "stateTotalKr");
				Long base = checks.optionalWhole(baseKr, "baseKr");
				List<IdealAllocation.Input> inputs = parse(rows == null ? "" : rows, checks);
				checks.throwIfAny();
				long baseValue = base == null ? IdealAllocation.DEFAULT_BASE_KR : base;
				IdealAllocationRules.check(parsedYear, total, baseValue, inputs);
				var allocations = IdealAllocation.of(total, baseValue, inputs);
				model.addAttribute("results", allocations.stream()
					.map(a -> new Row(a.code(), Kronor.of(a.allocationKr()), Kronor.of(a.idealBudgetKr()))).toList());
				model.addAttribute("resultTotal", Kronor.of(total));
			}
			catch (ValidationException ex) {
				formErrors.addTo(model, ex);
			}
		}
		return "finance/ideal-allocation";
	}

	/** The same calculation from an uploaded CSV file (UTF-8, one förbund per line, ; or tab between the parts). */
	@org.springframework.web.bind.annotation.PostMapping("/idealfordelning")
	String upload(@RequestParam(required = false) String year, @RequestParam(required = false) String stateTotalKr,
			@RequestParam(required = false) String baseKr,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, Model model) throws java.io.IOException {
		String rows = file == null || file.isEmpty() ? "" : new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8)
			.replace("\uFEFF", "");
		if (file != null && file.getSize() > 1_000_000) {
			rows = "";
		}
		return calculator(year, stateTotalKr, baseKr, rows.replaceAll("(?m)^\\s*kod\\s*[;\\t].*$", ""), model);
	}

	/** One line per förbund: {@code kod; befolkning 16–64; försörjningsmått}, semicolons or tabs between the parts. */
	private static List<IdealAllocation.Input> parse(String rows, Checks checks) {
		List<IdealAllocation.Input> inputs = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(tabSeparated(rows) ? '\t' : ';')
			.setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).setTrailingData(true).setLenientEof(true).get();
		try (CSVParser parser = CSVParser.parse(rows, format)) {
			for (CSVRecord record : parser) {
				List<String> cells = record.stream().map(String::trim).toList();
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				if (cells.size() != 3) {
					checks.check(false, "rows", "ideal.row.format", record.getRecordNumber());
					continue;
				}
				Long population = checks.optionalWhole(cells.get(1), "rows");
				Long support = checks.optionalWhole(cells.get(2), "rows");
				inputs.add(new IdealAllocation.Input(cells.get(0), population == null ? -1 : population, support == null ? -1 : support));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			checks.check(false, "rows", "ideal.row.format", 1);
		}
		return inputs;
	}

	/** Pasted from a spreadsheet the parts come with tabs; typed or saved as CSV, with semicolons. */
	private static boolean tabSeparated(String rows) {
		String first = rows.strip().lines().findFirst().orElse("");
		return first.indexOf('\t') >= 0 && first.indexOf(';') < 0;
	}

	record Row(String code, Kronor allocation, Kronor idealBudget) {
	}
}
