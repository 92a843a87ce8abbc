package se.samsyn.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in user as every request sees it: who they are and the roles they hold. A user who
 * comes with an API token holds only the roles of that token's förbund.
 */
public record SamsynUser(long id, String username, String displayName, List<Grant> grants, boolean viaToken)
		implements Serializable, Principal {

	public SamsynUser {
		grants = List.copyOf(grants);
	}

	@Override
	public String getName() {
		return username;
	}

	public boolean mayIn(long associationId, Permission permission) {
		return grants.stream()
			.anyMatch(grant -> grant.associationId() != null && grant.associationId() == associationId
					&& grant.role().allows(permission));
	}

	public boolean mayGlobally(Permission permission) {
		return grants.stream().anyMatch(grant -> grant.associationId() == null && grant.role().allows(permission));
	}

	public boolean memberOf(long associationId) {
		return grants.stream().anyMatch(grant -> grant.associationId() != null && grant.associationId() == associationId);
	}

	public Set<Long> associationIds() {
		Set<Long> ids = new TreeSet<>();
		grants.stream().filter(grant -> grant.associationId() != null).forEach(grant -> ids.add(grant.associationId()));
		return ids;
	}

	public List<Role> rolesIn(long associationId) {
		return grants.stream()
			.filter(grant -> grant.associationId() != null && grant.associationId() == associationId)
			.map(Grant::role)
			.sorted()
			.toList();
	}

	public boolean requiresSecondFactor() {
		return grants.stream().anyMatch(grant -> grant.role().requiresSecondFactor());
	}

	public Collection<GrantedAuthority> authorities() {
		return grants.stream()
			.map(grant -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + grant.role().name()))
			.distinct()
			.toList();
	}
}
