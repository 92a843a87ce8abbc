package se.samsyn.platform;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Looks up förbund by code or id. Implemented by the association module, so that modules it
 * depends on (access) can resolve the förbund named in a request without depending back on it.
 */
public interface AssociationDirectory {

	Optional<AssociationRef> findByCode(String code);

	List<AssociationRef> findByIds(Collection<Long> ids);

	List<AssociationRef> all();

	List<AssociationRef> withNationalReporting();
}
