package se.samsyn.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts a {@link ValidationException}'s errors on a page, as {@code errors}: field to message. */
@Component
public class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(ValidationException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		for (var error : ex.errors()) {
			errors.merge(error.field(), messages.getMessage(error.messageKey(), error.arguments(), locale),
					(first, second) -> first + " " + second);
		}
		return errors;
	}

	public void addTo(Model model, ValidationException ex) {
		model.addAttribute("errors", of(ex));
	}

	public String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}
}
