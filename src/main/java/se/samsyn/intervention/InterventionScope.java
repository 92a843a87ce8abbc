package se.samsyn.intervention;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Which insatser of a förbund something may reach: all of them, or only those named (possibly none). The one value
 * every module asks about visibility with; {@link Interventions#scope} computes it for the current user.
 */
public final class InterventionScope {

	private static final InterventionScope ALL = new InterventionScope(null);

	private final Set<Long> ids;

	private InterventionScope(Set<Long> ids) {
		this.ids = ids;
	}

	/** Every insats of the förbund, those created later included. */
	public static InterventionScope all() {
		return ALL;
	}

	/** Only these insatser; none when the collection is empty. */
	public static InterventionScope only(Collection<Long> ids) {
		return new InterventionScope(Set.copyOf(ids));
	}

	public boolean allows(long interventionId) {
		return ids == null || ids.contains(interventionId);
	}

	public boolean isAll() {
		return ids == null;
	}

	/** No insats at all. */
	public boolean isEmpty() {
		return ids != null && ids.isEmpty();
	}

	/** The insatser named: only for a scope that is not {@link #all()}. */
	public Set<Long> ids() {
		if (ids == null) {
			throw new IllegalStateException("The scope is all insatser, not a list of them");
		}
		return ids;
	}

	/** The part of {@code items} whose insats is in scope. */
	public <T> Stream<T> filter(Collection<T> items, Function<T, Long> interventionId) {
		return items.stream().filter(item -> allows(interventionId.apply(item)));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof InterventionScope scope && java.util.Objects.equals(ids, scope.ids);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hashCode(ids);
	}

	@Override
	public String toString() {
		return ids == null ? "all insatser" : "insatser " + ids;
	}
}
