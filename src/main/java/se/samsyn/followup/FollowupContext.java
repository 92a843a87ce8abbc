package se.samsyn.followup;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a start or exit is checked against in one förbund, loaded once: the codes of each list, the
 * förbund's referring units and districts, the questions it asks, and today.
 */
public record FollowupContext(long associationId, Map<String, Set<String>> codes, Set<Long> referrerIds,
		Set<Long> districtIds, Set<String> questions, LocalDate today) {

	public boolean hasCode(String list, String code) {
		return codes.getOrDefault(list, Set.of()).contains(code);
	}
}
