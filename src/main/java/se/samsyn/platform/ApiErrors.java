package se.samsyn.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the REST API, with Swedish (or English) titles and field errors.
 * Nothing from an exception's message reaches the client: it may hold personal data.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "problem.notFound", locale);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(Locale locale) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden", locale);
	}

	@ExceptionHandler(ValidationException.class)
	ProblemDetail invalid(ValidationException ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
		problem.setProperty("errors", ex.errors().stream()
			.map(error -> new FieldProblem(error.field(), messages.getMessage(error.messageKey(), error.arguments(), locale)))
			.toList());
		return problem;
	}

	@ExceptionHandler(BindException.class)
	ProblemDetail bindingFailed(BindException ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid", locale);
		problem.setProperty("errors", fieldProblems(ex, locale));
		return problem;
	}

	/** Parameters the container could not decode (a form body that is not UTF-8, say): the client's mistake. */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail unreadable(HttpServletRequest request, Locale locale) {
		log.info("Refused {} {} with 400: its parameters cannot be read", request.getMethod(), request.getRequestURI());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.badRequest", locale);
		problem.setDetail(messages.getMessage("request.unreadable", null, locale));
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, Locale locale) {
		log.error("Unexpected error in the API ({})", ex.getClass().getName(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected", locale);
	}

	/**
	 * Every error Spring MVC itself answers (a wrong type in the address, a missing parameter, unreadable JSON,
	 * an unsupported method) gets a Swedish title, and a detail only in Samsyn's own words: the framework's
	 * English ("Failed to convert 'id' with value: 'abc'") never reaches the client, nor the value sent.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		ProblemDetail problem = ProblemDetail.forStatus(statusCode);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(messages.getMessage("problemDetail.title." + ex.getClass().getName(), null,
				messages.getMessage(ErrorPages.title(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status), null, locale),
				locale));
		if (ex instanceof TypeMismatchException mismatch) {
			String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
					: mismatch.getPropertyName();
			problem.setDetail(messages.getMessage("problem.badValue", new Object[] { name }, locale));
			problem.setProperty("errors", List.of(new FieldProblem(name, messages.getMessage("problem.badValue.field", null, locale))));
		}
		else if (ex instanceof BindException bind) {
			problem.setTitle(messages.getMessage("problem.invalid", null, locale));
			problem.setProperty("errors", fieldProblems(bind, locale));
		}
		else if (ex instanceof ErrorResponse response) {
			problem.setDetail(messages.getMessage(response.getDetailMessageCode(),
					response.getDetailMessageArguments(messages, locale), null, locale));
		}
		else {
			problem.setDetail(messages.getMessage("problemDetail." + ex.getClass().getName(), null, null, locale));
		}
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private List<FieldProblem> fieldProblems(BindException ex, Locale locale) {
		return ex.getFieldErrors().stream()
			.map(error -> new FieldProblem(error.getField(), messages.getMessage(error, locale)))
			.toList();
	}

	private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(messages.getMessage(key, null, locale));
		return problem;
	}

	/** One field's error, in the caller's language. */
	record FieldProblem(String field, String message) {
	}
}
