package se.samsyn.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.platform.AssociationRef;

/** Gives every rendered page what the layout shows: the user, their förbund and the current one. */
class LayoutInterceptor implements HandlerInterceptor {

	private final AccessControl access;

	LayoutInterceptor(AccessControl access) {
		this.access = access;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))) {
			return;
		}
		access.currentUser().ifPresent(user -> {
			modelAndView.addObject("me", user);
			if (request.getRequestURI().startsWith(request.getContextPath() + "/mfa")) {
				return; // during the second login step, nothing to navigate to yet
			}
			modelAndView.addObject("fullNavigation", true);
			modelAndView.addObject("myAssociations", access.ownAssociations());
			modelAndView.addObject("isSystemAdmin", user.mayGlobally(Permission.MANAGE_ASSOCIATIONS));
			if (request.getAttribute(AssociationPathInterceptor.CURRENT_ASSOCIATION) instanceof AssociationRef current) {
				modelAndView.addObject("current", current);
				modelAndView.addObject("currentRoles", user.rolesIn(current.id()));
				modelAndView.addObject("canManageAssociation", user.mayIn(current.id(), Permission.MANAGE_ASSOCIATION));
				modelAndView.addObject("canManageUsers", user.mayIn(current.id(), Permission.MANAGE_USERS));
				modelAndView.addObject("canReadAuditLog", user.mayIn(current.id(), Permission.READ_AUDIT_LOG));
				modelAndView.addObject("canFollowUp", user.mayIn(current.id(), Permission.PERSONAL_DATA)
						|| user.mayIn(current.id(), Permission.PERSONAL_DATA_OWN_INTERVENTIONS));
			}
		});
	}
}
