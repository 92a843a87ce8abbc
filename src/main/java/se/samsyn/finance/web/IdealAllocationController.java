package se.samsyn.finance.web;

import java.util.ArrayList;
import java.util.List;

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

	/** One line per förbund: {@code kod; befolkning 16–64; försörjningsmått}. */
	private static List<IdealAllocation.Input> parse(String rows, Checks checks) {
		List<IdealAllocation.Input> inputs = new ArrayList<>();
		String[] lines = rows.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.isEmpty()) {
				continue;
			}
			String[] cells = line.split("[;\\t]");
			if (cells.length != 3) {
				checks.check(false, "rows", "ideal.row.format", i + 1);
				continue;
			}
			Long population = checks.optionalWhole(cells[1], "rows");
			Long support = checks.optionalWhole(cells[2], "rows");
			inputs.add(new IdealAllocation.Input(cells[0].trim(), population == null ? -1 : population, support == null ? -1 : support));
		}
		return inputs;
	}

	record Row(String code, Kronor allocation, Kronor idealBudget) {
	}
}
