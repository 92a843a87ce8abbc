package se.samsyn.finance.web;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.finance.BudgetGroup;
import se.samsyn.finance.Budgets;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** The förbund's budget in the plans' layout, with its plan years; lines are added and the board adopts it. */
@Controller
class BudgetController {

	private final AccessControl access;
	private final Budgets budgets;
	private final FormErrors formErrors;
	private final Clock clock;

	BudgetController(AccessControl access, Budgets budgets, FormErrors formErrors, Clock clock) {
		this.access = access;
		this.budgets = budgets;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/forbund/{associationCode}/ekonomi")
	String latest(@PathVariable String associationCode, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		List<Integer> years = budgets.years(association);
		int year = years.isEmpty() ? Year.now(clock).getValue() : years.get(years.size() - 1);
		return "redirect:/forbund/" + association.code() + "/ekonomi/" + year;
	}

	@GetMapping("/forbund/{associationCode}/ekonomi/{year}")
	String budget(@PathVariable String associationCode, @PathVariable int year, Model model) {
		AssociationRef association = access.require(associationCode, Permission.VIEW_ASSOCIATION);
		return show(association, year, model);
	}

	/** Adds or changes one line of the draft (and starts a new version of an adopted budget). */
	@PostMapping("/forbund/{associationCode}/ekonomi/{year}/rad")
	String saveLine(@PathVariable String associationCode, @PathVariable int year, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		var current = budgets.budget(association, year);
		List<Budgets.LineInput> lines = new java.util.ArrayList<>();
		long opening = current.map(Budgets.BudgetView::openingEquityKr).orElse(0L);
		current.ifPresent(view -> java.util.stream.Stream.concat(java.util.stream.Stream.of(view.budgetYear()), view.planYears().stream())
			.forEach(y -> y.lines().stream().filter(line -> !line.code().startsWith(Budgets.DERIVED))
				.forEach(line -> lines.add(new Budgets.LineInput(y.year(), line.code(), line.name(), line.group().name(), line.amountKr())))));
		try {
			var checks = new se.samsyn.platform.Checks();
			Integer lineYear = checks.optionalInt(form.get("lineYear"), "lineYear");
			Long amount = checks.optionalWhole(form.get("amountKr"), "amountKr");
			Long equity = checks.optionalWhole(form.get("openingEquityKr"), "openingEquityKr");
			checks.throwIfAny();
			String code = form.getOrDefault("code", "").trim();
			int target = lineYear == null ? year : lineYear;
			lines.removeIf(line -> line.code().equals(code) && line.year() == target);
			if (!"true".equals(form.get("remove"))) {
				lines.add(new Budgets.LineInput(target, code, form.get("name"), form.get("group"), amount));
			}
			try {
				budgets.saveDraft(association, year, equity == null ? opening : equity, lines);
			}
			catch (ValidationException ex) {
				// The form's line is the last; its errors belong to the form's own fields.
				String prefix = "lines[" + (lines.size() - 1) + "].";
				throw new ValidationException(ex.errors().stream()
					.map(error -> new ValidationException.FieldError(error.field().startsWith(prefix)
							? (error.field().endsWith(".year") ? "lineYear" : error.field().substring(prefix.length())) : error.field(),
							error.messageKey(), error.arguments()))
					.toList());
			}
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("submitted", form);
			return show(association, year, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/ekonomi/" + year;
	}

	@PostMapping("/forbund/{associationCode}/ekonomi/{year}/faststall")
	String adopt(@PathVariable String associationCode, @PathVariable int year, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_FINANCE);
		try {
			budgets.adopt(association, year, form.get("adoptedOn"), form.get("decisionReference"));
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			model.addAttribute("submitted", form);
			return show(association, year, model);
		}
		redirect.addFlashAttribute("notice", formErrors.message("budget.adopted"));
		return "redirect:/forbund/" + association.code() + "/ekonomi/" + year;
	}

	/** The budget as the plans print it: a row per line and group, a column per year. */
	record Table(List<Integer> years, List<Group> groups, List<Budgets.YearView> figures) {

		record Row(String code, String name, List<se.samsyn.platform.Kronor> amounts, boolean fromInsats) {
		}

		record Group(BudgetGroup group, List<Row> rows, List<se.samsyn.platform.Kronor> sums) {
		}

		static Table of(Budgets.BudgetView view) {
			List<Budgets.YearView> years = new java.util.ArrayList<>();
			years.add(view.budgetYear());
			years.addAll(view.planYears());
			List<Group> groups = new java.util.ArrayList<>();
			for (BudgetGroup group : BudgetGroup.values()) {
				java.util.Map<String, Row> rows = new java.util.LinkedHashMap<>();
				List<se.samsyn.platform.Kronor> sums = new java.util.ArrayList<>();
				for (int i = 0; i < years.size(); i++) {
					long sum = 0;
					for (var line : years.get(i).lines()) {
						if (line.group() != group) {
							continue;
						}
						int column = i;
						Row row = rows.computeIfAbsent(line.code(), code -> new Row(code, line.name(),
								new java.util.ArrayList<>(java.util.Collections.nCopies(years.size(), se.samsyn.platform.Kronor.ZERO)),
								code.startsWith(Budgets.DERIVED)));
						row.amounts().set(column, se.samsyn.platform.Kronor.of(line.amountKr()));
						sum += line.amountKr();
					}
					sums.add(se.samsyn.platform.Kronor.of(sum));
				}
				if (!rows.isEmpty()) {
					groups.add(new Group(group, List.copyOf(rows.values()), sums));
				}
			}
			return new Table(years.stream().map(Budgets.YearView::year).toList(), groups, years);
		}
	}

	private String show(AssociationRef association, int year, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("years", budgets.years(association));
		var budget = budgets.budget(association, year);
		model.addAttribute("budget", budget.orElse(null));
		budget.ifPresent(view -> model.addAttribute("table", Table.of(view)));
		model.addAttribute("groups", BudgetGroup.values());
		model.addAttribute("canManage", access.requireUser().mayIn(association.id(), Permission.MANAGE_FINANCE));
		if (!model.containsAttribute("submitted")) {
			model.addAttribute("submitted", Map.of());
		}
		return "finance/budget";
	}
}
