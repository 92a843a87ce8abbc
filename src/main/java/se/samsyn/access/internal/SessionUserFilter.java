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

	private static final List<String> OPEN_DURING_STEPS = List.of("/mfa", "/logout", "/css/", "/js/", "/img/",
			"/webjars/", "/favicon.ico", "/error");

	private final Accounts accounts;
	private final SecondFactorPolicy secondFactor;

	SessionUserFilter(Accounts accounts, SecondFactorPolicy secondFactor) {
		this.accounts = accounts;
		this.secondFactor = secondFactor;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SamsynUser signedIn && !signedIn.viaToken()) {
			var fresh = accounts.activeUser(signedIn.id());
			HttpSession session = request.getSession(false);
			if (fresh.isEmpty()) {
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
				response.sendRedirect(request.getContextPath() + "/login?disabled");
				return;
			}
			SamsynUser user = fresh.get();
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
			SecurityContextHolder.setContext(context);

			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (OPEN_DURING_STEPS.stream().noneMatch(path::startsWith)) {
				// The flag holds the id of the user who passed: a new login in the same session must pass again.
				boolean passed = session != null && java.util.Objects.equals(session.getAttribute(SECOND_FACTOR_PASSED), user.id());
				if (secondFactor.requiredFor(user) && !passed) {
					response.sendRedirect(request.getContextPath() + "/mfa");
					return;
				}
				if (!path.startsWith("/konto/losenord") && accounts.mustChangePassword(user.id())) {
					response.sendRedirect(request.getContextPath() + "/konto/losenord");
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}
}
