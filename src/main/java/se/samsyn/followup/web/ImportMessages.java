package se.samsyn.followup.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.samsyn.followup.ImportViews.Problem;

/** Puts an import's problems into the user's language, for the pages and the API alike. */
@Component
class ImportMessages {

	private final MessageSource messages;

	ImportMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** One problem as the user reads it: row number, column header, message. */
	record RowProblem(int row, String column, String message) {
	}

	List<RowProblem> of(List<Problem> problems) {
		Locale locale = LocaleContextHolder.getLocale();
		return problems.stream()
			.map(p -> new RowProblem(p.row(), p.column(), messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
			.toList();
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}
}
