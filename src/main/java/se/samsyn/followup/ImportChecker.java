package se.samsyn.followup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.samsyn.followup.EnrollmentStore.ExitValues;
import se.samsyn.followup.FollowupWorkbookReader.ParsedFile;
import se.samsyn.followup.FollowupWorkbookReader.ParsedRow;
import se.samsyn.followup.ImportVocabulary.Terms;
import se.samsyn.followup.ImportViews.Problem;
import se.samsyn.platform.Checks;
import se.samsyn.platform.ValidationException;

/**
 * Checks every row of a staged file as the start form would, with the file's own rules on top:
 * columns and values matched to fields and codes (or mapped by the user), duplicate rows, a
 * person twice in the file, a person already taking part in the insats. Rows are named by their
 * number in the file, never by a personnummer.
 */
final class ImportChecker {

	/**
	 * The user's choices: header → field key or IGNORE; field key → (cell text → value); and for a file without a
	 * Samtycke column, what holds for all its rows (null until chosen) with the date everyone consented.
	 */
	record Mapping(Map<String, String> columns, Map<String, Map<String, String>> values, ImportConsent consent,
			LocalDate consentDate) {

		Mapping {
			columns = columns == null ? Map.of() : columns;
			values = values == null ? Map.of() : values;
		}

		Mapping(Map<String, String> columns, Map<String, Map<String, String>> values) {
			this(columns, values, null, null);
		}

		static Mapping none() {
			return new Mapping(Map.of(), Map.of());
		}

		Mapping withConsent(ImportConsent consent, LocalDate consentDate) {
			return new Mapping(columns, values, consent, consentDate);
		}
	}

	/** A column of the file, what it is read as, and whether Samsyn recognised it by itself. */
	record Column(int index, String header, String field, boolean automatic) {
	}

	/** A row ready to store: a checked start, its exit when it ended, and the person's keyed hash if any. */
	record CheckedRow(int number, Enrollments.Start start, ExitValues exit, String hash, Long existingParticipant) {
	}

	record Result(List<Column> columns, Map<ImportField, Set<String>> unmatched, List<Problem> errors,
			List<Problem> warnings, List<String> notices, List<CheckedRow> rows, ImportViews.FileConsent consent) {

		/** A column or value is not matched yet, or a file without a Samtycke column does not say what holds for it. */
		boolean needsMapping() {
			return columns.stream().anyMatch(c -> c.field() == null) || unmatched.values().stream().anyMatch(v -> !v.isEmpty())
					|| !consent.column() && consent.decision() == null;
		}
	}

	/** What the checker looks participants up in: keyed hashes, codes and ongoing episodes of the insats. */
	record Participants(Map<String, Long> byHash, Map<String, Long> byCode, Set<Long> ongoing) {
	}

	private final Enrollments enrollments;
	private final Terms terms;
	private final Participants participants;
	private final Map<String, Optional<String>> matches = new HashMap<>();

	ImportChecker(Enrollments enrollments, Terms terms, Participants participants) {
		this.enrollments = enrollments;
		this.terms = terms;
		this.participants = participants;
	}

	/** The key of a column in the mapping: its header, or "#n" for a column without one. */
	static String columnKey(List<String> headers, int index) {
		String header = headers.get(index);
		return header == null || header.isBlank() ? "#" + (index + 1) : header.strip();
	}

