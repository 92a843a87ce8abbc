package se.samsyn.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload larger than the container accepts is refused before any controller runs; this says so in
 * Swedish — as problem details on the API, as the error page with the limit otherwise.
 */
@ControllerAdvice
class UploadLimit {

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
}
