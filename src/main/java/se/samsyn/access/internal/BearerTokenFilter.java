package se.samsyn.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import se.samsyn.access.ApiTokens;

/** Authenticates {@code Authorization: Bearer <token>} against the stored token hashes. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	BearerTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			var user = tokens.authenticate(header.substring(7).trim());
			if (user.isEmpty()) {
				SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED,
						"API-nyckeln är ogiltig, har gått ut eller har återkallats.");
				return;
			}
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
					user.get().authorities()));
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}
}
