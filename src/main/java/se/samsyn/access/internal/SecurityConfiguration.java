package se.samsyn.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.session.web.http.SessionRepositoryFilter;

import se.samsyn.access.ApiTokens;
import se.samsyn.access.SecurityProperties;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;

/**
 * Two filter chains: bearer tokens for {@code /api/**}, sessions with a login form for the pages.
 * Passwords are checked by {@link PasswordLoginProvider}, the only authentication provider bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	static final String[] STATIC_RESOURCES = { "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Runs right after Spring Session's filter, which puts the database session in the request. */
	@Bean
	FilterRegistrationBean<StaticResourcesWithoutSession> staticResourcesWithoutSession() {
		var registration = new FilterRegistrationBean<>(new StaticResourcesWithoutSession());
		registration.addUrlPatterns(StaticResourcesWithoutSession.PATHS);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/ideal-allocation").permitAll()
				.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookie a forged request could carry
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						"Inloggning krävs: ange en giltig API-nyckel som Authorization: Bearer …"))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						"Du saknar behörighet för detta.")))
			.headers(this::headers);
		return http.build();
	}

	/**
	 * Stylesheets, scripts, images and webjars never read or write the session: sessions live in the
	 * database, and a page's dozen resources should not cost a dozen session look-ups.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain staticResources(HttpSecurity http) throws Exception {
		http.securityMatcher(STATIC_RESOURCES)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable()) // files only: nothing to change, no session to ride on
			.headers(this::headers);
		return http.build();
	}

	/** The catalogue's embeddable list may be shown inside other sites' pages; nothing else may. */
	@Bean
	@Order(0)
	SecurityFilterChain embeddable(HttpSecurity http) throws Exception {
		http.securityMatcher("/katalog/lista")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable()) // a read-only page without forms or session
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *")))
				.frameOptions(frame -> frame.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Accounts accounts,
			SecondFactorPolicy secondFactor, AuditLog audit) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/katalog", "/katalog/**", "/idealfordelning", "/om/skyddade-tal", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.failureHandler(loginFailure())
				.defaultSuccessUrl("/", false)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.recordAs(authentication.getName(), AuditAction.LOGOUT, null, null, null, null);
					}
				})
				.deleteCookies("JSESSIONID"))
			.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
					new RequestAttributeSecurityContextRepository(), new SignedInOnlySessions())))
			.sessionManagement(session -> session.invalidSessionUrl("/login?timeout"))
			.addFilterBefore(new SessionUserFilter(accounts, secondFactor), AuthorizationFilter.class)
			.headers(this::headers)
			.csrf(Customizer.withDefaults());
		return http.build();
	}

	private void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, exception) -> {
			String query = "error";
			if (exception instanceof LoginThrottledException throttled) {
				query = "wait=" + throttled.secondsLeft();
			}
			else if (exception instanceof LockedException) {
				query = "locked";
			}
			else if (exception instanceof DisabledException) {
				query = "disabled";
			}
			response.sendRedirect(request.getContextPath() + "/login?" + query);
		};
	}

	static void problem(HttpServletResponse response, HttpStatus status, String title) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title.replace("\"", "'")
				+ "\",\"status\":" + status.value() + "}");
	}
}
