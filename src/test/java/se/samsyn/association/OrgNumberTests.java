package se.samsyn.association;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgNumberTests {

	@Test
	void acceptsNumbersWithACorrectCheckDigit() {
		// Skatteverket's and Försäkringskassan's published organisation numbers.
		assertThat(Associations.OrgNumber.valid("202100-5448")).isTrue();
		assertThat(Associations.OrgNumber.valid("2021005489")).isTrue();
	}

	@Test
	void refusesAWrongCheckDigitOrForm() {
		assertThat(Associations.OrgNumber.valid("202100-5449")).isFalse();
		assertThat(Associations.OrgNumber.valid("20210-05448")).isFalse();
		assertThat(Associations.OrgNumber.valid("abc")).isFalse();
	}

	@Test
	void storesTheHyphenatedForm() {
		assertThat(Associations.OrgNumber.normalise("2021005448")).isEqualTo("202100-5448");
	}
}
