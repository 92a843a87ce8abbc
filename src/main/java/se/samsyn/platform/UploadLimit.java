package se.samsyn.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * An upload larger than the container accepts is refused before any controller runs; this says so in
 * Swedish — as problem details on the API, as the error page with the limit otherwise. So is an upload whose
 * file name holds control characters (a NUL, say), which no controller gets to see. Consulted before the
 * API's general error handling, which would otherwise take these for unexpected errors.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(UploadLimit.class);

	private final MessageSource messages;

	UploadLimit(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(HttpServletRequest request) {
		String text = messages.getMessage("upload.tooLarge", null, LocaleContextHolder.getLocale());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text);
			problem.setTitle(messages.getMessage("upload.tooLarge.title", null, LocaleContextHolder.getLocale()));
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		ModelAndView view = new ModelAndView("error", HttpStatus.CONTENT_TOO_LARGE);
		view.addObject("status", 413);
		view.addObject("detail", text);
		return view;
	}

	/** Refuses an upload, before its controller runs, when a file's name is not a plain single line of text. */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			multipart.getMultiFileMap().forEach((field, files) -> files.forEach(file -> {
				if (!PlainText.singleLine(file.getOriginalFilename())) {
					throw new FileNameRefused(field);
				}
			}));
		}
		return true;
	}

	@ExceptionHandler(FileNameRefused.class)
	Object badFileName(FileNameRefused ex, HttpServletRequest request) {
		return refused(request, ex.field, "upload.fileName.invalid");
	}

	/** The container could not take the upload apart: a NUL in a file name (which it refuses itself), a broken body. */
	@ExceptionHandler(MultipartException.class)
	Object unreadable(MultipartException ex, HttpServletRequest request) {
		boolean fileName = false;
		for (Throwable cause = ex; cause != null && !fileName; cause = cause.getCause()) {
			fileName = cause instanceof InvalidFileNameException;
		}
		log.info("Refused {} {} with 400: {}", request.getMethod(), request.getRequestURI(),
				fileName ? "a file name holds a NUL" : "the upload cannot be read");
		return refused(request, "file", fileName ? "upload.fileName.invalid" : "upload.unreadable");
	}

	private Object refused(HttpServletRequest request, String field, String messageKey) {
		Locale locale = LocaleContextHolder.getLocale();
		String text = messages.getMessage(messageKey, null, locale);
		if (ErrorPages.api(request.getRequestURI(), request.getContextPath())) {
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
			problem.setType(URI.create("about:blank"));
			problem.setTitle(messages.getMessage("problem.invalid", null, locale));
			problem.setProperty("errors", List.of(new ApiErrors.FieldProblem(field, text)));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView view = new ModelAndView("error", HttpStatus.BAD_REQUEST);
		view.addObject("status", 400);
		view.addObject("detail", text);
		return view;
	}

	/** An uploaded file's name holds characters Samsyn does not store; field is the form field of the file. */
	static final class FileNameRefused extends RuntimeException {

		final String field;

		FileNameRefused(String field) {
			super("file name refused", null, false, false);
			this.field = field;
		}
	}
}
