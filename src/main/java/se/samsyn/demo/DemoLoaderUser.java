package se.samsyn.demo;

import java.util.Collection;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.SamsynUser;

/** The demo data is registered as the förbund's administrator would, through the same services and rules. */
final class DemoLoaderUser {

	private DemoLoaderUser() {
	}

	/** Runs {@code work} as the demo loader, administrator of the given förbund, and restores the caller's context. */
	static void run(Collection<Long> associationIds, Runnable work) {
		var previous = SecurityContextHolder.getContext();
		try {
			List<Grant> grants = associationIds.stream().map(id -> new Grant(id, Role.ASSOCIATION_ADMIN)).toList();
			SamsynUser loader = new SamsynUser(0, "system", "Demodata", grants, false);
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null, loader.authorities()));
			SecurityContextHolder.setContext(context);
			work.run();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
