package se.samsyn.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * An insats as the public sees it: the catalogue texts and the insats' public facts. Holds no
 * budget, target, decision, participant or internal note.
 */
public record CatalogEntry(long interventionId, String associationCode, String associationName, boolean published,
		String title, String summary, String forWhom, Integer minAge, Integer maxAge, String whatYouGet, String where,
		String openingHours, String howToGetThere, boolean selfReferral, List<String> referrerKinds, String contact,
		String languages, String accessibility, LocalDate startDate, LocalDate endDate, List<String> districts,
		List<String> municipalities, List<String> targetGroups) {

	/** A readable, shareable address fragment: {@code 12-aktivitetsplatsen}. */
	public String slug() {
		String words = java.text.Normalizer.normalize(title.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-|-$)", "");
		return interventionId + (words.isEmpty() ? "" : "-" + words);
	}
}
