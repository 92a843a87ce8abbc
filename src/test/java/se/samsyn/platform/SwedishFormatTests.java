package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SwedishFormatTests {

	private final SwedishFormat format = new SwedishFormat();

	@Test
	void sortsNamesInSwedishOrder() {
		assertThat(List.of("Östra Södertörn", "Ärla", "Åby", "Zinkensdamm", "Alby").stream().sorted(SwedishFormat.ORDER))
			.containsExactly("Alby", "Zinkensdamm", "Åby", "Ärla", "Östra Södertörn");
		assertThat(SwedishFormat.ORDER.compare("Samordningsförbundet i Södertälje", "Samordningsförbundet Stockholms stad"))
			.isNegative();
	}

	@Test
	void showsTimesInSwedishTime() {
		assertThat(format.dateTime(Instant.parse("2026-07-01T10:15:00Z"))).isEqualTo("2026-07-01 12:15");
		assertThat(format.dateTime(Instant.parse("2026-12-01T10:15:00Z"))).isEqualTo("2026-12-01 11:15");
		assertThat(format.date((Instant) null)).isEqualTo("–");
	}
}
