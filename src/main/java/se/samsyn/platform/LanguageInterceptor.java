package se.samsyn.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/** {@code ?lang=en} or {@code ?lang=sv} switches the interface language; nothing else is accepted. */
class LanguageInterceptor implements HandlerInterceptor {

	static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
	static final Locale ENGLISH = Locale.ENGLISH;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter("lang");
		if (lang != null) {
			Locale locale = switch (lang) {
				case "en" -> ENGLISH;
				case "sv" -> SWEDISH;
				default -> null;
			};
			var resolver = RequestContextUtils.getLocaleResolver(request);
			if (locale != null && resolver != null) {
				resolver.setLocale(request, response, locale);
			}
		}
		return true;
	}
}
