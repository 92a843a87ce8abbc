package se.samsyn.platform;

import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container shows when a request ends in an error outside any controller's own handling (a refused
 * login, an unknown page, a request that cannot be read, an unexpected failure): problem details in Swedish for
 * {@code /api/**}, the Swedish error page with the layout for everything else, whatever the browser accepts.
 * Asked for directly, {@code /error} does not exist.
 */
@Hidden
@Controller
class ErrorPages implements ErrorController {

	/** A request attribute naming the message key that explains the error, e.g. set before {@code sendError}. */
	static final String DETAIL = ErrorPages.class.getName() + ".detail";

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request, Locale locale) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		boolean dispatched = code instanceof Integer;
		HttpStatus status = dispatched ? resolve((Integer) code) : HttpStatus.NOT_FOUND;
		String uri = dispatched && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
				? original : request.getRequestURI();
		String detailKey = dispatched && request.getAttribute(DETAIL) instanceof String key ? key : null;
		String detail = detailKey == null ? null : messages.getMessage(detailKey, null, locale);
		if (api(uri, request.getContextPath())) {
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setType(URI.create("about:blank"));
			problem.setTitle(messages.getMessage(title(status), null, locale));
			problem.setDetail(detail);
			problem.setInstance(URI.create(uri));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}

	static boolean api(String uri, String contextPath) {
		String path = uri.substring(Math.min(contextPath.length(), uri.length()));
		return path.equals("/api") || path.startsWith("/api/");
	}

	/** The Swedish title of a problem with this status. */
	static String title(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "problem.badRequest";
			case UNAUTHORIZED -> "problem.unauthorized";
			case FORBIDDEN -> "problem.forbidden";
			case NOT_FOUND -> "problem.notFound";
			case METHOD_NOT_ALLOWED -> "problem.methodNotAllowed";
			case NOT_ACCEPTABLE -> "problem.notAcceptable";
			case CONTENT_TOO_LARGE -> "upload.tooLarge.title";
			case UNSUPPORTED_MEDIA_TYPE -> "problem.unsupportedMediaType";
			default -> status.is4xxClientError() ? "problem.failed" : "problem.unexpected";
		};
	}

	private static HttpStatus resolve(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
