package se.samsyn.intervention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.samsyn.intervention.BudgetTable.Line;
import se.samsyn.platform.Kronor;

class BudgetTableTests {

	@Test
	void sumsPerKindAndInTotalFromTheLines() {
		BudgetTable table = BudgetTable.of(List.of(2024, 2025), List.of(
				new Line(1, "IPS", InterventionKind.INDIVIDUAL, 2024, Kronor.of(5_000_000)),
				new Line(1, "IPS", InterventionKind.INDIVIDUAL, 2025, Kronor.of(5_500_000)),
				new Line(2, "Aktivitetsplatsen", InterventionKind.INDIVIDUAL, 2025, Kronor.of(9_000_000)),
				new Line(3, "Kommunhubben", InterventionKind.STRUCTURAL, 2025, Kronor.of(700_000)),
				new Line(3, "Kommunhubben", InterventionKind.STRUCTURAL, 2030, Kronor.of(1))));
		assertThat(table.sum(InterventionKind.INDIVIDUAL, 2025)).isEqualTo(Kronor.of(14_500_000));
		assertThat(table.sum(InterventionKind.STRUCTURAL, 2025)).isEqualTo(Kronor.of(700_000));
		assertThat(table.total(2025)).isEqualTo(Kronor.of(15_200_000));
		assertThat(table.total(2024)).isEqualTo(Kronor.of(5_000_000));
		assertThat(table.sections().get(0).rows()).extracting(BudgetTable.Row::name)
			.containsExactly("Aktivitetsplatsen", "IPS");
	}

	@Test
	void anInsatsWithoutMoneyInTheShownYearsIsLeftOut() {
		BudgetTable table = BudgetTable.of(List.of(2025), List.of(
				new Line(1, "Gammal insats", InterventionKind.INDIVIDUAL, 2019, Kronor.of(100))));
		assertThat(table.sections()).isEmpty();
		assertThat(table.total(2025)).isEqualTo(Kronor.ZERO);
	}
}
