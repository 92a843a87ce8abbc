package se.samsyn.access;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import se.samsyn.platform.AssociationDirectory;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.SwedishFormat;

/**
 * Who is asking, and may they do this here? Every page and API call that touches a förbund's data
 * goes through {@link #require}: an unknown förbund is 404, a förbund the user has no role in is 403.
 */
@Service
public class AccessControl {

	private final AssociationDirectory directory;

	AccessControl(AssociationDirectory directory) {
		this.directory = directory;
	}

	public Optional<SamsynUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SamsynUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public SamsynUser requireUser() {
		return currentUser().orElseThrow(() -> new AccessDeniedException("Not signed in"));
	}

	/** The förbund, when the current user holds a role there that allows the permission. */
	public AssociationRef require(String associationCode, Permission permission) {
		AssociationRef association = directory.findByCode(associationCode).orElseThrow(NotFoundException::new);
		if (!requireUser().mayIn(association.id(), permission)) {
			throw new AccessDeniedException("No such permission in this förbund");
		}
		return association;
	}

	/** The förbund, when the current user holds any role there. */
	public AssociationRef requireMembership(String associationCode) {
		AssociationRef association = directory.findByCode(associationCode).orElseThrow(NotFoundException::new);
		if (!requireUser().memberOf(association.id())) {
			throw new AccessDeniedException("No role in this förbund");
		}
		return association;
	}

	public void requireGlobal(Permission permission) {
		if (!requireUser().mayGlobally(permission)) {
			throw new AccessDeniedException("No such installation-wide permission");
		}
	}

	/**
	 * The förbund the current user may see: their own; all for the system admin; those taking part
	 * in national reporting for the national analyst.
	 */
	public List<AssociationRef> visibleAssociations() {
		SamsynUser user = requireUser();
		if (user.mayGlobally(Permission.MANAGE_ASSOCIATIONS)) {
			return directory.all();
		}
		List<AssociationRef> own = directory.findByIds(user.associationIds());
		if (user.mayGlobally(Permission.NATIONAL_AGGREGATES)) {
			var all = new java.util.LinkedHashMap<Long, AssociationRef>();
			own.forEach(ref -> all.put(ref.id(), ref));
			directory.withNationalReporting().forEach(ref -> all.put(ref.id(), ref));
			return all.values().stream().sorted(java.util.Comparator.comparing(AssociationRef::name, SwedishFormat.ORDER)).toList();
		}
		return own;
	}

	/** The förbund where the current user holds a role, for the switcher. */
	public List<AssociationRef> ownAssociations() {
		return currentUser().map(user -> directory.findByIds(user.associationIds())).orElse(List.of());
	}
}
