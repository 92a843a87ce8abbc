package se.samsyn.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.samsyn.intervention.InterventionCommand.BudgetLine;
import se.samsyn.intervention.InterventionCommand.TargetDefinition;
import se.samsyn.platform.Checks;
import se.samsyn.platform.ValidationException;

class InterventionRulesTests {

	private final InterventionRules.Context context = new InterventionRules.Context() {
		@Override
		public Set<Long> memberIds() {
			return Set.of(1L, 2L, 3L);
		}

		@Override
		public Set<Long> districtIds() {
			return Set.of(10L);
		}

		@Override
		public boolean targetGroup(String code) {
			return code.equals("YOUNG_ADULTS");
		}

		@Override
		public boolean exitReason(String code) {
			return List.of("WORK", "STUDIES").contains(code);
		}
	};

	@Test
	void aValidInsatsPasses() {
		assertThat(fieldsWithErrors(command(List.of(1L, 2L), "2025-01-01", "2025-12-31",
				List.of(new BudgetLine(2025, 1_000_000L, 70, null)),
				List.of(target("SHARE_WOMEN", "AT_LEAST", "50"))))).isEmpty();
	}

	@Test
	void refusesFewerThanTwoMembersAndMembersOfOtherFörbund() {
		assertThat(fieldsWithErrors(command(List.of(1L), null, null, List.of(), List.of()))).containsExactly("memberIds");
		assertThat(fieldsWithErrors(command(List.of(1L, 99L), null, null, List.of(), List.of()))).containsExactly("memberIds");
	}

	@Test
	void refusesAnEndBeforeTheStart() {
		assertThat(fieldsWithErrors(command(List.of(1L, 2L), "2025-06-01", "2025-05-31", List.of(), List.of())))
			.containsExactly("endDate");
	}

	@Test
	void refusesNegativeAmountsAndTheSameYearTwice() {
		assertThat(fieldsWithErrors(command(List.of(1L, 2L), null, null,
				List.of(new BudgetLine(2025, -1L, null, null), new BudgetLine(2025, 5L, null, null)), List.of())))
			.containsExactly("budgets[0].amountKr", "budgets[1].year");
	}

	@Test
	void refusesASharAboveHundredPercentAndIncompleteDefinitions() {
		assertThat(fieldsWithErrors(command(List.of(1L, 2L), null, null, List.of(), List.of(
				target("SHARE_MEN", "AT_LEAST", "101"),
				target("FIDELITY_SCORE", "AT_LEAST", "130"),
				new TargetDefinition(2025, "60 procent till arbete", "EXIT_REASON_SHARE", "AT_LEAST", new BigDecimal("60"),
						null, List.of(), null, null, null),
				new TargetDefinition(2025, "Ungefär hälften", "SHARE_WOMEN", "APPROXIMATELY", new BigDecimal("50"), null,
						List.of(), null, null, null),
				target("STARTED_COUNT", "AT_LEAST", "70.5")))))
			.containsExactly("targets[0].threshold", "targets[1].threshold", "targets[2].exitReasons",
					"targets[3].tolerance", "targets[4].threshold");
	}

	@Test
	void aManualTargetMayHaveNoNumber() {
		assertThat(fieldsWithErrors(command(List.of(1L, 2L), null, null, List.of(), List.of(
				new TargetDefinition(2025, "En utbildning genomförs", "MANUAL", null, null, null, List.of(), null, null, null)))))
			.isEmpty();
	}

	private static TargetDefinition target(String metric, String comparator, String threshold) {
		return new TargetDefinition(2025, "Planens text", metric, comparator, new BigDecimal(threshold), null, List.of(),
				null, null, null);
	}

	private static InterventionCommand command(List<Long> members, String start, String end, List<BudgetLine> budgets,
			List<TargetDefinition> targets) {
		return new InterventionCommand("IPS", null, null, "INDIVIDUAL", null, null, start, end, null, null, null, members,
				List.of("YOUNG_ADULTS"), List.of(10L), budgets, targets, null, null);
	}

	private List<String> fieldsWithErrors(InterventionCommand command) {
		Checks checks = new Checks();
		InterventionRules.check(command, context, true, checks);
		try {
			checks.throwIfAny();
			return List.of();
		}
		catch (ValidationException ex) {
			return ex.errors().stream().map(ValidationException.FieldError::field).toList();
		}
	}
}
