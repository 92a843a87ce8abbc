package se.samsyn.platform;

import java.util.List;

/**
 * A command broke a business rule. Each error names the field and a message key with arguments,
 * so pages and the API can show it in the user's language. Nothing has been saved.
 */
public class ValidationException extends RuntimeException {

	private final List<FieldError> errors;

	public ValidationException(List<FieldError> errors) {
		super("invalid input", null, false, false);
		this.errors = List.copyOf(errors);
	}

	public static ValidationException of(String field, String messageKey, Object... arguments) {
		return new ValidationException(List.of(new FieldError(field, messageKey, arguments)));
	}

	public List<FieldError> errors() {
		return errors;
	}

	public record FieldError(String field, String messageKey, Object[] arguments) {
	}
}
