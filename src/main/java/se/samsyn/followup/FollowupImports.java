package se.samsyn.followup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.access.AccessControl;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.followup.FollowupWorkbookReader.ParsedFile;
import se.samsyn.followup.ImportChecker.CheckedRow;
import se.samsyn.followup.ImportStore.ImportRow;
import se.samsyn.followup.ImportViews.ColumnView;
import se.samsyn.followup.ImportViews.ConsentAnswer;
import se.samsyn.followup.ImportViews.FileConsent;
import se.samsyn.followup.ImportViews.ImportMapping;
import se.samsyn.followup.ImportViews.ImportSummary;
import se.samsyn.followup.ImportViews.ImportView;
import se.samsyn.followup.ImportViews.ValueView;
import se.samsyn.followup.ImportVocabulary.Terms;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ValidationException;

/**
 * Imports of follow-up files for one insats: upload (rows kept encrypted), mapping of columns and
 * values, a preview that checks every row as the start form would, a commit that stores all rows
 * or none, and an undo that removes exactly what the commit created. The pages and the API both
 * use this service; every step is audited with counts, never with personal data.
 */
@Service
public class FollowupImports {

	private static final int SHOWN_PROBLEMS = 1_000;
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	private static final List<String> CONSENT_ANSWERS = java.util.Arrays.stream(ImportConsent.values()).map(Enum::name).toList();

