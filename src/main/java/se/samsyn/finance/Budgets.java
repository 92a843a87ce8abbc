package se.samsyn.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.intervention.InterventionKind;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;


/**
 * The förbund's budget: a budget year and two plan years. Lines for income, styrelse, kansli and the
 * rest are entered; the insatser's costs come line by line from the insatser's own budgets unless the
 * budget lists insats costs itself (older plans do). A draft can change; an adopted budget is locked,
 * and changing it starts a new version that needs its own decision.
 */
@Service
public class Budgets {

	public static final int PLAN_YEARS = 2;
	/** Lines of one budget with its plan years, at most: the seeds' budgets have about thirty. */
	static final int MAX_LINES = 500;
	/** Codes of lines taken from the insatser; no entered code can start with it. */
	public static final String DERIVED = "#insats-";

	private final JdbcClient jdbc;
	private final Interventions interventions;
	private final AuditLog audit;
	private final Clock clock;

	Budgets(JdbcClient jdbc, Interventions interventions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.interventions = interventions;
		this.audit = audit;
		this.clock = clock;
	}

	public enum Status {
		DRAFT, ADOPTED
	}

	/** A line as entered; {@code year} null means the budget year. */
	public record LineInput(Integer year, String code, String name, String group, Long amountKr) {
	}

	public record YearView(int year, List<BudgetFigures.Line> lines, BudgetFigures figures) {
	}

	public record BudgetView(int year, int version, Status status, LocalDate adoptedOn, String decisionReference,
			long openingEquityKr, YearView budgetYear, List<YearView> planYears, boolean insatsLinesFromInsatser) {
	}

	public List<Integer> years(AssociationRef association) {
		return jdbc.sql("select distinct budget_year from budget where association_id = ? order by budget_year")
			.param(association.id()).query(Integer.class).list();
	}

	/** The latest version of the year's budget, with every figure computed. */
	public Optional<BudgetView> budget(AssociationRef association, int year) {
		return latest(association, year).map(head -> {
			List<StoredLine> stored = jdbc.sql("select line_year, code, name, line_group, amount_kr from budget_line where budget_id = ? order by line_year, line_group, code")
				.param(head.id())
				.query((rs, n) -> new StoredLine(rs.getInt(1), new BudgetFigures.Line(rs.getString(2), rs.getString(3),
						BudgetGroup.valueOf(rs.getString(4)), rs.getLong(5))))
				.list();
			var insatser = interventions.budgetLines(association.id());
			boolean fromInsatser = false;
			long opening = head.openingEquityKr();
			List<YearView> views = new ArrayList<>();
			for (int y = year; y <= year + PLAN_YEARS; y++) {
				int lineYear = y;
				List<BudgetFigures.Line> lines = new ArrayList<>(stored.stream().filter(line -> line.year() == lineYear)
					.map(StoredLine::line).toList());
				boolean ownInsatsLines = lines.stream()
					.anyMatch(line -> line.group() == BudgetGroup.INDIVIDUAL || line.group() == BudgetGroup.STRUCTURAL);
				if (!ownInsatsLines) {
					insatser.stream().filter(line -> line.year() == lineYear).forEach(line -> lines.add(new BudgetFigures.Line(
							DERIVED + line.interventionId(), line.name(),
							line.kind() == InterventionKind.INDIVIDUAL ? BudgetGroup.INDIVIDUAL : BudgetGroup.STRUCTURAL,
							line.amount().value())));
					fromInsatser |= lines.stream().anyMatch(line -> line.code().startsWith(DERIVED));
				}
				if (y > year && lines.isEmpty()) {
					continue;
				}
				BudgetFigures figures = BudgetFigures.of(y, opening, lines);
				views.add(new YearView(y, lines, figures));
				opening = figures.closingEquityKr();
			}
			return new BudgetView(year, head.version(), head.status(), head.adoptedOn(), head.decisionReference(),
					head.openingEquityKr(), views.get(0), views.subList(1, views.size()), fromInsatser);
		});
	}

