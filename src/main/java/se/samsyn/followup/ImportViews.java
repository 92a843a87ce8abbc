package se.samsyn.followup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the import pages and the API show of an import. Rows are named by number, never by a person. */
public final class ImportViews {

	private ImportViews() {
	}

	/** A problem in a row (the header row for column problems): the file's column header and a message key. */
	public record Problem(int row, String column, String messageKey, List<Object> arguments) {
	}

	/** A column of the file and the field it is read as ({@code IGNORE}, or null while unknown). */
	public record ColumnView(String header, String field, boolean automatic) {
	}

	/**
	 * A cell text of a mapped field that needs (or got) the user's choice; {@code proposed} is the closest choice
	 * Samsyn suggests while none is chosen – shown pre-selected, and a match only once the user saves it.
	 */
	public record ValueView(String field, String raw, String chosen, String proposed) {

		public ValueView(String field, String raw, String chosen) {
			this(field, raw, chosen, null);
		}

		/** Whether the value shows Samsyn's proposal rather than a choice. */
		public boolean showsProposal() {
			return chosen == null && proposed != null;
		}
	}

	/**
	 * An import: its status, the file's rows, and while it is not committed the columns, the values
	 * needing a choice, the choices per field, and the problems found.
	 */
	public record ImportView(long id, long interventionId, String interventionName, String fileName, ImportStatus status,
			int rows, Integer created, String uploadedBy, Instant uploadedAt, Instant committedAt, Instant undoneAt,
			List<ColumnView> columns, List<ValueView> values, Map<String, Map<String, String>> choices,
			List<Problem> errors, int errorCount, List<Problem> warnings, int warningCount, List<String> notices,
			int readyRows, FileConsent consent) {

		public boolean staged() {
			return status.isOpen();
		}

		public boolean committable() {
			return status == ImportStatus.PREVIEW && errorCount == 0;
		}

		/** When an import still in review is thrown away unless it is saved first. */
		public Instant expiresAt() {
			return uploadedAt.plus(FollowupImports.STAGED_AT_MOST);
		}
	}

	/** One import in the list of a förbund's imports. */
	public record ImportSummary(long id, long interventionId, String interventionName, String fileName, ImportStatus status,
			int rows, Integer created, String uploadedBy, Instant uploadedAt) {
	}

	/**
	 * The user's choices of a mapping: header → field key or IGNORE; field key → (cell text → value); and for a file
	 * without a Samtycke column what holds for all its rows, {@code consent} {@code ALL_CONSENTED} (with
	 * {@code consentDate}) or {@code NONE} – left null, the choice made before stays.
	 */
	public record ImportMapping(Map<String, String> columns, Map<String, Map<String, String>> values, String consent,
			String consentDate) {

		public ImportMapping(Map<String, String> columns, Map<String, Map<String, String>> values) {
			this(columns, values, null, null);
		}
	}

	/** The answer for consent in a file without a Samtycke column, as typed: {@code ALL_CONSENTED} with a date, or {@code NONE}. */
	public record ConsentAnswer(String consent, String consentDate) {
	}

	/**
	 * Consent in a file: whether it has a Samtycke column (each row says), and for one without, what the user said
	 * for all its rows ({@code decision} null until they have; {@code date} only when everyone consented).
	 */
	public record FileConsent(boolean column, ImportConsent decision, java.time.LocalDate date) {

		public static FileConsent unknown() {
			return new FileConsent(false, null, null);
		}
	}
}