	private final ImportStore store;
	private final ImportStaging staging;
	private final ImportVocabulary vocabulary;
	private final Enrollments enrollments;
	private final ParticipantScope scope;
	private final Interventions interventions;
	private final AccessControl access;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	FollowupImports(ImportStore store, ImportStaging staging, ImportVocabulary vocabulary, Enrollments enrollments,
			ParticipantScope scope, Interventions interventions, AccessControl access, AuditLog audit, Clock clock) {
		this.store = store;
		this.staging = staging;
		this.vocabulary = vocabulary;
		this.enrollments = enrollments;
		this.scope = scope;
		this.interventions = interventions;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The import is not ready to be stored: the problems are in {@link #view()}. Nothing was saved. */
	public static class NotReady extends RuntimeException {
		private final transient ImportView view;

		NotReady(ImportView view) {
			super("import has problems", null, false, false);
			this.view = view;
		}

		public ImportView view() {
			return view;
		}
	}

	/** The import is in a status that does not allow the step (already committed, undone, …). */
	public static class WrongStatus extends RuntimeException {
		private final String messageKey;

		WrongStatus(String messageKey) {
			super("import status does not allow this", null, false, false);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}
	}

	// --- reading

	/** The insatser the user may import into, by id, for the upload form. */
	public Map<Long, String> interventionChoices(AssociationRef association) {
		scope.association(association.code());
		InterventionScope allowed = scope.interventions(association);
		Map<Long, String> choices = new LinkedHashMap<>();
		interventions.names(association).forEach((id, name) -> {
			if (allowed.allows(id)) {
				choices.put(id, name);
			}
		});
		return choices;
	}

	public List<ImportSummary> list(AssociationRef association) {
		scope.association(association.code());
		Map<Long, String> names = interventions.names(association);
		return store.list(association.id(), scope.interventions(association)).stream()
			.map(row -> new ImportSummary(row.id(), row.interventionId(), names.get(row.interventionId()), row.fileName(),
					row.status(), row.rowCount(), row.createdCount(), row.uploadedBy(), row.uploadedAt()))
			.toList();
	}

	public ImportView get(AssociationRef association, long importId) {
		ImportRow row = visible(association, importId);
		return view(association, row);
	}

	// --- the steps

	/** Reads the file, keeps its rows encrypted and checks them; the file itself is not kept. */
	@Transactional
	public ImportView upload(AssociationRef association, long interventionId, String fileName, byte[] content) {
		scope.association(association.code());
		scope.intervention(association, interventionId);
		ParsedFile file = FollowupWorkbookReader.read(fileName, content);
		String name = fileName == null || fileName.isBlank() ? "fil" : fileName.strip();
		name = name.replaceAll("[\\\\/]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		Checked checked = check(association, interventionId, file, ImportChecker.Mapping.none());
		ImportStatus status = ImportStatus.inReview(checked.result().needsMapping());
		long id = store.insert(association.id(), interventionId, name, status, file.rows().size(), staging.seal(file),
				access.requireUser().username(), clock.instant());
		audit.record(AuditAction.IMPORT_UPLOADED, association.id(), AuditTarget.FOLLOWUP_IMPORT, String.valueOf(id),
				"insats " + interventionId + ", " + file.rows().size() + " rader, " + checked.result().errors().size() + " fel");
		return view(association, store.find(association.id(), id).orElseThrow(), checked);
	}

	/** Replaces the user's column and value choices and checks the rows again. */
	@Transactional
	public ImportView map(AssociationRef association, long importId, ImportMapping mapping) {
		ImportRow row = forChange(association, importId);
		requireStaged(row);
		ParsedFile file = staging.open(row.stagedRows());
		Terms terms = vocabulary.load(association);
		ImportChecker.Mapping checkedMapping = validated(file, terms, mapping, row);
		if (mapping != null) {
			checkedMapping = withConsent(file, checkedMapping, mapping.consent(), mapping.consentDate());
		}
		Checked checked = check(association, row.interventionId(), file, checkedMapping, terms);
		ImportStatus status = ImportStatus.inReview(checked.result().needsMapping());
		store.saveMapping(row.id(), status, staging.write(checkedMapping.columns()), staging.write(checkedMapping.values()));
		// A file mapped to have a Samtycke column keeps no answer for all its rows: each row says.
		store.saveConsent(row.id(), checked.result().consent().decision(), checked.result().consent().date());
		return view(association, store.find(association.id(), importId).orElseThrow(), checked);
	}

	/** Stores every row, or none: refused while any row has an error or a column or value is unmatched. */
	@Transactional
	public ImportView commit(AssociationRef association, long importId) {
		return commit(association, importId, null);
	}

	/**
	 * Stores every row, or none, after taking {@code answer} (may be null) as what holds for all rows of a file
	 * without a Samtycke column – the API's way to say it in the same call. Nothing is kept when the commit is refused.
	 */
	@Transactional
	public ImportView commit(AssociationRef association, long importId, ConsentAnswer answer) {
		ImportRow row = forChange(association, importId);
		requireStaged(row);
		ParsedFile file = staging.open(row.stagedRows());
		ImportChecker.Mapping mapping = mappingOf(row);
		if (answer != null && answer.consent() != null && !answer.consent().isBlank()) {
			mapping = withConsent(file, mapping, answer.consent(), answer.consentDate());
			store.saveConsent(row.id(), mapping.consent(), mapping.consentDate());
			row = store.find(association.id(), importId).orElseThrow();
		}
		Checked checked = check(association, row.interventionId(), file, mapping);
		if (checked.result().needsMapping() || !checked.result().errors().isEmpty()) {
			throw new NotReady(view(association, row, checked));
		}
		Instant now = clock.instant();
		long associationId = association.id();
		List<ImportStore.NewParticipant> newParticipants = new ArrayList<>();
		Map<String, String> codeOfHash = new HashMap<>();
		Map<Integer, String> codeOfRow = new HashMap<>();
		Set<String> taken = new HashSet<>(store.participantsByCode(associationId).keySet());
		List<ImportStore.NewAnonymous> anonymous = new ArrayList<>();
		for (CheckedRow checkedRow : checked.result().rows()) {
			Enrollments.Start start = checkedRow.start();
			if (start.anonymousReason() != null) {
				anonymous.add(new ImportStore.NewAnonymous(start.values().startDate(), start.gender(), start.anonymousReason()));
				continue;
			}
			if (checkedRow.existingParticipant() != null) {
				continue;
			}
			String code = checkedRow.hash() == null ? null : codeOfHash.get(checkedRow.hash());
			if (code == null) {
				code = newCode(taken);
				newParticipants.add(new ImportStore.NewParticipant(code,
						start.identity() == null ? null : staging.identityCipher(start.identity()), checkedRow.hash(),
						start.birthYear(), start.gender()));
				if (checkedRow.hash() != null) {
					codeOfHash.put(checkedRow.hash(), code);
				}
			}
			codeOfRow.put(checkedRow.number(), code);
		}
		Map<String, Long> ids = store.insertParticipants(associationId, importId, newParticipants, now);
		List<ImportStore.NewEnrollment> episodes = new ArrayList<>();
		for (CheckedRow checkedRow : checked.result().rows()) {
			if (checkedRow.start().anonymousReason() != null) {
				continue;
			}
			long participantId = checkedRow.existingParticipant() != null ? checkedRow.existingParticipant()
					: ids.get(codeOfRow.get(checkedRow.number()));
			episodes.add(new ImportStore.NewEnrollment(participantId, checkedRow.start().values(), checkedRow.exit()));
		}
		int enrollmentCount = store.insertEnrollments(associationId, row.interventionId(), importId, episodes, now);
		store.insertAnonymous(associationId, row.interventionId(), importId, anonymous, now);
		int created = enrollmentCount + anonymous.size();
		if (!store.markCommitted(importId, row.status(), created, now)) {
			throw new WrongStatus("import.status.changed");
		}
		long ended = episodes.stream().filter(e -> e.exit() != null).count();
		FileConsent consent = checked.result().consent();
		String consentNote = consent.column() ? ""
				: consent.decision() == ImportConsent.NONE ? ", inget samtycke i filen: bara anonyma starter"
						: ", samtycke för hela filen " + consent.date();
		audit.record(AuditAction.IMPORT_COMMITTED, associationId, AuditTarget.FOLLOWUP_IMPORT, String.valueOf(importId),
				"insats " + row.interventionId() + ", " + enrollmentCount + " deltagarperioder (" + ended + " avslutade), "
						+ anonymous.size() + " anonyma starter, " + newParticipants.size() + " nya deltagare" + consentNote);
		return view(association, store.find(associationId, importId).orElseThrow());
	}

	/** Removes everything a committed import created; participants who have other episodes stay. */
	@Transactional
	public ImportView undo(AssociationRef association, long importId) {
		ImportRow row = forChange(association, importId);
		if (!row.status().mayMoveTo(ImportStatus.UNDONE)) {
			throw new WrongStatus("import.status.notCommitted");
		}
		ImportStore.Created removed = store.undo(association.id(), importId);
		if (!store.markUndone(importId, clock.instant())) {
			throw new WrongStatus("import.status.changed");
		}
		audit.record(AuditAction.IMPORT_UNDONE, association.id(), AuditTarget.FOLLOWUP_IMPORT, String.valueOf(importId),
				removed.enrollments() + " deltagarperioder, " + removed.anonymous() + " anonyma starter, "
						+ removed.participants() + " deltagare borttagna");
		return view(association, store.find(association.id(), importId).orElseThrow());
	}

	/** Throws away an import that was not committed: its staged rows are erased. */
	@Transactional
	public ImportView discard(AssociationRef association, long importId) {
		ImportRow row = forChange(association, importId);
		requireStaged(row);
		if (!store.markDiscarded(importId, row.status())) {
			throw new WrongStatus("import.status.changed");
		}
		audit.record(AuditAction.IMPORT_DISCARDED, association.id(), AuditTarget.FOLLOWUP_IMPORT, String.valueOf(importId),
				row.rowCount() + " rader");
		return view(association, store.find(association.id(), importId).orElseThrow());
	}

	/** How long an import may wait in review before its staged rows are thrown away (the import texts say 7 days). */
	public static final Duration STAGED_AT_MOST = Duration.ofDays(7);

	/**
	 * Throws away the imports that were never committed nor discarded within {@link #STAGED_AT_MOST}: their
	 * staged rows are personal data kept only for the review. Run by the system; returns how many expired.
	 */
	@Transactional
	public int expireStaged() {
		int expired = 0;
		for (ImportStore.Staged row : store.stagedBefore(clock.instant().minus(STAGED_AT_MOST))) {
			if (store.markExpired(row.id(), row.status())) {
				audit.recordAs("system", AuditAction.IMPORT_EXPIRED, row.associationId(), AuditTarget.FOLLOWUP_IMPORT, String.valueOf(row.id()),
						row.rowCount() + " rader, inte sparad inom " + STAGED_AT_MOST.toDays() + " dagar");
				expired++;
			}
		}
		return expired;
	}

	/** Undoes a committed import, or discards one that is not. */
	@Transactional
	public ImportView remove(AssociationRef association, long importId) {
		ImportRow row = visible(association, importId);
		return row.status() == ImportStatus.COMMITTED ? undo(association, importId) : discard(association, importId);
	}

	// --- inside

	private ImportRow visible(AssociationRef association, long importId) {
		scope.association(association.code());
		ImportRow row = store.find(association.id(), importId).orElseThrow(NotFoundException::new);
		scope.intervention(association, row.interventionId());
		return row;
	}

	/**
	 * The import as it is now, locked for this transaction's change: two changes of one import never run side by side
	 * (ten clicks on Spara store the rows once), and the one that comes second is refused at once rather than after
	 * waiting for the first.
	 */
	private ImportRow forChange(AssociationRef association, long importId) {
		visible(association, importId);
		if (!store.lock(association.id(), importId)) {
			throw new WrongStatus("import.status.busy");
		}
		return store.find(association.id(), importId).orElseThrow(NotFoundException::new);
	}

	private static void requireStaged(ImportRow row) {
		if (!row.status().isOpen()) {
			throw new WrongStatus(row.status() == ImportStatus.COMMITTED ? "import.status.committed" : "import.status.closed");
		}
	}

	private record Checked(ImportChecker.Result result, Terms terms) {
	}

	private Checked check(AssociationRef association, long interventionId, ParsedFile file, ImportChecker.Mapping mapping) {
		return check(association, interventionId, file, mapping, vocabulary.load(association));
	}

	private Checked check(AssociationRef association, long interventionId, ParsedFile file, ImportChecker.Mapping mapping,
			Terms terms) {
		ImportChecker.Participants participants = new ImportChecker.Participants(store.participantsByHash(association.id()),
				store.participantsByCode(association.id()), store.ongoingParticipants(interventionId));
		return new Checked(new ImportChecker(enrollments, terms, participants).check(file, mapping), terms);
	}

	/** The import's stored choices: columns, values and what holds for consent. */
	private ImportChecker.Mapping mappingOf(ImportRow row) {
		return staging.mapping(row.columnMapping(), row.valueMapping()).withConsent(row.consent(), row.consentDate());
	}

	/**
	 * The mapping with the user's answer for consent, when they gave one: {@code ALL_CONSENTED} with the date everyone
	 * consented (not in the future), or {@code NONE}. Refused for a file that has a Samtycke column, whose rows say it.
	 */
	private ImportChecker.Mapping withConsent(ParsedFile file, ImportChecker.Mapping mapping, String consent,
			String consentDate) {
		if (consent == null || consent.isBlank()) {
			return mapping;
		}
		Checks checks = new Checks();
		String chosen = checks.oneOf(consent, CONSENT_ANSWERS, "consent");
		boolean column = ImportChecker.columns(file, mapping).stream().anyMatch(c -> ImportField.CONSENT.key().equals(c.field()));
		checks.check(chosen == null || !column, "consent", "import.consent.hasColumn");
		LocalDate date = null;
		if (ImportConsent.ALL_CONSENTED.name().equals(chosen)) {
			date = checks.optionalDate(consentDate, "consentDate");
			checks.check(consentDate != null && !consentDate.isBlank(), "consentDate", "validation.required");
			checks.check(date == null || !date.isAfter(LocalDate.now(clock)), "consentDate", "followup.date.future");
		}
		checks.throwIfAny();
		return mapping.withConsent(ImportConsent.valueOf(chosen), date);
	}

	/** The user's mapping, refused when it names a column the file lacks, an unknown field, or a value outside the field's choices. */
	private static ImportChecker.Mapping validated(ParsedFile file, Terms terms, ImportMapping mapping, ImportRow row) {
		Set<String> headers = new HashSet<>();
		for (int i = 0; i < file.headers().size(); i++) {
			headers.add(ImportChecker.columnKey(file.headers(), i));
		}
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, Map<String, String>> values = new LinkedHashMap<>();
		List<ValidationException.FieldError> errors = new ArrayList<>();
		// Sizes first, so that a mapping far larger than any file is refused before its entries are checked.
		Checks limits = new Checks();
		if (mapping != null) {
			limits.atMost(mapping.columns() == null ? null : mapping.columns().keySet(), FollowupWorkbookReader.MAX_COLUMNS,
					"columns");
			if (mapping.values() != null && limits.atMost(mapping.values().keySet(), ImportField.values().length, "values")) {
				for (Map<String, String> chosen : mapping.values().values()) {
					if (chosen != null && !limits.atMost(chosen.keySet(), FollowupWorkbookReader.MAX_ROWS, "values")) {
						break;
					}
				}
			}
		}
		limits.throwIfAny();
		if (mapping != null && mapping.columns() != null) {
			mapping.columns().forEach((header, field) -> {
				if (field == null || field.isBlank()) {
					return;
				}
				if (!headers.contains(header)) {
					errors.add(new ValidationException.FieldError("columns", "import.mapping.noSuchColumn", new Object[] { header }));
				}
				else if (!ImportField.IGNORE.equals(field) && ImportField.byKey(field).isEmpty()) {
					errors.add(new ValidationException.FieldError("columns", "import.mapping.field", new Object[] { field }));
				}
				else {
					columns.put(header, field);
				}
			});
		}
		if (mapping != null && mapping.values() != null) {
			mapping.values().forEach((key, chosen) -> {
				var field = ImportField.byKey(key).filter(f -> f.kind().mapped());
				if (field.isEmpty()) {
					errors.add(new ValidationException.FieldError("values", "import.mapping.field", new Object[] { key }));
					return;
				}
				Map<String, String> kept = new LinkedHashMap<>();
				(chosen == null ? Map.<String, String>of() : chosen).forEach((raw, value) -> {
					if (value == null || value.isBlank()) {
						return;
					}
					// An API client may name a choice by its label (a referrer by its name) as well as by its id or code.
					List<String> named = terms.named(field.get(), value);
					if (named.size() == 1) {
						kept.put(raw.strip(), named.get(0));
					}
					else {
						errors.add(new ValidationException.FieldError("values",
								named.isEmpty() ? "import.mapping.value" : "import.mapping.ambiguous", new Object[] { raw, value }));
					}
				});
				values.put(key, kept);
			});
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new ImportChecker.Mapping(columns, values, row.consent(), row.consentDate());
	}

	private ImportView view(AssociationRef association, ImportRow row) {
		if (!row.status().isOpen()) {
			return view(association, row, null);
		}
		ParsedFile file = staging.open(row.stagedRows());
		return view(association, row, check(association, row.interventionId(), file, mappingOf(row)));
	}

	private ImportView view(AssociationRef association, ImportRow row, Checked checked) {
		String name = interventions.names(association).get(row.interventionId());
		if (checked == null) {
			return new ImportView(row.id(), row.interventionId(), name, row.fileName(), row.status(), row.rowCount(),
					row.createdCount(), row.uploadedBy(), row.uploadedAt(), row.committedAt(), row.undoneAt(), List.of(),
					List.of(), Map.of(), List.of(), 0, List.of(), 0, List.of(), 0,
					new FileConsent(false, row.consent(), row.consentDate()));
		}
		ImportChecker.Result result = checked.result();
		List<ColumnView> columns = result.columns().stream()
			.map(c -> new ColumnView(c.header(), c.field(), c.automatic())).toList();
		ImportChecker.Mapping mapping = row.columnMapping() == null ? ImportChecker.Mapping.none()
				: staging.mapping(row.columnMapping(), row.valueMapping());
		List<ValueView> values = new ArrayList<>();
		Map<String, Map<String, String>> choices = new LinkedHashMap<>();
		for (ImportField field : ImportField.values()) {
			if (!field.kind().mapped()) {
				continue;
			}
			Map<String, String> chosen = mapping.values().getOrDefault(field.key(), Map.of());
			Set<String> raws = new java.util.LinkedHashSet<>(chosen.keySet());
			raws.addAll(result.unmatched().getOrDefault(field, Set.of()));
			for (String raw : raws) {
				String choice = chosen.get(raw);
				values.add(new ValueView(field.key(), raw, choice,
						choice == null ? checked.terms().propose(field, raw).orElse(null) : null));
			}
			if (!raws.isEmpty()) {
				choices.put(field.key(), checked.terms().choices(field));
			}
		}
		ImportStatus status = ImportStatus.inReview(result.needsMapping());
		return new ImportView(row.id(), row.interventionId(), name, row.fileName(), status, row.rowCount(),
				row.createdCount(), row.uploadedBy(), row.uploadedAt(), row.committedAt(), row.undoneAt(), columns, values,
				choices, ImportChecker.first(result.errors(), SHOWN_PROBLEMS), result.errors().size(),
				ImportChecker.first(result.warnings(), SHOWN_PROBLEMS), result.warnings().size(), result.notices(),
				result.rows().size(), result.consent());
	}

	private String newCode(Set<String> taken) {
		while (true) {
			StringBuilder code = new StringBuilder("D-");
			for (int i = 0; i < 6; i++) {
				code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
			}
			if (taken.add(code.toString())) {
				return code.toString();
			}
		}
	}
}
