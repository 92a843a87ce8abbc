package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KronorTests {

	@Test
	void showsThousandsWithANonBreakingSpace() {
		assertThat(Kronor.of(30_515_000).tkr()).isEqualTo("30\u00A0515\u00A0tkr");
		assertThat(Kronor.of(36_168_000).tkrNumber()).isEqualTo("36\u00A0168");
		assertThat(Kronor.of(1_100_000).kr()).isEqualTo("1\u00A0100\u00A0000\u00A0kr");
		assertThat(Kronor.of(999).kr()).isEqualTo("999\u00A0kr");
		assertThat(Kronor.of(1_500).tkrNumber()).isEqualTo("2");
		assertThat(Kronor.of(-2_000_000).tkrNumber()).isEqualTo("−2\u00A0000");
	}

	@Test
	void addsUp() {
		assertThat(Kronor.of(30_515_000).plus(Kronor.of(3_219_000))).isEqualTo(Kronor.of(33_734_000));
	}
}
