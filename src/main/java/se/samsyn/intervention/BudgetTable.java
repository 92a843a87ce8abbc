package se.samsyn.intervention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.samsyn.platform.Kronor;
import se.samsyn.platform.SwedishFormat;

/**
 * The multi-year budget table of a plan (seed 002's Tabell 5: Budget 2024 | Budget 2025 | Plan 2026 |
 * Plan 2027): one row per insats, grouped by kind, with sums per kind and in total. Every sum is
 * computed from the rows; nothing is typed twice.
 */
public record BudgetTable(List<Integer> years, List<Section> sections, List<Kronor> totals) {

	/** One insats' amount in one year, as stored. */
	public record Line(long interventionId, String name, InterventionKind kind, int year, Kronor amount) {
	}

	public record Row(long interventionId, String name, List<Kronor> amounts) {
	}

	public record Section(InterventionKind kind, List<Row> rows, List<Kronor> sums) {
	}

	public static BudgetTable of(List<Integer> years, List<Line> lines) {
		List<Section> sections = new ArrayList<>();
		List<Kronor> totals = zeros(years.size());
		for (InterventionKind kind : InterventionKind.values()) {
			Map<Long, Row> rows = new LinkedHashMap<>();
			List<Kronor> sums = zeros(years.size());
			lines.stream()
				.filter(line -> line.kind() == kind)
				.sorted(Comparator.comparing(Line::name, SwedishFormat.ORDER))
				.forEach(line -> {
					Row row = rows.computeIfAbsent(line.interventionId(),
							id -> new Row(id, line.name(), zeros(years.size())));
					int column = years.indexOf(line.year());
					if (column >= 0) {
						row.amounts().set(column, row.amounts().get(column).plus(line.amount()));
						sums.set(column, sums.get(column).plus(line.amount()));
						totals.set(column, totals.get(column).plus(line.amount()));
					}
				});
			List<Row> shown = rows.values().stream()
				.filter(row -> row.amounts().stream().anyMatch(amount -> amount.value() != 0))
				.map(row -> new Row(row.interventionId(), row.name(), List.copyOf(row.amounts())))
				.toList();
			if (!shown.isEmpty()) {
				sections.add(new Section(kind, shown, List.copyOf(sums)));
			}
		}
		return new BudgetTable(List.copyOf(years), List.copyOf(sections), List.copyOf(totals));
	}

	public Kronor sum(InterventionKind kind, int year) {
		int column = years.indexOf(year);
		return sections.stream().filter(section -> section.kind() == kind).findFirst()
			.map(section -> section.sums().get(column)).orElse(Kronor.ZERO);
	}

	public Kronor total(int year) {
		return totals.get(years.indexOf(year));
	}

	private static List<Kronor> zeros(int size) {
		List<Kronor> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(Kronor.ZERO);
		}
		return list;
	}
}
