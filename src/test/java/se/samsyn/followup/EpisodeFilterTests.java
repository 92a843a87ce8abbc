package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import se.samsyn.platform.Checks;
import se.samsyn.platform.ValidationException;

class EpisodeFilterTests {

	@Test
	void aKnownNameIsTheFilterAndABlankOneNoFilter() {
		Checks checks = new Checks();
		assertThat(EpisodeFilter.parse("ENDED", checks, "status")).isEqualTo(EpisodeFilter.ENDED);
		assertThat(EpisodeFilter.parse(" ONGOING ", checks, "status")).isEqualTo(EpisodeFilter.ONGOING);
		assertThat(EpisodeFilter.parse("", checks, "status")).isNull();
		assertThat(EpisodeFilter.parse(null, checks, "status")).isNull();
		assertThat(checks.ok()).isTrue();
	}

	@Test
	void anUnknownNameIsRefusedNamingTheParameterAndTheAllowedValues() {
		Checks checks = new Checks();
		assertThat(EpisodeFilter.parse("ongoing", checks, "status")).isNull();
		assertThatThrownBy(checks::throwIfAny).isInstanceOfSatisfying(ValidationException.class, ex -> {
			assertThat(ex.errors()).singleElement().satisfies(error -> {
				assertThat(error.field()).isEqualTo("status");
				assertThat(error.messageKey()).isEqualTo("validation.parameter");
				assertThat(error.arguments()).containsExactly("status", "ONGOING, ENDED");
			});
		});
	}

	@Test
	void aPageLinkWithAnUnknownNameShowsEveryEpisode() {
		assertThat(EpisodeFilter.fromLink("ENDED")).isEqualTo(EpisodeFilter.ENDED);
		assertThat(EpisodeFilter.fromLink("EVIL")).isNull();
		assertThat(EpisodeFilter.fromLink(null)).isNull();
	}
}
