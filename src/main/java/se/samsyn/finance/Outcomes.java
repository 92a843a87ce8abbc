package se.samsyn.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.ValidationException;

/**
 * The budget's outcome: accounts mapped to budget lines, booked amounts per line and month imported
 * from an SIE 4 file, and budget against outcome with a forecast for the year.
 */
@Service
public class Outcomes {

	private final JdbcClient jdbc;
	private final Budgets budgets;
	private final AuditLog audit;

	Outcomes(JdbcClient jdbc, Budgets budgets, AuditLog audit) {
		this.jdbc = jdbc;
		this.budgets = budgets;
		this.audit = audit;
	}

	/** Accounts {@code from}–{@code to} (inclusive, compared as numbers) belong to the budget line {@code code}. */
	public record Mapping(String from, String to, String code) {
	}

	public List<Mapping> mappings(AssociationRef association) {
		return jdbc.sql("select account_from, account_to, line_code from account_mapping where association_id = ? order by account_from")
			.param(association.id()).query((rs, n) -> new Mapping(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	/** One line per mapping: {@code 5000-5999 = OFFICE-SALARY} or {@code 6110 = OFFICE-PREMISES}. */
	@Transactional
	public void saveMappings(AssociationRef association, String text) {
		Checks checks = new Checks();
		List<Mapping> mappings = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.isEmpty()) {
				continue;
			}
			var match = java.util.regex.Pattern.compile("(\\d{1,10})(?:\\s*-\\s*(\\d{1,10}))?\\s*=\\s*([#A-Za-z0-9_.-]{1,40})").matcher(line);
			if (!match.matches()) {
				checks.check(false, "mappings", "outcome.mapping.line", i + 1);
				continue;
			}
			String from = match.group(1);
			String to = match.group(2) == null ? from : match.group(2);
			checks.check(Long.parseLong(from) <= Long.parseLong(to), "mappings", "outcome.mapping.order", i + 1);
			mappings.add(new Mapping(from, to, match.group(3)));
		}
		for (int a = 0; a < mappings.size(); a++) {
			for (int b = a + 1; b < mappings.size(); b++) {
				Mapping x = mappings.get(a);
				Mapping y = mappings.get(b);
				boolean overlap = Long.parseLong(x.from()) <= Long.parseLong(y.to()) && Long.parseLong(y.from()) <= Long.parseLong(x.to());
				checks.check(!overlap, "mappings", "outcome.mapping.overlap", x.from() + "–" + x.to(), y.from() + "–" + y.to());
			}
		}
		checks.throwIfAny();
		jdbc.sql("delete from account_mapping where association_id = ?").param(association.id()).update();
		mappings.forEach(m -> jdbc.sql("insert into account_mapping (association_id, account_from, account_to, line_code) values (?, ?, ?, ?)")
			.params(association.id(), m.from(), m.to(), m.code()).update());
		audit.record(AuditAction.ACCOUNT_MAPPING_SAVED, association.id(), null, null, mappings.size() + " mappings");
	}

	/**
	 * Imports the year's outcome from an SIE 4 file: all or nothing. Refused, with every problem, when
	 * the file is broken, when it books an account no mapping covers, or when a mapping names a line
	 * the budget does not have.
	 */
	@Transactional
	public int importSie(AssociationRef association, int year, byte[] file) {
		if (file == null || file.length == 0) {
			throw ValidationException.of("file", "sie.empty");
		}
		if (file.length > 20 * 1024 * 1024) {
			throw ValidationException.of("file", "sie.tooLarge");
		}
		SieFile.Parsed parsed = SieFile.parse(file);
		if (!parsed.ok()) {
			throw new ValidationException(parsed.problems().stream().limit(50)
				.map(p -> new ValidationException.FieldError("line " + p.line(), p.message(), new Object[] { p.line() })).toList());
		}
		var budget = budgets.budget(association, year).orElseThrow(() -> ValidationException.of("file", "outcome.noBudget", year));
		Map<String, BudgetGroup> lineGroups = new HashMap<>();
		budget.budgetYear().lines().forEach(line -> lineGroups.put(line.code(), line.group()));
		List<Mapping> mappings = mappings(association);
		// Month → line → öre. Transactions when the file has them, else the period balances.
		List<Booking> bookings = !parsed.transactions().isEmpty()
				? parsed.transactions().stream().filter(t -> t.date().getYear() == year)
					.map(t -> new Booking(t.line(), t.account(), t.date().getMonthValue(), t.ore())).toList()
				// #PSALDO gives the period's change on the account (SIE 4B), so each is that month's booking.
				: parsed.periodBalances().stream().filter(b -> b.year() == year)
					.map(b -> new Booking(b.line(), b.account(), b.month(), b.ore())).toList();
		Map<Integer, Map<String, Long>> amounts = new TreeMap<>();
		Map<String, Long> yearSums = new HashMap<>();
		java.util.Set<String> tooLarge = new java.util.HashSet<>();
		List<ValidationException.FieldError> errors = new ArrayList<>();
		java.util.Set<String> unmapped = new java.util.TreeSet<>();
		for (Booking booking : bookings) {
			long account = Long.parseLong(booking.account());
			Mapping mapping = mappings.stream().filter(m -> account >= Long.parseLong(m.from()) && account <= Long.parseLong(m.to()))
				.findFirst().orElse(null);
			if (mapping == null) {
				unmapped.add(booking.account());
				continue;
			}
			// Each amount is at most MAX_ORE, so a sum checked at every step can never wrap around.
			Map<String, Long> month = amounts.computeIfAbsent(booking.month(), m -> new LinkedHashMap<>());
			long monthSum = Math.addExact(month.getOrDefault(mapping.code(), 0L), booking.ore());
			long yearSum = Math.addExact(yearSums.getOrDefault(mapping.code(), 0L), booking.ore());
			if ((Math.abs(monthSum) > SieFile.MAX_ORE || Math.abs(yearSum) > SieFile.MAX_ORE) && tooLarge.add(mapping.code())) {
				errors.add(new ValidationException.FieldError("line " + booking.line(), "sie.sum.tooLarge",
						new Object[] { booking.line(), mapping.code() }));
			}
			month.put(mapping.code(), monthSum);
			yearSums.put(mapping.code(), yearSum);
		}
		// Balance sheet accounts (1xxx, 2xxx) are not part of the outcome.
		unmapped.removeIf(account -> account.startsWith("1") || account.startsWith("2"));
		unmapped.forEach(account -> errors.add(new ValidationException.FieldError("account " + account, "outcome.unmapped",
				new Object[] { account, parsed.accounts().getOrDefault(account, "") })));
		amounts.values().forEach(lines -> lines.keySet().stream().filter(code -> !lineGroups.containsKey(code)).distinct()
			.forEach(code -> errors.add(new ValidationException.FieldError("line " + code, "outcome.unknownLine", new Object[] { code }))));
		if (!errors.isEmpty()) {
			var unique = new LinkedHashMap<String, ValidationException.FieldError>();
			errors.forEach(error -> unique.putIfAbsent(error.field(), error));
			throw new ValidationException(unique.values().stream().limit(50).toList());
		}
		jdbc.sql("delete from budget_actual where association_id = ? and actual_year = ?").params(association.id(), year).update();
		int rows = 0;
		for (var month : amounts.entrySet()) {
			for (var line : month.getValue().entrySet()) {
				// Income is booked as credit (negative); an outcome shows it as a positive amount like the budget.
				long ore = lineGroups.get(line.getKey()).income() ? -line.getValue() : line.getValue();
				long kronor = BigDecimal.valueOf(ore).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
				jdbc.sql("insert into budget_actual (association_id, actual_year, actual_month, line_code, amount_kr) values (?, ?, ?, ?, ?)")
					.params(association.id(), year, month.getKey(), line.getKey(), kronor).update();
				rows++;
			}
		}
		audit.record(AuditAction.OUTCOME_IMPORTED, association.id(), AuditTarget.BUDGET, String.valueOf(year), rows + " rows");
		return rows;
	}

	/** One amount of the file for the year, from the file's line {@code line}. */
	private record Booking(int line, String account, int month, long ore) {
	}

	/** Enters (or corrects) the outcome of one budget line for one month by hand. */
	@Transactional
	public void enter(AssociationRef association, int year, String lineCode, Integer month, Long amountKr) {
		var budget = budgets.budget(association, year).orElseThrow(se.samsyn.platform.NotFoundException::new);
		Checks checks = new Checks();
		checks.check(lineCode != null && budget.budgetYear().lines().stream().anyMatch(line -> line.code().equals(lineCode)),
				"lineCode", "validation.choice");
		checks.check(month != null && month >= 1 && month <= 12, "month", "outcome.month.range");
		checks.check(amountKr != null, "amountKr", "validation.required");
		checks.check(amountKr == null || Math.abs(amountKr) <= 100_000_000_000L, "amountKr", "validation.tooLarge");
		checks.throwIfAny();
		jdbc.sql("delete from budget_actual where association_id = ? and actual_year = ? and actual_month = ? and line_code = ?")
			.params(association.id(), year, month, lineCode).update();
		jdbc.sql("insert into budget_actual (association_id, actual_year, actual_month, line_code, amount_kr) values (?, ?, ?, ?, ?)")
			.params(association.id(), year, month, lineCode, amountKr).update();
		audit.record(AuditAction.OUTCOME_ENTERED, association.id(), AuditTarget.BUDGET, String.valueOf(year), lineCode + " " + month);
	}

	/** A budget line against its outcome so far and a forecast for the whole year. */
	public record Row(String code, String name, BudgetGroup group, long budgetKr, long outcomeKr, long forecastKr) {
	}

	public record Comparison(int year, int monthsBooked, List<Row> rows) {
	}

	/** Forecast: the outcome so far plus the budget's share of the months still to come. */
	public Comparison compare(AssociationRef association, int year) {
		var budget = budgets.budget(association, year).orElseThrow(se.samsyn.platform.NotFoundException::new);
		Map<String, Long> outcome = new HashMap<>();
		jdbc.sql("select line_code, sum(amount_kr) from budget_actual where association_id = ? and actual_year = ? group by line_code")
			.params(association.id(), year).query((rs, n) -> outcome.put(rs.getString(1), rs.getLong(2))).list();
		int months = jdbc.sql("select coalesce(max(actual_month), 0) from budget_actual where association_id = ? and actual_year = ?")
			.params(association.id(), year).query(Integer.class).single();
		List<Row> rows = budget.budgetYear().lines().stream().map(line -> {
			long actual = outcome.getOrDefault(line.code(), 0L);
			long forecast = actual + Math.round(line.amountKr() * (12 - months) / 12.0);
			return new Row(line.code(), line.name(), line.group(), line.amountKr(), actual, forecast);
		}).toList();
		return new Comparison(year, months, rows);
	}
}
