package se.samsyn.followup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.association.AssociationStructure;
import se.samsyn.association.AssociationViews.Referrer;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.followup.EnrollmentStore.EnrollmentValues;
import se.samsyn.followup.EnrollmentStore.ExitValues;
import se.samsyn.followup.EnrollmentStore.ParticipantRow;
import se.samsyn.followup.FollowupViews.AnonymousTally;
import se.samsyn.followup.FollowupViews.EnrollmentDetails;
import se.samsyn.followup.FollowupViews.EnrollmentRow;
import se.samsyn.followup.FollowupViews.ListFilter;
import se.samsyn.followup.FollowupViews.ParticipantDetails;
import se.samsyn.followup.FollowupViews.StartResult;
import se.samsyn.intervention.InterventionFacts;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.CodeLists;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.SecretBox;
import se.samsyn.platform.ValidationException;

/**
 * Starts and exits of participants in the insatser. A participant is a pseudonymous code; a
 * personnummer is kept only encrypted, with a keyed hash per förbund that finds the same person
 * again. Without consent, or with protected identity, a start is only counted (legal gender and
 * date). Every read and change of a person's data is audited, by id.
 */
@Service
public class Enrollments {

	static final String IDENTITY_PURPOSE = "participant.identity";
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	public static final String DEFAULT_CONSENT_VERSION = "1";
	/** Codes one field may list (income sources): more than any code list holds. */
	static final int MAX_CODES = 50;

