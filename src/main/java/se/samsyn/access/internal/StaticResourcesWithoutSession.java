package se.samsyn.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stylesheets, scripts, images and webjars are served as if there were no session: sessions live in the
 * database, and without this every file of a page would read its session and write back its last access
 * (Spring MVC looks for flash attributes on every request it serves).
 */
class StaticResourcesWithoutSession extends OncePerRequestFilter {

	static final String[] PATHS = { "/css/*", "/js/*", "/img/*", "/webjars/*", "/favicon.ico" };

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public HttpSession getSession(boolean create) {
				return create ? super.getSession(true) : null;
			}
		}, response);
	}
}
