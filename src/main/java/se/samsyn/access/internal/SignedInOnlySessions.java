package se.samsyn.access.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import se.samsyn.access.SamsynUser;

/**
 * Keeps in the session only who signed in: the user's id and username. Sessions are stored in the
 * database, so the name, roles and client address of the login stay out of it; {@link SessionUserFilter}
 * loads the user as they are now on every request, and a session read before that holds no roles.
 */
final class SignedInOnlySessions implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return sessions.loadContext(holder);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		return sessions.loadDeferredContext(request);
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		sessions.saveContext(signedInOnly(context), request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return sessions.containsContext(request);
	}

	static SecurityContext signedInOnly(SecurityContext context) {
		if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof SamsynUser user
				&& !user.viaToken()) {
			SamsynUser who = new SamsynUser(user.id(), user.username(), user.username(), List.of(), false);
			return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(who, null, List.of()));
		}
		return context;
	}
}
