package se.samsyn.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

class CatalogSortKeyTests {

	@Test
	void sortKeysSortInSwedishOrderAsPlainText() {
		List<String> titles = List.of("Östra teamet", "Ärlig start", "Åby arbete", "Zon", "aktivitetsplatsen", "Bravo");
		assertThat(titles.stream().sorted(Comparator.comparing(Catalog::sortKey)))
			.containsExactly("aktivitetsplatsen", "Bravo", "Zon", "Åby arbete", "Ärlig start", "Östra teamet");
		assertThat(Catalog.sortKey("Insats")).matches("[0-9a-f]+");
		assertThat(Catalog.sortKey("Å".repeat(200))).hasSizeLessThanOrEqualTo(1000);
	}
}