	static List<Column> columns(ParsedFile file, Mapping mapping) {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < file.headers().size(); i++) {
			String key = columnKey(file.headers(), i);
			String chosen = mapping.columns().get(key);
			if (chosen != null && !chosen.isBlank()) {
				columns.add(new Column(i, key, chosen, false));
				continue;
			}
			String header = file.headers().get(i);
			Optional<ImportField> field = ImportField.byHeader(header);
			if (field.isPresent()) {
				columns.add(new Column(i, key, field.get().key(), true));
			}
			else if (ImportField.IGNORED_HEADERS.contains(ImportField.normalise(header)) || isEmpty(file, i)) {
				columns.add(new Column(i, key, ImportField.IGNORE, true));
			}
			else {
				columns.add(new Column(i, key, null, true));
			}
		}
		return columns;
	}

	private static boolean isEmpty(ParsedFile file, int index) {
		return file.rows().stream().allMatch(row -> row.cell(index).isBlank());
	}

	Result check(ParsedFile file, Mapping mapping) {
		List<Column> columns = columns(file, mapping);
		List<Problem> errors = new ArrayList<>();
		List<Problem> warnings = new ArrayList<>();
		List<String> notices = new ArrayList<>();
		Map<ImportField, Integer> index = new EnumMap<>(ImportField.class);
		Map<ImportField, String> headerOf = new EnumMap<>(ImportField.class);
		for (Column column : columns) {
			if (column.field() == null) {
				errors.add(new Problem(file.headerRow(), column.header(), "import.column.unknown", List.of()));
				continue;
			}
			Optional<ImportField> field = ImportField.byKey(column.field());
			if (field.isEmpty()) {
				continue;
			}
			if (index.containsKey(field.get())) {
				errors.add(new Problem(file.headerRow(), column.header(), "import.column.twice",
						List.of(headerOf.get(field.get()))));
				continue;
			}
			index.put(field.get(), column.index());
			headerOf.put(field.get(), column.header());
		}
		if (!index.containsKey(ImportField.START_DATE)) {
			errors.add(new Problem(file.headerRow(), ImportField.START_DATE.header(), "import.column.missingStart", List.of()));
		}
		boolean consentColumn = index.containsKey(ImportField.CONSENT);
		ImportViews.FileConsent consent = new ImportViews.FileConsent(consentColumn,
				consentColumn ? null : mapping.consent(), consentColumn ? null : mapping.consentDate());
		if (!consentColumn && mapping.consent() == null) {
			// Never assumed: the file cannot be saved until the user says what holds for all its rows.
			errors.add(new Problem(file.headerRow(), ImportField.CONSENT.header(), "import.consent.undecided", List.of()));
		}
		else if (!consentColumn && mapping.consent() == ImportConsent.NONE) {
			notices.add("import.notice.anonymousOnly");
		}
		Map<ImportField, Set<String>> unmatched = new EnumMap<>(ImportField.class);
		List<CheckedRow> checked = new ArrayList<>();
		Map<String, Integer> seenRows = new HashMap<>();
		Map<String, Integer> seenStarts = new HashMap<>();
		Map<String, Integer> seenOngoing = new HashMap<>();
		if (index.containsKey(ImportField.START_DATE)) {
			for (ParsedRow row : file.rows()) {
				checkRow(row, mapping, index, headerOf, unmatched, errors, warnings, checked, seenRows, seenStarts, seenOngoing);
			}
		}
		return new Result(columns, unmatched, errors, warnings, notices, checked, consent);
	}

	private void checkRow(ParsedRow row, Mapping mapping, Map<ImportField, Integer> index,
			Map<ImportField, String> headerOf, Map<ImportField, Set<String>> unmatched, List<Problem> errors,
			List<Problem> warnings, List<CheckedRow> checked, Map<String, Integer> seenRows,
			Map<String, Integer> seenStarts, Map<String, Integer> seenOngoing) {
		int number = row.number();
		List<Problem> rowErrors = new ArrayList<>();
		Set<String> flagged = new HashSet<>();
		Cells cells = new Cells(row, index);

		Integer first = seenRows.putIfAbsent(String.join("\u0001", row.cells()).strip(), number);
		if (first != null) {
			errors.add(new Problem(number, null, "import.row.duplicate", List.of(first)));
			return;
		}
		String startDate = date(cells.get(ImportField.START_DATE));
		String birthYear = cells.get(ImportField.BIRTH_YEAR);
		String age = cells.get(ImportField.AGE);
		if (birthYear.isBlank() && !age.isBlank()) {
			Integer years = wholeNumber(age);
			LocalDate start = parse(startDate);
			if (years == null || years < 0 || years > 120) {
				rowErrors.add(problem(number, ImportField.AGE, headerOf, "import.age.invalid"));
				flagged.add("birthYear");
			}
			else if (start != null) {
				birthYear = String.valueOf(start.getYear() - years);
			}
		}
		boolean consentColumn = index.containsKey(ImportField.CONSENT);
		// Without a column: the user's answer for the file; until they give it, the rows are checked as consenting
		// (the stricter check) while the file as a whole cannot be saved.
		String consent = !consentColumn && mapping.consent() == ImportConsent.NONE ? "false" : "true";
		if (consentColumn) {
			consent = value(ImportField.CONSENT, cells, mapping, unmatched, rowErrors, headerOf, number, flagged);
			if (cells.get(ImportField.CONSENT).isBlank()) {
				rowErrors.add(problem(number, ImportField.CONSENT, headerOf, "import.consent.blank"));
				consent = "true";
			}
		}
		String protectedIdentity = value(ImportField.PROTECTED_IDENTITY, cells, mapping, unmatched, rowErrors, headerOf,
				number, flagged);
		String consentDate = date(cells.get(ImportField.CONSENT_DATE));
		if (consentDate.isBlank() && !consentColumn && mapping.consent() == ImportConsent.ALL_CONSENTED
				&& mapping.consentDate() != null) {
			consentDate = mapping.consentDate().toString();
		}
		if (consentDate.isBlank()) {
			// Taken from the start date, whose own errors say what is wrong; not told twice.
			consentDate = startDate;
			flagged.add("consentDate");
		}
		String participantId = "";
		String code = cells.get(ImportField.PARTICIPANT_CODE);
		if (!code.isBlank()) {
			Long id = participants.byCode().get(code.strip().toUpperCase(java.util.Locale.ROOT));
			if (id == null) {
				rowErrors.add(problem(number, ImportField.PARTICIPANT_CODE, headerOf, "import.participantCode.unknown"));
				flagged.add("participantId");
			}
			else {
				participantId = String.valueOf(id);
			}
		}
		String gender = value(ImportField.GENDER, cells, mapping, unmatched, rowErrors, headerOf, number, flagged);
		String personnummer = cells.get(ImportField.PERSONNUMMER);
		if ("true".equals(protectedIdentity) || "false".equals(consent)) {
			// Only counted: the legal gender may come from the personnummer, which is then not kept.
			if (gender.isBlank() && !personnummer.isBlank()) {
				gender = Personnummer.parse(personnummer, terms.context().today()).valid()
					.map(p -> p.legalGender().name()).orElse("");
			}
			personnummer = "";
		}
		StartForm form = new StartForm(participantId, personnummer, gender, birthYear,
				consent, protectedIdentity, consentDate, "", date(cells.get(ImportField.REFERRAL_DATE)),
				value(ImportField.REFERRER, cells, mapping, unmatched, rowErrors, headerOf, number, flagged), startDate,
				value(ImportField.DISTRICT, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
				value(ImportField.EDUCATION, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
				value(ImportField.TIME_WITHOUT_WORK, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
				values(ImportField.INCOME_SOURCES, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
				value(ImportField.OCCUPATION, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
				percent(cells.get(ImportField.OCCUPATION_EXTENT)),
				value(ImportField.BIRTH_REGION, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
				value(ImportField.DISABILITY, cells, mapping, unmatched, rowErrors, headerOf, number, flagged));
		Checks checks = new Checks();
		List<String> warningKeys = new ArrayList<>();
		Enrollments.Start start = enrollments.checkStart(terms.context(), form, checks, warningKeys);
		ExitValues exit = null;
		boolean ended = !cells.get(ImportField.END_DATE).isBlank() || !cells.get(ImportField.EXIT_REASON).isBlank();
		if (ended && start.anonymousReason() == null) {
			ExitForm exitForm = new ExitForm(date(cells.get(ImportField.END_DATE)),
					value(ImportField.EXIT_REASON, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
					value(ImportField.OCCUPATION_AFTER, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
					percent(cells.get(ImportField.OCCUPATION_AFTER_EXTENT)),
					values(ImportField.INCOME_SOURCES_AFTER, cells, mapping, unmatched, rowErrors, headerOf, number, flagged),
					value(ImportField.GUIDE_SUPPORT, cells, mapping, unmatched, rowErrors, headerOf, number, flagged));
			exit = enrollments.checkExit(terms.context(), start.values().startDate(), exitForm, checks);
		}
		for (ValidationException.FieldError error : errorsOf(checks)) {
			if (!flagged.contains(error.field())) {
				rowErrors.add(new Problem(number, headerFor(error.field(), headerOf), error.messageKey(),
						List.of(error.arguments())));
			}
		}
		for (String key : warningKeys) {
			warnings.add(new Problem(number, headerFor("birthYear", headerOf), key, List.of()));
		}
		String hash = start.identity() == null ? null : enrollments.fingerprint(terms.context().associationId(), start.identity());
		Long existing = start.participantId() != null ? start.participantId() : hash == null ? null : participants.byHash().get(hash);
		if (start.anonymousReason() == null && (hash != null || existing != null)) {
			String person = existing != null ? "P" + existing : "H" + hash;
			ImportField personColumn = start.participantId() != null ? ImportField.PARTICIPANT_CODE : ImportField.PERSONNUMMER;
			if (existing != null && participants.ongoing().contains(existing)) {
				rowErrors.add(problem(number, personColumn, headerOf, "import.row.alreadyOngoing"));
			}
			if (start.values().startDate() != null) {
				Integer same = seenStarts.putIfAbsent(person + "|" + start.values().startDate(), number);
				if (same != null) {
					rowErrors.add(problem(number, personColumn, headerOf, "import.row.samePerson", same));
				}
			}
			if (exit == null) {
				Integer ongoing = seenOngoing.putIfAbsent(person, number);
				if (ongoing != null) {
					rowErrors.add(problem(number, personColumn, headerOf, "import.row.ongoingTwice", ongoing));
				}
			}
		}
		errors.addAll(rowErrors);
		if (rowErrors.isEmpty()) {
			checked.add(new CheckedRow(number, start, exit, hash, existing));
		}
	}

	private static List<ValidationException.FieldError> errorsOf(Checks checks) {
		try {
			checks.throwIfAny();
			return List.of();
		}
		catch (ValidationException ex) {
			return ex.errors();
		}
	}

	/** The value a mapped cell stands for; the cell's own text when it could not be matched (and an error noted). */
	private String value(ImportField field, Cells cells, Mapping mapping, Map<ImportField, Set<String>> unmatched,
			List<Problem> rowErrors, Map<ImportField, String> headerOf, int number, Set<String> flagged) {
		String raw = cells.get(field);
		if (raw.isBlank()) {
			return "";
		}
		Optional<String> matched = matched(field, raw, mapping);
		if (matched.isPresent()) {
			return matched.get();
		}
		unmatched.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(raw.strip());
		rowErrors.add(problem(number, field, headerOf, "import.value.unknown", raw.strip()));
		flagged.add(formField(field));
		return "";
	}

	private List<String> values(ImportField field, Cells cells, Mapping mapping, Map<ImportField, Set<String>> unmatched,
			List<Problem> rowErrors, Map<ImportField, String> headerOf, int number, Set<String> flagged) {
		String raw = cells.get(field);
		List<String> codes = new ArrayList<>();
		if (raw.isBlank()) {
			return codes;
		}
		Optional<String> whole = matched(field, raw, mapping);
		if (whole.isPresent()) {
			codes.add(whole.get());
			return codes;
		}
		for (String part : raw.split("[,;\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			Optional<String> matched = matched(field, part, mapping);
			if (matched.isPresent()) {
				codes.add(matched.get());
			}
			else {
				unmatched.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(part.strip());
				rowErrors.add(problem(number, field, headerOf, "import.value.unknown", part.strip()));
				flagged.add(formField(field));
			}
		}
		return codes;
	}

	private Optional<String> matched(ImportField field, String raw, Mapping mapping) {
		String text = raw.strip();
		String chosen = mapping.values().getOrDefault(field.key(), Map.of()).get(text);
		if (chosen != null && !chosen.isBlank()) {
			return Optional.of(chosen);
		}
		return matches.computeIfAbsent(field.key() + "\u0001" + text, k -> terms.match(field, text));
	}

	/** The start/exit form field a column fills. */
	private static String formField(ImportField field) {
		return switch (field) {
			case REFERRER -> "referrerId";
			case DISTRICT -> "districtId";
			case PARTICIPANT_CODE -> "participantId";
			case AGE -> "birthYear";
			default -> field.key();
		};
	}

	/** The header to show for a form field's error: the file's column, else Samsyn's own header. */
	private static String headerFor(String formField, Map<ImportField, String> headerOf) {
		ImportField field = switch (formField) {
			case "referrerId" -> ImportField.REFERRER;
			case "districtId" -> ImportField.DISTRICT;
			case "participantId" -> ImportField.PARTICIPANT_CODE;
			case "birthYear" -> headerOf.containsKey(ImportField.BIRTH_YEAR) || !headerOf.containsKey(ImportField.AGE)
					? ImportField.BIRTH_YEAR : ImportField.AGE;
			case "consentVersion" -> ImportField.CONSENT;
			default -> ImportField.byKey(formField).orElse(null);
		};
		if (field == null) {
			return formField;
		}
		return headerOf.getOrDefault(field, field.header());
	}

	private static Problem problem(int number, ImportField field, Map<ImportField, String> headerOf, String key,
			Object... arguments) {
		return new Problem(number, headerOf.getOrDefault(field, field.header()), key, List.of(arguments));
	}

	/** A date as people write it in Swedish files, as an ISO date; anything else is left for the date check to refuse. */
	static String date(String raw) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty()) {
			return "";
		}
		if (text.matches("\\d{4}-\\d{1,2}-\\d{1,2}([ T].*)?")) {
			String[] parts = text.split("[ T]")[0].split("-");
			return String.format("%s-%02d-%02d", parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
		}
		if (text.matches("\\d{8}")) {
			return text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6);
		}
		if (text.matches("\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}")) {
			String[] parts = text.split("[/.]");
			return String.format("%s-%02d-%02d", parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
		}
		if (text.matches("\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}")) {
			String[] parts = text.split("[/.]");
			return String.format("%s-%02d-%02d", parts[2], Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
		}
		if (text.matches("[1-9]\\d{4}")) {
			// An Excel serial day number that a CSV export left as a number.
			return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text)).toString();
		}
		return text;
	}

	private static LocalDate parse(String iso) {
		try {
			return iso.isBlank() ? null : LocalDate.parse(iso);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Integer wholeNumber(String text) {
		String clean = text.strip().replaceAll("[.,]0+$", "");
		return clean.matches("\\d{1,3}") ? Integer.valueOf(clean) : null;
	}

	/** 100, "100 %", "50%" or "75,0" as a whole percentage; anything else is left for the range check. */
	private static String percent(String raw) {
		String text = raw.strip().replace("%", "").strip().replaceAll("[.,]0+$", "");
		return text;
	}

	/** The cells of a row by field. */
	private record Cells(ParsedRow row, Map<ImportField, Integer> index) {
		String get(ImportField field) {
			Integer column = index.get(field);
			return column == null ? "" : row.cell(column);
		}
	}

	/** Orders problems by row, then as found; keeps at most {@code limit}. */
	static List<Problem> first(List<Problem> problems, int limit) {
		List<Problem> sorted = new ArrayList<>(problems);
		sorted.sort(java.util.Comparator.comparingInt(Problem::row));
		return sorted.size() > limit ? sorted.subList(0, limit) : sorted;
	}
}
