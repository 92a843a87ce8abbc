package se.samsyn.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class InterventionDomainTests {

	@Test
	void anInsatsGoesFromProposalThroughDecisionToOrdinaryOperations() {
		assertThat(InterventionStatus.PROPOSED.next()).containsExactlyInAnyOrder(InterventionStatus.PREPARED, InterventionStatus.REJECTED);
		assertThat(InterventionStatus.PREPARED.mayMoveTo(InterventionStatus.DECIDED)).isTrue();
		assertThat(InterventionStatus.PROPOSED.mayMoveTo(InterventionStatus.DECIDED)).as("no decision without beredning").isFalse();
		assertThat(InterventionStatus.DECIDED.next()).containsExactly(InterventionStatus.ONGOING);
		assertThat(InterventionStatus.ONGOING.next()).containsExactlyInAnyOrder(InterventionStatus.ENDED, InterventionStatus.IMPLEMENTED);
		assertThat(InterventionStatus.REJECTED.next()).isEmpty();
	}

	@Test
	void fidelityIsTheSumOf25ItemsAndGoodFrom100() {
		List<Integer> items = new ArrayList<>(Collections.nCopies(25, 4));
		assertThat(new FidelityScore(items).total()).isEqualTo(100);
		assertThat(new FidelityScore(items).good()).isTrue();
		items.set(0, 3);
		assertThat(new FidelityScore(items).level()).isEqualTo(FidelityLevel.FAIR);
		assertThat(new FidelityScore(Collections.nCopies(25, 3)).level()).as("75 is rimlig").isEqualTo(FidelityLevel.FAIR);
		assertThat(FidelityLevel.of(73)).isEqualTo(FidelityLevel.NOT_IPS);
		assertThat(FidelityLevel.of(74)).isEqualTo(FidelityLevel.FAIR);
		assertThat(FidelityLevel.of(99)).isEqualTo(FidelityLevel.FAIR);
		assertThat(FidelityLevel.of(125)).isEqualTo(FidelityLevel.GOOD);
		assertThat(new FidelityScore(Collections.nCopies(25, 2)).level()).isEqualTo(FidelityLevel.NOT_IPS);
		assertThat(FidelityScore.parse(new FidelityScore(items).stored())).isEqualTo(new FidelityScore(items));
	}

	@Test
	void fidelityRefusesWrongItems() {
		assertThatThrownBy(() -> new FidelityScore(Collections.nCopies(24, 3))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FidelityScore(Collections.nCopies(25, 6))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void targetsCompareTheMeasuredValue() {
		assertThat(TargetStatus.of(new BigDecimal("52"), TargetComparator.AT_LEAST, new BigDecimal("50"), null).state())
			.isEqualTo(TargetStatus.State.FULFILLED);
		assertThat(TargetStatus.of(new BigDecimal("48"), TargetComparator.AT_LEAST, new BigDecimal("50"), null).state())
			.isEqualTo(TargetStatus.State.NOT_FULFILLED);
		assertThat(TargetStatus.of(new BigDecimal("12"), TargetComparator.AT_MOST, new BigDecimal("10"), null).state())
			.isEqualTo(TargetStatus.State.NOT_FULFILLED);
		assertThat(TargetStatus.of(new BigDecimal("47"), TargetComparator.APPROXIMATELY, new BigDecimal("50"), new BigDecimal("5")).state())
			.isEqualTo(TargetStatus.State.FULFILLED);
		assertThat(TargetStatus.of(null, TargetComparator.AT_LEAST, BigDecimal.TEN, null).state())
			.isEqualTo(TargetStatus.State.NOT_MEASURABLE);
		assertThat(TargetStatus.of(BigDecimal.ONE, null, null, null).state()).isEqualTo(TargetStatus.State.REPORTED);
	}
}
