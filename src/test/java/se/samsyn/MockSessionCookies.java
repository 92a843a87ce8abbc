package se.samsyn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.WebUtils;

/**
 * Samsyn's sessions live in the database and are found by their cookie, while MockMvc tests hold a
 * {@link MockHttpSession} instead. First in the chain, this filter keeps the session cookie in that
 * MockHttpSession and sends it with each request that passes it, so every test that logs in drives real
 * database sessions: each request loads what the previous one stored.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockSessionCookies {

	/**
	 * MockMvc's context counts as a war deployment, where Spring Session names the cookie itself; the embedded
	 * server names it from server.servlet.session.cookie.name (JSESSIONID). Either is carried.
	 */
	private static final java.util.Set<String> COOKIES = java.util.Set.of("SESSION", "JSESSIONID");
	private static final String HELD = MockSessionCookies.class.getName() + ".cookie";

	@Bean
	FilterRegistrationBean<Filter> mockSessionCookieFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CookieInMockSession());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static final class CookieInMockSession implements Filter {

		@Override
		public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
			HttpServletRequest request = (HttpServletRequest) req;
			MockHttpServletResponse response = WebUtils.getNativeResponse(res, MockHttpServletResponse.class);
			if (response == null || !(request.getSession(false) instanceof MockHttpSession held)) {
				chain.doFilter(req, res);
				return;
			}
			Cookie carried = (Cookie) held.getAttribute(HELD);
			chain.doFilter(carried == null ? request : withCookie(request, carried), res);
			for (Cookie cookie : response.getCookies()) {
				if (COOKIES.contains(cookie.getName())) {
					if (cookie.getMaxAge() == 0) {
						held.removeAttribute(HELD);
					}
					else {
						held.setAttribute(HELD, new Cookie(cookie.getName(), cookie.getValue()));
					}
				}
			}
		}

		private static HttpServletRequest withCookie(HttpServletRequest request, Cookie carried) {
			return new HttpServletRequestWrapper(request) {
				@Override
				public Cookie[] getCookies() {
					List<Cookie> cookies = new ArrayList<>();
					if (request.getCookies() != null) {
						for (Cookie cookie : request.getCookies()) {
							if (!COOKIES.contains(cookie.getName())) {
								cookies.add(cookie);
							}
						}
					}
					cookies.add(carried);
					return cookies.toArray(Cookie[]::new);
				}
			};
		}
	}
}
