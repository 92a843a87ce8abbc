package se.samsyn.access.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import se.samsyn.access.AccessControl;

/**
 * The first line of the per-förbund check: any handler whose path names {@code {associationCode}}
 * is reached only by users holding a role in that förbund. Controllers still check the permission
 * their action needs.
 */
class AssociationPathInterceptor implements HandlerInterceptor {

	static final String CURRENT_ASSOCIATION = "samsyn.currentAssociation";

	private final AccessControl access;

	AssociationPathInterceptor(AccessControl access) {
		this.access = access;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables != null && variables.containsKey("associationCode")) {
			request.setAttribute(CURRENT_ASSOCIATION, access.requireMembership(variables.get("associationCode")));
		}
		return true;
	}
}
