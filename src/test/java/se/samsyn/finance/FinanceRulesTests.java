package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.samsyn.finance.ContributionSplit.Municipality;
import se.samsyn.finance.IdealAllocation.Input;

class FinanceRulesTests {

	@Test
	void largestRemainderAddsUpExactly() {
		assertThat(LargestRemainder.split(100, List.of(1L, 1L, 1L))).containsExactly(34L, 33L, 33L);
		assertThat(LargestRemainder.split(10, List.of(5L, 3L, 2L))).containsExactly(5L, 3L, 2L);
		assertThat(LargestRemainder.split(7, List.of(1L, 2L))).containsExactly(2L, 5L);
		assertThat(LargestRemainder.split(1_000_001, List.of(333L, 333L, 334L)).stream().mapToLong(Long::longValue).sum())
			.isEqualTo(1_000_001);
		assertThatThrownBy(() -> LargestRemainder.split(5, List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theStatePaysHalfTheRegionAQuarterAndTheMunicipalitiesAQuarterByPopulation() {
		var parts = ContributionSplit.of(18_000_001, List.of(new Municipality("Haninge kommun", 78_000),
				new Municipality("Tyresö kommun", 43_000), new Municipality("Nynäshamns kommun", 26_000)));
		assertThat(parts.state()).isEqualTo(9_000_001);
		assertThat(parts.region()).isEqualTo(4_500_000);
		assertThat(parts.municipalities().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(4_500_000);
		assertThat(parts.state() + parts.region() + 4_500_000).isEqualTo(18_000_001);
		assertThat(parts.municipalities().get("Haninge kommun")).isEqualTo(2_387_755);
	}

	@Test
	void theMemberThatOffersLeastRelativeToItsShareSetsTheWhole() {
		// Stockholm's founding decision: the city offers 2,0 mnkr of an 8,0 mnkr budget.
		var municipalities = List.of(new Municipality("Stockholms stad", 980_000));
		var binding = ContributionSplit.binding(new ContributionSplit.Offers(5_000_000, 2_500_000, Map.of("Stockholms stad", 2_000_000L)),
				municipalities, "Försäkringskassan", "Region Stockholm");
		assertThat(binding.total()).isEqualTo(8_000_000);
		assertThat(binding.bindingPayer()).isEqualTo("Stockholms stad");
		assertThat(binding.parts().state()).isEqualTo(4_000_000);
		assertThat(binding.parts().region()).isEqualTo(2_000_000);
	}

	@Test
	void theIdealAllocationSharesTheRestBySupportMeasureAndPopulation() {
		var allocations = IdealAllocation.of(10_000_000, 400_000, List.of(new Input("a", 100_000, 3_000),
				new Input("b", 300_000, 1_000)));
		// rest 9 200 000: a gets 0.75 × 3/4 + 0.25 × 1/4 = 0.625, b 0.375.
		assertThat(allocations.get(0).allocationKr()).isEqualTo(400_000 + 5_750_000);
		assertThat(allocations.get(1).allocationKr()).isEqualTo(400_000 + 3_450_000);
		assertThat(allocations.get(0).idealBudgetKr()).isEqualTo(2 * 6_150_000);
		assertThat(allocations.stream().mapToLong(IdealAllocation.Allocation::allocationKr).sum()).isEqualTo(10_000_000);
		assertThatThrownBy(() -> IdealAllocation.of(500_000, 400_000, List.of(new Input("a", 1, 1), new Input("b", 1, 1))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
