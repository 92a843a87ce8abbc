package se.samsyn.finance.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.samsyn.finance.IdealAllocation;
import se.samsyn.platform.Checks;

/** Checks the calculator's inputs so that every mistake is named before anything is computed. */
final class IdealAllocationRules {

	private IdealAllocationRules() {
	}

	static void check(Integer year, Long stateTotalKr, long baseKr, List<IdealAllocation.Input> inputs) {
		Checks checks = new Checks();
		checks.check(year == null || (year >= 2000 && year <= 2100), "year", "budget.year.range");
		checks.check(stateTotalKr != null && stateTotalKr > 0 && stateTotalKr <= 100_000_000_000L, "stateTotalKr", "ideal.total.required");
		checks.check(baseKr >= 0 && baseKr <= 100_000_000L, "baseKr", "ideal.base.range");
		checks.check(!inputs.isEmpty() && inputs.size() <= 500, "associations", "ideal.associations.required");
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < inputs.size(); i++) {
			var input = inputs.get(i);
			String prefix = "associations[" + i + "].";
			checks.check(input.code() != null && !input.code().isBlank() && input.code().length() <= 100, prefix + "code", "validation.required");
			checks.check(input.code() == null || codes.add(input.code()), prefix + "code", "ideal.code.twice");
			checks.check(input.population16to64() >= 0 && input.population16to64() <= 20_000_000L, prefix + "population16to64", "ideal.number.required");
			checks.check(input.supportMeasure() >= 0 && input.supportMeasure() <= 20_000_000L, prefix + "supportMeasure", "ideal.number.required");
		}
		checks.check(inputs.isEmpty() || inputs.stream().mapToLong(IdealAllocation.Input::population16to64).sum() > 0,
				"associations", "ideal.population.zero");
		checks.check(inputs.isEmpty() || inputs.stream().mapToLong(IdealAllocation.Input::supportMeasure).sum() > 0,
				"associations", "ideal.support.zero");
		checks.check(stateTotalKr == null || stateTotalKr >= inputs.size() * baseKr, "stateTotalKr", "ideal.total.tooSmall");
		checks.throwIfAny();
	}
}