	/** Creates or replaces the draft; an adopted budget is left as it is and a new draft version started. */
	@Transactional
	public void saveDraft(AssociationRef association, int year, Long openingEquityKr, List<LineInput> lines) {
		Checks checks = new Checks();
		checks.check(year >= 2000 && year <= 2100, "year", "budget.year.range");
		checks.check(openingEquityKr != null, "openingEquityKr", "validation.required");
		checks.check(openingEquityKr == null || Math.abs(openingEquityKr) <= 100_000_000_000L, "openingEquityKr", "validation.tooLarge");
		Set<String> seen = new HashSet<>();
		List<Object[]> rows = new ArrayList<>();
		List<LineInput> listed = checks.atMost(lines, MAX_LINES, "lines") ? lines : List.of();
		for (int i = 0; i < listed.size(); i++) {
			LineInput line = listed.get(i);
			String prefix = "lines[" + i + "].";
			int lineYear = line.year() == null ? year : line.year();
			checks.check(lineYear >= year && lineYear <= year + PLAN_YEARS, prefix + "year", "budgetline.year.range", year, year + PLAN_YEARS);
			String code = line.code() == null ? "" : line.code().trim();
			checks.check(code.matches("[A-Za-z0-9_.-]{1,40}"), prefix + "code", "budgetline.code.invalid");
			checks.check(!code.isEmpty() && seen.add(lineYear + "/" + code), prefix + "code", "budgetline.code.twice");
			String name = checks.text(line.name(), 200, prefix + "name");
			BudgetGroup group = null;
			try {
				group = BudgetGroup.valueOf(line.group() == null ? "" : line.group().trim());
			}
			catch (IllegalArgumentException ex) {
				checks.check(false, prefix + "group", "budgetline.group.invalid");
			}
			checks.check(line.amountKr() != null, prefix + "amountKr", "validation.required");
			checks.check(line.amountKr() == null || line.amountKr() >= 0, prefix + "amountKr", "validation.negative");
			checks.check(line.amountKr() == null || line.amountKr() <= 100_000_000_000L, prefix + "amountKr", "validation.tooLarge");
			if (group != null && name != null && line.amountKr() != null) {
				rows.add(new Object[] { lineYear, code, name, group.name(), line.amountKr() });
			}
		}
		checks.throwIfAny();
		var head = latest(association, year);
		long budgetId;
		if (head.isPresent() && head.get().status() == Status.DRAFT) {
			budgetId = head.get().id();
			jdbc.sql("update budget set opening_equity_kr = ? where id = ?").params(openingEquityKr, budgetId).update();
			jdbc.sql("delete from budget_line where budget_id = ?").param(budgetId).update();
		}
		else {
			int version = head.map(h -> h.version() + 1).orElse(1);
			var keys = new GeneratedKeyHolder();
			jdbc.sql("insert into budget (association_id, budget_year, version, status, opening_equity_kr, created_at) values (?, ?, ?, 'DRAFT', ?, ?)")
				.params(association.id(), year, version, openingEquityKr, clock.instant().atOffset(ZoneOffset.UTC))
				.update(keys, "id");
			budgetId = keys.getKey().longValue();
		}
		for (Object[] row : rows) {
			jdbc.sql("insert into budget_line (budget_id, line_year, code, name, line_group, amount_kr) values (?, ?, ?, ?, ?, ?)")
				.params(budgetId, row[0], row[1], row[2], row[3], row[4]).update();
		}
		audit.record(AuditAction.BUDGET_SAVED, association.id(), AuditTarget.BUDGET, String.valueOf(year), null);
	}

	/** The board adopts the draft: from now on it is locked. */
	@Transactional
	public void adopt(AssociationRef association, int year, String adoptedOn, String reference) {
		var head = latest(association, year).orElseThrow(se.samsyn.platform.NotFoundException::new);
		Checks checks = new Checks();
		checks.check(head.status() == Status.DRAFT, "status", "budget.adopted.already");
		LocalDate date = checks.optionalDate(adoptedOn, "adoptedOn");
		checks.check(date != null, "adoptedOn", "decision.date.required");
		checks.check(date == null || !date.isAfter(LocalDate.now(clock)), "adoptedOn", "decision.date.future");
		String cleanReference = checks.text(reference, 100, "decisionReference");
		checks.throwIfAny();
		// The insatser's lines as they stand are kept with the adopted budget, so later changes to an insats'
		// budget do not change what the board decided; a revision takes them afresh.
		var view = budget(association, year).orElseThrow();
		java.util.stream.Stream.concat(java.util.stream.Stream.of(view.budgetYear()), view.planYears().stream())
			.forEach(y -> y.lines().stream().filter(line -> line.code().startsWith(DERIVED)).forEach(line -> jdbc.sql(
					"insert into budget_line (budget_id, line_year, code, name, line_group, amount_kr) values (?, ?, ?, ?, ?, ?)")
				.params(head.id(), y.year(), line.code(), line.name(), line.group().name(), line.amountKr()).update()));
		jdbc.sql("update budget set status = 'ADOPTED', adopted_on = ?, decision_reference = ? where id = ?")
			.params(date, cleanReference, head.id()).update();
		audit.record(AuditAction.BUDGET_ADOPTED, association.id(), AuditTarget.BUDGET, String.valueOf(year), "version " + head.version());
	}

	private Optional<Head> latest(AssociationRef association, int year) {
		return jdbc.sql("""
				select id, version, status, opening_equity_kr, adopted_on, decision_reference from budget
				 where association_id = ? and budget_year = ? order by version desc limit 1
				""").params(association.id(), year)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getInt(2), Status.valueOf(rs.getString(3)), rs.getLong(4),
					rs.getObject(5, LocalDate.class), rs.getString(6)))
			.optional();
	}

	private record Head(long id, int version, Status status, long openingEquityKr, LocalDate adoptedOn,
			String decisionReference) {
	}

	private record StoredLine(int year, BudgetFigures.Line line) {
	}

}