	private final EnrollmentStore store;
	private final ParticipantScope scope;
	private final Interventions interventions;
	private final AssociationStructure structure;
	private final CodeLists codeLists;
	private final SecretBox secrets;
	private final AuditLog audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Enrollments(EnrollmentStore store, ParticipantScope scope, Interventions interventions,
			AssociationStructure structure, CodeLists codeLists, SecretBox secrets, AuditLog audit, Clock clock) {
		this.store = store;
		this.scope = scope;
		this.interventions = interventions;
		this.structure = structure;
		this.codeLists = codeLists;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	// --- reading

	/** An insats' episodes, with markers for missing data. */
	public List<EnrollmentRow> list(AssociationRef association, long interventionId, ListFilter filter) {
		scope.intervention(association, interventionId);
		LocalDate today = LocalDate.now(clock);
		List<EnrollmentRow> rows = store.rows(association.id(), interventionId, filter, today).stream()
			.map(data -> row(data, today)).toList();
		audit.record(AuditAction.PARTICIPANT_LIST_READ, association.id(), AuditTarget.INTERVENTION, String.valueOf(interventionId),
				rows.size() + " deltagare");
		return rows;
	}

	/**
	 * One page of an insats' episode list, the summary over every episode that passes the filter, and the
	 * insats with its anonymous tallies: everything the list page shows, after one access check.
	 */
	public record ListPage(InterventionFacts intervention, List<EnrollmentRow> rows, long total, long ongoing,
			long incomplete, int page, int pageCount, List<AnonymousTally> tallies) {
	}

	/** The page (from 1; past the end: the last page) of {@code size} rows, newest start first. */
	public ListPage page(AssociationRef association, long interventionId, ListFilter filter, int page, int size) {
		InterventionFacts intervention = scope.intervention(association, interventionId);
		LocalDate today = LocalDate.now(clock);
		EnrollmentStore.ListSummary summary = store.summary(association.id(), interventionId, filter, today);
		int pageCount = (int) Math.max(1, (summary.total() + size - 1) / size);
		int current = Math.min(Math.max(page, 1), pageCount);
		List<EnrollmentRow> rows = store.rows(association.id(), interventionId, filter, today, (current - 1) * size, size)
			.stream().map(data -> row(data, today)).toList();
		audit.record(AuditAction.PARTICIPANT_LIST_READ, association.id(), AuditTarget.INTERVENTION, String.valueOf(interventionId),
				rows.size() + " av " + summary.total() + " deltagare");
		return new ListPage(intervention, rows, summary.total(), summary.ongoing(), summary.incomplete(), current, pageCount,
				store.tallies(association.id(), interventionId));
	}

	private static EnrollmentRow row(EnrollmentStore.EnrollmentRowData data, LocalDate today) {
		return new EnrollmentRow(data.id(), data.participantId(), data.code(), data.gender(), data.birthYear(),
				data.startDate(), data.endDate(), data.exitReason(), data.referrerId(), missing(data),
				ChronoUnit.MONTHS.between(data.startDate(), data.endDate() == null ? today : data.endDate()));
	}

	/** What an episode lacks; {@code EnrollmentStore.summary} counts by the same rule. */
	private static List<String> missing(EnrollmentStore.EnrollmentRowData data) {
		List<String> missing = new ArrayList<>();
		if (data.birthYear() == null) {
			missing.add("birthYear");
		}
		if (data.referrerId() == null) {
			missing.add("referrerId");
		}
		if (data.education() == null) {
			missing.add("education");
		}
		if (data.timeWithoutWork() == null) {
			missing.add("timeWithoutWork");
		}
		if (data.occupation() == null) {
			missing.add("occupation");
		}
		if (data.incomeStart() == 0) {
			missing.add("incomeSources");
		}
		if (data.endDate() != null && data.occupationAfter() == null) {
			missing.add("occupationAfter");
		}
		if (data.endDate() != null && data.incomeExit() == 0) {
			missing.add("incomeSourcesAfter");
		}
		return missing;
	}

	public EnrollmentDetails get(AssociationRef association, long enrollmentId) {
		EnrollmentDetails details = visibleEnrollment(association, enrollmentId, true);
		audit.record(AuditAction.PARTICIPANT_READ, association.id(), AuditTarget.ENROLLMENT, String.valueOf(enrollmentId), null);
		return details;
	}

	/** A participant with the episodes the user may see; 404 when they may see none. */
	public ParticipantDetails participant(AssociationRef association, long participantId) {
		scope.association(association.code());
		ParticipantRow row = store.participant(association.id(), participantId).orElseThrow(NotFoundException::new);
		List<EnrollmentDetails> all = store.episodes(association.id(), participantId, interventions.names(association));
		List<EnrollmentDetails> visible = scope.interventions(association).filter(all, EnrollmentDetails::interventionId).toList();
		if (visible.isEmpty()) {
			throw new NotFoundException();
		}
		String masked = null;
		if (row.identityCipher() != null) {
			String digits = secrets.decrypt(row.identityCipher(), IDENTITY_PURPOSE);
			masked = digits.substring(0, 8) + "-****";
		}
		audit.record(AuditAction.PARTICIPANT_READ, association.id(), AuditTarget.PARTICIPANT, String.valueOf(participantId), null);
		return new ParticipantDetails(row.id(), row.code(), row.gender(), row.birthYear(), masked, visible,
				all.size() - visible.size());
	}

	/** Per insats the user may handle: ongoing now, started in the year (anonymous included), ended in the year. */
	public Map<Long, long[]> counts(AssociationRef association, int year) {
		scope.association(association.code());
		InterventionScope allowed = scope.interventions(association);
		Map<Long, long[]> counts = store.counts(association.id(), year);
		counts.keySet().removeIf(id -> !allowed.allows(id));
		return counts;
	}

	/** Every episode the user may see in the förbund (or one insats), in full, for export. */
	public List<EnrollmentDetails> export(AssociationRef association, Long interventionId) {
		InterventionScope ids;
		if (interventionId != null) {
			scope.intervention(association, interventionId);
			ids = InterventionScope.only(Set.of(interventionId));
		}
		else {
			scope.association(association.code());
			ids = scope.interventions(association);
		}
		List<EnrollmentDetails> rows = store.enrollmentsOf(association.id(), ids, interventions.names(association));
		audit.record(AuditAction.PARTICIPANT_EXPORT, association.id(), interventionId == null ? AuditTarget.ASSOCIATION : AuditTarget.INTERVENTION,
				interventionId == null ? association.code() : String.valueOf(interventionId), rows.size() + " rader");
		return rows;
	}

	/** The episode without auditing a read, for checks before a change (which is audited itself). */
	public EnrollmentDetails visibleDetails(AssociationRef association, long enrollmentId) {
		return visibleEnrollment(association, enrollmentId, true);
	}

	/** The episode, when it is in the förbund and in an insats the user may handle; not audited (callers read or change it). */
	EnrollmentDetails visible(AssociationRef association, long enrollmentId) {
		return visibleEnrollment(association, enrollmentId);
	}

	private EnrollmentDetails visibleEnrollment(AssociationRef association, long enrollmentId) {
		return visibleEnrollment(association, enrollmentId, false);
	}

	/** The episode if the user may see it; the insats' name only when asked for (it costs a query of all insatser). */
	private EnrollmentDetails visibleEnrollment(AssociationRef association, long enrollmentId, boolean withName) {
		scope.association(association.code());
		EnrollmentDetails details = store.enrollment(association.id(), enrollmentId,
				withName ? interventions.names(association) : Map.of())
			.orElseThrow(NotFoundException::new);
		if (!scope.allows(association, details.interventionId())) {
			throw new NotFoundException();
		}
		return details;
	}

	// --- changing

	/** Registers a start; with a personnummer already known in the förbund, the same participant gets a new episode. */
	@Transactional
	public StartResult start(AssociationRef association, long interventionId, StartForm form) {
		return start(association, interventionId, form, context(association));
	}

	/** A start checked against a context loaded once, for many starts in a row (the demo data, a batch). */
	@Transactional
	public StartResult start(AssociationRef association, long interventionId, StartForm form, FollowupContext context) {
		scope.intervention(association, interventionId);
		if (context.associationId() != association.id()) {
			throw new IllegalArgumentException("The context belongs to another förbund");
		}
		Checks checks = new Checks();
		List<String> warnings = new ArrayList<>();
		Start start = checkStart(context, form, checks, warnings);
		checks.throwIfAny();
		return persist(association.id(), interventionId, start, null, warnings);
	}

	/** Stores a checked start: an episode (finding or creating the participant) or an anonymous count. */
	StartResult persist(long associationId, long interventionId, Start start, Long importId, List<String> warnings) {
		if (start.anonymousReason() != null) {
			long id = store.insertAnonymous(associationId, interventionId, start.values().startDate(), start.gender(),
					start.anonymousReason(), importId, clock.instant());
			if (importId == null) {
				audit.record(AuditAction.ANONYMOUS_START_RECORDED, associationId, AuditTarget.INTERVENTION, String.valueOf(interventionId),
						"anonym start " + id);
			}
			return new StartResult(null, null, true, warnings);
		}
		long participantId = participantFor(associationId, start, importId);
		if (store.hasOngoing(interventionId, participantId)) {
			throw ValidationException.of("participant", "followup.start.alreadyOngoing");
		}
		long enrollmentId = store.insertEnrollment(associationId, interventionId, participantId, start.values(), importId,
				clock.instant());
		if (importId == null) {
			audit.record(AuditAction.ENROLLMENT_STARTED, associationId, AuditTarget.ENROLLMENT, String.valueOf(enrollmentId),
					"insats " + interventionId + ", deltagare " + participantId);
		}
		return new StartResult(enrollmentId, participantId, false, warnings);
	}

	private long participantFor(long associationId, Start start, Long importId) {
		if (start.participantId() != null) {
			return start.participantId();
		}
		String hash = null;
		String cipher = null;
		if (start.identity() != null) {
			hash = fingerprint(associationId, start.identity());
			var known = store.participantByHash(associationId, hash);
			if (known.isPresent()) {
				return known.get().id();
			}
			cipher = secrets.encrypt(start.identity().canonical(), IDENTITY_PURPOSE);
		}
		for (int attempt = 0; ; attempt++) {
			String code = newCode();
			if (store.codeTaken(associationId, code)) {
				continue;
			}
			try {
				return store.insertParticipant(associationId, code, cipher, hash, start.birthYear(), start.gender(),
						importId, clock.instant());
			}
			catch (DuplicateKeyException ex) {
				if (hash != null) {
					var known = store.participantByHash(associationId, hash);
					if (known.isPresent()) {
						return known.get().id();
					}
				}
				if (attempt > 5) {
					throw ex;
				}
			}
		}
	}

	String fingerprint(long associationId, Personnummer identity) {
		return secrets.fingerprint(identity.canonical(), "participant:" + associationId);
	}

	private String newCode() {
		StringBuilder code = new StringBuilder("D-");
		for (int i = 0; i < 6; i++) {
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** Corrects what was registered at start; the participant's identity stays as it is. */
	@Transactional
	public void updateStart(AssociationRef association, long enrollmentId, StartForm form) {
		EnrollmentDetails current = visibleEnrollment(association, enrollmentId);
		FollowupContext context = context(association);
		Checks checks = new Checks();
		StartForm keepIdentity = new StartForm(String.valueOf(current.participantId()), "", "", "", "true", "",
				form.consentDate(), form.consentVersion(), form.referralDate(), form.referrerId(), form.startDate(),
				form.districtId(), form.education(), form.timeWithoutWork(), form.incomeSources(), form.occupation(),
				form.occupationExtent(), form.birthRegion(), form.disability());
		Start start = checkStart(context, keepIdentity, checks, new ArrayList<>());
		if (start != null && current.endDate() != null && start.values().startDate() != null) {
			checks.check(!current.endDate().isBefore(start.values().startDate()), "startDate",
					"followup.start.afterEnd");
		}
		checks.throwIfAny();
		store.updateStart(association.id(), enrollmentId, start.values(), clock.instant());
		audit.record(AuditAction.ENROLLMENT_CHANGED, association.id(), AuditTarget.ENROLLMENT, String.valueOf(enrollmentId), "start");
	}

	@Transactional
	public void end(AssociationRef association, long enrollmentId, ExitForm form) {
		end(association, enrollmentId, form, context(association));
	}

	/** An exit checked against a context loaded once, for many exits in a row. */
	@Transactional
	public void end(AssociationRef association, long enrollmentId, ExitForm form, FollowupContext context) {
		if (context.associationId() != association.id()) {
			throw new IllegalArgumentException("The context belongs to another förbund");
		}
		EnrollmentDetails current = visibleEnrollment(association, enrollmentId);
		Checks checks = new Checks();
		ExitValues exit = checkExit(context, current.startDate(), form, checks);
		checks.throwIfAny();
		store.end(association.id(), enrollmentId, exit, clock.instant());
		audit.record(current.endDate() == null ? AuditAction.ENROLLMENT_ENDED : AuditAction.ENROLLMENT_CHANGED, association.id(),
				AuditTarget.ENROLLMENT, String.valueOf(enrollmentId), "avslut");
	}

	/** Undoes an exit registered by mistake: the episode is ongoing again. */
	@Transactional
	public void reopen(AssociationRef association, long enrollmentId) {
		EnrollmentDetails current = visibleEnrollment(association, enrollmentId);
		if (current.endDate() == null) {
			return;
		}
		if (store.hasOngoing(current.interventionId(), current.participantId())) {
			throw ValidationException.of("participant", "followup.start.alreadyOngoing");
		}
		store.reopen(association.id(), enrollmentId, clock.instant());
		audit.record(AuditAction.ENROLLMENT_CHANGED, association.id(), AuditTarget.ENROLLMENT, String.valueOf(enrollmentId), "återöppnad");
	}

	/** Removes an episode registered in error, with its joint plans; the participant goes with their last episode. */
	@Transactional
	public void delete(AssociationRef association, long enrollmentId) {
		visibleEnrollment(association, enrollmentId);
		store.delete(association.id(), enrollmentId);
		audit.record(AuditAction.ENROLLMENT_DELETED, association.id(), AuditTarget.ENROLLMENT, String.valueOf(enrollmentId), null);
	}

	/**
	 * The participant withdrew their consent: the episode's person-level data is erased and the start
	 * is kept only as an anonymous count (legal gender, start date), as without consent from the start.
	 */
	@Transactional
	public void withdrawConsent(AssociationRef association, long enrollmentId) {
		EnrollmentDetails current = visibleEnrollment(association, enrollmentId);
		store.insertAnonymous(association.id(), current.interventionId(), current.startDate(), current.gender(),
				"CONSENT_WITHDRAWN", null, clock.instant());
		store.delete(association.id(), enrollmentId);
		audit.record(AuditAction.CONSENT_WITHDRAWN, association.id(), AuditTarget.ENROLLMENT, String.valueOf(enrollmentId),
				"uppgifterna raderade, start räknas anonymt");
	}

	public Set<String> questions(AssociationRef association) {
		return store.questions(association.id());
	}

	@Transactional
	public void setQuestions(AssociationRef association, List<String> questions) {
		Set<String> chosen = new LinkedHashSet<>();
		for (String question : questions == null ? List.<String>of() : questions) {
			if (!FollowupCodes.VOLUNTARY_QUESTIONS.contains(question)) {
				throw ValidationException.of("questions", "validation.choice");
			}
			chosen.add(question);
		}
		store.replaceQuestions(association.id(), chosen);
		audit.record(AuditAction.FOLLOWUP_QUESTIONS_CHANGED, association.id(), AuditTarget.ASSOCIATION, association.code(),
				String.join(",", chosen));
	}

	// --- the rules

	/** The codes, units and questions a förbund's starts and exits are checked against. */
	public FollowupContext context(AssociationRef association) {
		Map<String, Set<String>> codes = new HashMap<>();
		for (String list : FollowupCodes.ALL) {
			codes.put(list, codeLists.entries(list, association.id(), Locale.ROOT).stream()
				.map(CodeLists.Entry::code).collect(Collectors.toSet()));
		}
		Set<Long> referrers = structure.referrers(association.id()).stream().filter(Referrer::active)
			.map(Referrer::id).collect(Collectors.toSet());
		Set<Long> districts = structure.districts(association.id()).stream().map(d -> d.id()).collect(Collectors.toSet());
		return new FollowupContext(association.id(), codes, referrers, districts, store.questions(association.id()),
				LocalDate.now(clock));
	}

	/** A checked start: identity or an existing participant, or the reason it is only counted. */
	record Start(Long participantId, Personnummer identity, Gender gender, Integer birthYear, String anonymousReason,
			EnrollmentValues values) {
	}

	/**
	 * Checks a start against every rule, noting each broken one in {@code checks}; warnings (an age
	 * outside 16–64) are message keys added to {@code warnings}. Returns null fields where a value was refused.
	 */
	Start checkStart(FollowupContext context, StartForm form, Checks checks, List<String> warnings) {
		LocalDate today = context.today();
		LocalDate startDate = requiredDate(form.startDate(), "startDate", checks);
		if (startDate != null) {
			checks.check(!startDate.isAfter(today), "startDate", "followup.date.future");
		}
		boolean consentAnswered = form.consented() || "false".equalsIgnoreCase(form.consent())
				|| "nej".equalsIgnoreCase(form.consent());
		checks.check(consentAnswered || form.protectedIdentityFlag(), "consent", "followup.consent.required");
		boolean anonymous = form.protectedIdentityFlag() || (consentAnswered && !form.consented());
		Personnummer identity = null;
		Gender gender = null;
		Integer birthYear = null;
		Long participantId = null;
		if (!anonymous && form.participantId() != null && !form.participantId().isBlank()) {
			participantId = checks.optionalId(form.participantId(), "participantId");
			if (participantId != null) {
				var row = store.participant(context.associationId(), participantId);
				checks.check(row.isPresent(), "participantId", "validation.choice");
				if (row.isPresent()) {
					gender = row.get().gender();
					birthYear = row.get().birthYear();
				}
			}
		}
		else {
			if (!anonymous && form.personnummer() != null && !form.personnummer().isBlank()) {
				var parsed = Personnummer.parse(form.personnummer(), today);
				if (parsed.problem() != null) {
					checks.check(false, "personnummer", "followup.personnummer." + parsed.problem().name().toLowerCase(Locale.ROOT));
				}
				else {
					identity = parsed.value();
					gender = identity.legalGender();
					birthYear = identity.birthYear();
				}
			}
			Gender typed = form.gender() == null || form.gender().isBlank() ? null : Gender.parse(form.gender());
			checks.check(form.gender() == null || form.gender().isBlank() || typed != null, "gender", "validation.choice");
			if (identity != null && typed != null && typed != gender) {
				checks.check(false, "gender", "followup.gender.mismatch");
			}
			if (gender == null) {
				gender = typed;
				checks.check(typed != null || (form.gender() != null && !form.gender().isBlank()), "gender",
						"validation.required");
			}
			if (identity == null && !anonymous) {
				birthYear = checks.optionalInt(form.birthYear(), "birthYear", 1900, today.getYear());
				checks.check(birthYear != null || (form.birthYear() != null && !form.birthYear().isBlank()),
						"birthYear", "validation.required");
			}
			else if (identity != null && form.birthYear() != null && !form.birthYear().isBlank()) {
				Integer typedYear = checks.optionalInt(form.birthYear(), "birthYear", 1900, today.getYear());
				checks.check(typedYear == null || typedYear == birthYear, "birthYear", "followup.birthYear.mismatch");
			}
		}
		if (anonymous) {
			String reason = form.protectedIdentityFlag() ? "PROTECTED_IDENTITY" : "NO_CONSENT";
			return new Start(null, null, gender, null, reason, new EnrollmentValues(null, null, null, null, startDate,
					null, null, null, List.of(), null, null, null, null));
		}
		if (birthYear != null && startDate != null) {
			int age = startDate.getYear() - birthYear;
			if (age < 16 || age > 64) {
				warnings.add("followup.warning.age");
			}
		}
		LocalDate consentDate = requiredDate(form.consentDate(), "consentDate", checks);
		if (consentDate != null) {
			checks.check(!consentDate.isAfter(today), "consentDate", "followup.date.future");
		}
		String consentVersion = form.consentVersion() == null || form.consentVersion().isBlank() ? DEFAULT_CONSENT_VERSION
				: checks.text(form.consentVersion(), 40, "consentVersion");
		LocalDate referralDate = checks.optionalDate(form.referralDate(), "referralDate");
		if (referralDate != null && startDate != null) {
			checks.check(!referralDate.isAfter(startDate), "referralDate", "followup.referral.afterStart");
		}
		Long referrerId = checks.optionalId(form.referrerId(), "referrerId");
		checks.check(referrerId == null || context.referrerIds().contains(referrerId), "referrerId", "validation.choice");
		Long districtId = checks.optionalId(form.districtId(), "districtId");
		checks.check(districtId == null || context.districtIds().contains(districtId), "districtId", "validation.choice");
		String education = code(context, FollowupCodes.EDUCATION, form.education(), "education", checks);
		String timeWithoutWork = code(context, FollowupCodes.TIME_WITHOUT_WORK, form.timeWithoutWork(), "timeWithoutWork",
				checks);
		List<String> income = codes(context, FollowupCodes.INCOME_SOURCE, form.incomeSources(), "incomeSources", checks);
		String occupation = code(context, FollowupCodes.OCCUPATION, form.occupation(), "occupation", checks);
		Integer extent = checks.optionalInt(form.occupationExtent(), "occupationExtent", 0, 100);
		String birthRegion = code(context, FollowupCodes.BIRTH_REGION, form.birthRegion(), "birthRegion", checks);
		String disability = code(context, FollowupCodes.DISABILITY, form.disability(), "disability", checks);
		return new Start(participantId, identity, gender, birthYear, null, new EnrollmentValues(consentDate,
				consentVersion, referralDate, referrerId, startDate, districtId, education, timeWithoutWork, income,
				occupation, extent, birthRegion, disability));
	}

	ExitValues checkExit(FollowupContext context, LocalDate startDate, ExitForm form, Checks checks) {
		LocalDate endDate = requiredDate(form.endDate(), "endDate", checks);
		if (endDate != null) {
			checks.check(!endDate.isAfter(context.today()), "endDate", "followup.date.future");
			checks.check(startDate == null || !endDate.isBefore(startDate), "endDate", "followup.end.beforeStart");
		}
		String reason = code(context, FollowupCodes.EXIT_REASON, form.exitReason(), "exitReason", checks);
		checks.check(reason != null || (form.exitReason() != null && !form.exitReason().isBlank()), "exitReason",
				"validation.required");
		String occupation = code(context, FollowupCodes.OCCUPATION, form.occupationAfter(), "occupationAfter", checks);
		Integer extent = checks.optionalInt(form.occupationAfterExtent(), "occupationAfterExtent", 0, 100);
		List<String> income = codes(context, FollowupCodes.INCOME_SOURCE, form.incomeSourcesAfter(), "incomeSourcesAfter",
				checks);
		Boolean guide = null;
		if (form.guideSupport() != null && !form.guideSupport().isBlank()) {
			String value = form.guideSupport().trim().toLowerCase(Locale.ROOT);
			guide = switch (value) {
				case "true", "ja", "yes", "on" -> Boolean.TRUE;
				case "false", "nej", "no" -> Boolean.FALSE;
				default -> {
					checks.check(false, "guideSupport", "validation.choice");
					yield null;
				}
			};
		}
		return new ExitValues(endDate, reason, occupation, extent, income, guide);
	}

	private static LocalDate requiredDate(String value, String field, Checks checks) {
		if (value == null || value.isBlank()) {
			checks.check(false, field, "validation.required");
			return null;
		}
		return checks.optionalDate(value, field);
	}

	private static String code(FollowupContext context, String list, String value, String field, Checks checks) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String code = value.trim();
		checks.check(context.hasCode(list, code), field, "validation.choice");
		return context.hasCode(list, code) ? code : null;
	}

	private static List<String> codes(FollowupContext context, String list, List<String> values, String field,
			Checks checks) {
		if (!checks.atMost(values, MAX_CODES, field)) {
			return List.of();
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (String value : values) {
			String code = code(context, list, value, field, checks);
			if (code != null) {
				chosen.add(code);
			}
		}
		return List.copyOf(chosen);
	}
}
