package se.samsyn.access.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import se.samsyn.access.SamsynUser;

/**
 * Each request sees the signed-in user as they are now: a deactivated user is signed out, role
 * changes apply at once. Until the second factor is passed, and then until a one-time password is
 * replaced, no page but those steps can be reached.
 */
public class SessionUserFilter extends OncePerRequestFilter {

	/** Session attribute holding the id of the user who passed the second factor in this session. */
	public static final String SECOND_FACTOR_PASSED = "samsyn.second-factor-passed";
	private static final String SECURITY_STAMP = "samsyn.security-stamp";

	private static final List<String> OPEN_DURING_STEPS = List.of("/mfa", "/logout", "/css/", "/js/", "/img/",
			"/webjars/", "/favicon.ico", "/error");

	private final Accounts accounts;
	private final SecondFactorPolicy secondFactor;
	private final RequestAttributeSecurityContextRepository thisRequest = new RequestAttributeSecurityContextRepository();

	SessionUserFilter(Accounts accounts, SecondFactorPolicy secondFactor) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SamsynUser signedIn && !signedIn.viaToken()) {
			var state = accounts.sessionState(signedIn.id());
			HttpSession session = request.getSession(false);
			if (state.isEmpty() || stale(session, signedIn.id() + ":" + state.get().securityStamp())) {
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + (state.isEmpty() ? "/login?disabled" : "/login?reset"));
				return;
			}
			SamsynUser user = state.get().user();
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
			SecurityContextHolder.setContext(context);
			// The error page of this request sees the same user; the session keeps only who signed in.
			thisRequest.saveContext(context, request, response);

			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (OPEN_DURING_STEPS.stream().noneMatch(path::startsWith)) {
				// The flag holds the id of the user who passed: a new login in the same session must pass again.
				boolean passed = session != null && java.util.Objects.equals(session.getAttribute(SECOND_FACTOR_PASSED), user.id());
				if (secondFactor.requiredFor(user) && !passed) {
					response.sendRedirect(request.getContextPath() + "/mfa");
					return;
				}
				if (!path.startsWith("/konto/losenord") && state.get().mustChangePassword()) {
					response.sendRedirect(request.getContextPath() + "/konto/losenord");
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * A session remembers the user's security stamp from its first request; a reset of the password or
	 * second factor changes the stamp and so ends every session started before it.
	 */
	private static boolean stale(HttpSession session, String stamp) {
		if (session == null) {
			return false;
		}
		Object seen = session.getAttribute(SECURITY_STAMP);
		String userPart = stamp.substring(0, stamp.indexOf(':') + 1);
		if (!(seen instanceof String text) || !text.startsWith(userPart)) {
			// The first request of this user in this session (also after a new login in the same session).
			session.setAttribute(SECURITY_STAMP, stamp);
			return false;
		}
		return !text.equals(stamp);
	}

	/** The user's own password change keeps their current session. */
	public static void keepSession(HttpSession session, long userId, String stamp) {
		session.setAttribute(SECURITY_STAMP, userId + ":" + stamp);
	}
}
