package se.samsyn.followup.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.access.AccessControl;
import se.samsyn.access.Permission;
import se.samsyn.followup.Enrollments;
import se.samsyn.followup.ExitForm;
import se.samsyn.followup.FollowupViews.EnrollmentDetails;
import se.samsyn.followup.FollowupViews.ListFilter;
import se.samsyn.followup.JointPlans;
import se.samsyn.followup.ParticipantScope;
import se.samsyn.followup.StartForm;
import se.samsyn.intervention.InterventionKind;
import se.samsyn.intervention.Interventions;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.DateBounds;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/**
 * The follow-up pages: the insatser the user follows up, an insats' participants, the start and
 * exit forms, a participant's episodes. Only the kansli and the insats' own project leaders get here.
 */
@Controller
@RequestMapping("/forbund/{associationCode}")
class FollowupController {

	private final ParticipantScope scope;
	private final Enrollments enrollments;
	private final JointPlans plans;
	private final Interventions interventions;
	private final FollowupPages pages;
	private final FormErrors formErrors;
	private final AccessControl access;
	private final Clock clock;

	FollowupController(ParticipantScope scope, Enrollments enrollments, JointPlans plans, Interventions interventions,
			FollowupPages pages, FormErrors formErrors, AccessControl access, Clock clock) {
		this.scope = scope;
		this.enrollments = enrollments;
		this.plans = plans;
		this.interventions = interventions;
		this.pages = pages;
		this.formErrors = formErrors;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/uppfoljning")
	String overview(@PathVariable String associationCode, Model model) {
		AssociationRef association = scope.association(associationCode);
		InterventionScope allowed = scope.interventions(association);
		var names = interventions.names(association);
		int year = LocalDate.now(clock).getYear();
		var counts = enrollments.counts(association, year);
		model.addAttribute("year", year);
		model.addAttribute("interventions", interventions.names(association, InterventionKind.INDIVIDUAL).entrySet()
			.stream().filter(e -> allowed.allows(e.getKey()))
			.map(e -> new Choice(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), new long[3]))).toList());
		model.addAttribute("due", plans.due(association, 14));
		model.addAttribute("interventionNames", names);
		model.addAttribute("canChooseQuestions", access.requireUser().mayIn(association.id(), Permission.MANAGE_ASSOCIATION));
		pages.choices(association, model);
		return "followup/overview";
	}

	/** Rows per page of a participant list: a screenful to work through, fast to render however large the insats. */
	static final int PAGE_SIZE = 100;

	record Choice(long id, String name, long[] counts) {
		public long ongoing() {
			return counts[0];
		}

		public long started() {
			return counts[1];
		}

		public long ended() {
			return counts[2];
		}
	}

	@PostMapping("/uppfoljning/fragor")
	String questions(@PathVariable String associationCode, @RequestParam(required = false) List<String> questions,
			RedirectAttributes redirect) {
		AssociationRef association = access.require(associationCode, Permission.MANAGE_ASSOCIATION);
		enrollments.setQuestions(association, questions);
		redirect.addFlashAttribute("notice", formErrors.message("saved"));
		return "redirect:/forbund/" + association.code() + "/uppfoljning";
	}

	@GetMapping("/insatser/{id}/deltagare")
	String list(@PathVariable String associationCode, @PathVariable long id,
			@RequestParam(required = false) String status, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String months,
			@RequestParam(name = "sida", defaultValue = "1") int page, Model model) {
		AssociationRef association = scope.association(associationCode);
		ListFilter filter = new ListFilter(status != null && ListFilter.STATUSES.contains(status) ? status : null, date(from), date(to),
				positive(months));
		model.addAttribute("filter", filter);
		var list = enrollments.page(association, id, filter, page, PAGE_SIZE);
		model.addAttribute("intervention", list.intervention());
		int first = (list.page() - 1) * PAGE_SIZE;
		model.addAttribute("rows", listRows(list.rows(), pages.labels(association, "EXIT_REASON")));
		model.addAttribute("rowCount", list.total());
		model.addAttribute("page", list.page());
		model.addAttribute("pageCount", list.pageCount());
		model.addAttribute("firstRow", list.total() == 0 ? 0 : first + 1);
		model.addAttribute("lastRow", first + list.rows().size());
		model.addAttribute("ongoingCount", list.ongoing());
		model.addAttribute("incompleteCount", list.incomplete());
		model.addAttribute("tallies", list.tallies());
		return "followup/enrollment-list";
	}

	/** A list row with its texts resolved here: thousands of rows render fast without an expression per cell. */
	record ListRow(long id, String participantCode, String gender, String age, String startDate, String endDate,
			String ongoing, String exitReason, String missingTitle, String missingCount) {
	}

	private List<ListRow> listRows(List<se.samsyn.followup.FollowupViews.EnrollmentRow> rows,
			java.util.Map<String, String> exitLabels) {
		java.util.Map<String, String> fieldNames = new java.util.HashMap<>();
		String woman = formErrors.message("followup.gender.WOMAN");
		String man = formErrors.message("followup.gender.MAN");
		return rows.stream().map(row -> new ListRow(row.id(), row.participantCode(),
				row.gender() == se.samsyn.followup.Gender.WOMAN ? woman : man,
				row.ageAtStart() == null ? "–" : String.valueOf(row.ageAtStart()), row.startDate().toString(),
				row.endDate() == null ? null : row.endDate().toString(),
				row.endDate() == null ? formErrors.message("followup.ongoingMonths", row.months()) : null,
				row.exitReason() == null ? "" : exitLabels.getOrDefault(row.exitReason(), row.exitReason()),
				row.missing().isEmpty() ? null : String.join(", ", row.missing().stream()
					.map(field -> fieldNames.computeIfAbsent(field, f -> formErrors.message("followup.field." + f))).toList()),
				row.missing().isEmpty() ? null : formErrors.message("followup.missingCount", row.missing().size())))
			.toList();
	}

	@GetMapping("/insatser/{id}/deltagare/ny")
	String startForm(@PathVariable String associationCode, @PathVariable long id,
			@RequestParam(name = "deltagare", required = false) Long participantId, Model model) {
		AssociationRef association = scope.association(associationCode);
		StartForm form = StartForm.empty(LocalDate.now(clock).toString(), Enrollments.DEFAULT_CONSENT_VERSION);
		if (participantId != null) {
			var participant = enrollments.participant(association, participantId);
			model.addAttribute("participant", participant);
			form = withParticipant(form, participantId);
		}
		return start(association, id, form, model);
	}

	private static StartForm withParticipant(StartForm f, long participantId) {
		return new StartForm(String.valueOf(participantId), "", "", "", f.consent(), f.protectedIdentity(),
				f.consentDate(), f.consentVersion(), f.referralDate(), f.referrerId(), f.startDate(), f.districtId(),
				f.education(), f.timeWithoutWork(), f.incomeSources(), f.occupation(), f.occupationExtent(),
				f.birthRegion(), f.disability());
	}

	@PostMapping("/insatser/{id}/deltagare/ny")
	String start(@PathVariable String associationCode, @PathVariable long id, StartForm form, Model model,
			RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		try {
			var result = enrollments.start(association, id, form);
			result.warnings().forEach(w -> redirect.addFlashAttribute("warning", formErrors.message(w)));
			if (result.anonymous()) {
				redirect.addFlashAttribute("notice", formErrors.message("followup.start.anonymousSaved"));
				return "redirect:/forbund/" + association.code() + "/insatser/" + id + "/deltagare";
			}
			redirect.addFlashAttribute("notice", formErrors.message("followup.start.saved"));
			return "redirect:/forbund/" + association.code() + "/perioder/" + result.enrollmentId();
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			if (form.participantId() != null && !form.participantId().isBlank()) {
				try {
					model.addAttribute("participant", enrollments.participant(association, Long.parseLong(form.participantId())));
				}
				catch (RuntimeException ignored) {
					// an unknown participant id is already reported as a field error
				}
			}
			return start(association, id, form, model);
		}
	}

	private String start(AssociationRef association, long id, StartForm form, Model model) {
		model.addAttribute("intervention", scope.intervention(association, id));
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		pages.choices(association, model);
		return "followup/start-form";
	}

	@GetMapping("/perioder/{enrollmentId}")
	String episode(@PathVariable String associationCode, @PathVariable long enrollmentId, Model model) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentDetails episode = enrollments.get(association, enrollmentId);
		model.addAttribute("episode", episode);
		model.addAttribute("plans", plans.plans(association, enrollmentId));
		model.addAttribute("followUps", JointPlans.FOLLOW_UPS);
		model.addAttribute("activityStatuses", JointPlans.ActivityStatus.values());
		model.addAttribute("today", LocalDate.now(clock));
		pages.choices(association, model);
		return "followup/episode";
	}

	@GetMapping("/perioder/{enrollmentId}/andra")
	String editForm(@PathVariable String associationCode, @PathVariable long enrollmentId, Model model) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentDetails e = enrollments.get(association, enrollmentId);
		StartForm form = new StartForm(String.valueOf(e.participantId()), "", "", "", "true", "", text(e.consentDate()),
				e.consentVersion(), text(e.referralDate()), text(e.referrerId()), text(e.startDate()), text(e.districtId()),
				e.education(), e.timeWithoutWork(), e.incomeSources(), e.occupation(), text(e.occupationExtent()),
				e.birthRegion(), e.disability());
		return edit(association, e, form, model);
	}

	@PostMapping("/perioder/{enrollmentId}/andra")
	String update(@PathVariable String associationCode, @PathVariable long enrollmentId, StartForm form, Model model,
			RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		try {
			enrollments.updateStart(association, enrollmentId, form);
			redirect.addFlashAttribute("notice", formErrors.message("saved"));
			return "redirect:/forbund/" + association.code() + "/perioder/" + enrollmentId;
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return edit(association, enrollments.visibleDetails(association, enrollmentId), form, model);
		}
	}

	private String edit(AssociationRef association, EnrollmentDetails episode, StartForm form, Model model) {
		model.addAttribute("episode", episode);
		model.addAttribute("intervention", scope.intervention(association, episode.interventionId()));
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		pages.choices(association, model);
		return "followup/start-form";
	}

	@GetMapping("/perioder/{enrollmentId}/avslut")
	String exitForm(@PathVariable String associationCode, @PathVariable long enrollmentId, Model model) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentDetails e = enrollments.get(association, enrollmentId);
		ExitForm form = e.endDate() == null ? ExitForm.empty(LocalDate.now(clock).toString())
				: new ExitForm(text(e.endDate()), e.exitReason(), e.occupationAfter(), text(e.occupationAfterExtent()),
						e.incomeSourcesAfter(), e.guideSupport() == null ? "" : e.guideSupport().toString());
		return exit(association, e, form, model);
	}

	@PostMapping("/perioder/{enrollmentId}/avslut")
	String end(@PathVariable String associationCode, @PathVariable long enrollmentId, ExitForm form, Model model,
			RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		try {
			enrollments.end(association, enrollmentId, form);
			redirect.addFlashAttribute("notice", formErrors.message("followup.exit.saved"));
			return "redirect:/forbund/" + association.code() + "/perioder/" + enrollmentId;
		}
		catch (ValidationException ex) {
			formErrors.addTo(model, ex);
			return exit(association, enrollments.visibleDetails(association, enrollmentId), form, model);
		}
	}

	private String exit(AssociationRef association, EnrollmentDetails episode, ExitForm form, Model model) {
		model.addAttribute("episode", episode);
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		pages.choices(association, model);
		return "followup/exit-form";
	}

	@PostMapping("/perioder/{enrollmentId}/ateroppna")
	String reopen(@PathVariable String associationCode, @PathVariable long enrollmentId, RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		try {
			enrollments.reopen(association, enrollmentId);
			redirect.addFlashAttribute("notice", formErrors.message("followup.reopened"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("alert", formErrors.message(ex.errors().get(0).messageKey()));
		}
		return "redirect:/forbund/" + association.code() + "/perioder/" + enrollmentId;
	}

	@PostMapping("/perioder/{enrollmentId}/ta-bort")
	String delete(@PathVariable String associationCode, @PathVariable long enrollmentId, RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		long interventionId = enrollments.visibleDetails(association, enrollmentId).interventionId();
		enrollments.delete(association, enrollmentId);
		redirect.addFlashAttribute("notice", formErrors.message("followup.deleted"));
		return "redirect:/forbund/" + association.code() + "/insatser/" + interventionId + "/deltagare";
	}

	@PostMapping("/perioder/{enrollmentId}/aterkalla-samtycke")
	String withdraw(@PathVariable String associationCode, @PathVariable long enrollmentId, RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		long interventionId = enrollments.visibleDetails(association, enrollmentId).interventionId();
		enrollments.withdrawConsent(association, enrollmentId);
		redirect.addFlashAttribute("notice", formErrors.message("followup.consentWithdrawn"));
		return "redirect:/forbund/" + association.code() + "/insatser/" + interventionId + "/deltagare";
	}

	@GetMapping("/deltagare/{participantId}")
	String participant(@PathVariable String associationCode, @PathVariable long participantId, Model model) {
		AssociationRef association = scope.association(associationCode);
		model.addAttribute("participant", enrollments.participant(association, participantId));
		pages.choices(association, model);
		return "followup/participant";
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** A filter date; one that is broken or outside 1900–2100 is left out of the filter. */
	private static LocalDate date(String value) {
		return DateBounds.parseOrNull(value);
	}

	private static Integer positive(String value) {
		try {
			int months = Integer.parseInt(value == null ? "" : value.trim());
			return months > 0 && months < 600 ? months : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
