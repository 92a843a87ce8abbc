package se.samsyn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwedishStemmerTests {

	@Test
	void followsTheSnowballAlgorithm() {
		// Step 1 removes the longest ending in R1, step 2 a doubled consonant ending, step 3 -lig, -ig, -els, -löst.
		assertThat(SwedishStemmer.stem("jaktkarlarne")).isEqualTo("jaktkarl");
		assertThat(SwedishStemmer.stem("klokheten")).isEqualTo("klok");
		assertThat(SwedishStemmer.stem("friskt")).isEqualTo("frisk");
		assertThat(SwedishStemmer.stem("hopplöst")).isEqualTo("hopplös");
		assertThat(SwedishStemmer.stem("vänlig")).isEqualTo("vän");
		assertThat(SwedishStemmer.stem("fullt")).as("the ending must lie in R1").isEqualTo("fullt");
		assertThat(SwedishStemmer.stem("kärlek")).isEqualTo("kärlek");
		assertThat(SwedishStemmer.stem("arbetar")).isEqualTo("arbet");
		assertThat(SwedishStemmer.stem("arbete")).isEqualTo("arbet");
	}

	@Test
	void wordFormsOfTheSameWordShareAStemOrAPrefix() {
		assertThat(SwedishStemmer.stem("unga")).isEqualTo("ung");
		assertThat(SwedishStemmer.stem("ung")).isEqualTo("ung");
		assertThat(SwedishStemmer.stem("ungdomar")).startsWith("ung");
		assertThat(SwedishStemmer.stem("deltagarna")).isEqualTo(SwedishStemmer.stem("deltagare"));
		assertThat(SwedishStemmer.stem("studier")).isEqualTo(SwedishStemmer.stem("studie"));
	}

	@Test
	void splitsTextIntoWordsAndKeepsÅÄÖ() {
		assertThat(SwedishStemmer.words("Stöd till arbete – för unga vuxna (18–29 år), café"))
			.containsExactly("stöd", "till", "arbete", "för", "unga", "vuxna", "18", "29", "år", "cafe");
	}
}
