package se.samsyn.followup.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.samsyn.followup.EnrollmentId;
import se.samsyn.followup.JointPlans;
import se.samsyn.followup.ParticipantScope;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.FormErrors;
import se.samsyn.platform.ValidationException;

/** Joint-plan changes from an episode's page: a new meeting, activities, their status at each follow-up. */
@Controller
@RequestMapping("/forbund/{associationCode}")
class JointPlanController {

	private final ParticipantScope scope;
	private final JointPlans plans;
	private final FormErrors formErrors;

	JointPlanController(ParticipantScope scope, JointPlans plans, FormErrors formErrors) {
		this.scope = scope;
		this.plans = plans;
		this.formErrors = formErrors;
	}

	@PostMapping("/perioder/{enrollmentId}/planer")
	String create(@PathVariable String associationCode, @PathVariable long enrollmentId,
			@RequestParam(required = false) String meetingDate,
			@RequestParam(name = "description", required = false) List<String> descriptions,
			@RequestParam(name = "memberId", required = false) List<String> memberIds, Model model,
			RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		List<JointPlans.ActivityForm> activities = new ArrayList<>();
		int count = descriptions == null ? 0 : descriptions.size();
		for (int i = 0; i < count; i++) {
			String member = memberIds != null && i < memberIds.size() ? memberIds.get(i) : null;
			activities.add(new JointPlans.ActivityForm(descriptions.get(i), member));
		}
		try {
			plans.create(association, new EnrollmentId(enrollmentId), meetingDate, activities);
			redirect.addFlashAttribute("notice", formErrors.message("followup.plan.saved"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("alert", ex.errors().stream()
				.map(error -> formErrors.message(error.messageKey(), error.arguments())).distinct()
				.reduce((a, b) -> a + " " + b).orElse(""));
		}
		return "redirect:/forbund/" + association.code() + "/perioder/" + enrollmentId + "#planering";
	}

	@PostMapping("/planer/{planId}/aktiviteter")
	String addActivity(@PathVariable String associationCode, @PathVariable long planId,
			@RequestParam(required = false) String description, @RequestParam(required = false) String memberId,
			RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentId enrollment = plans.enrollmentOfPlan(association, planId);
		try {
			plans.addActivity(association, planId, new JointPlans.ActivityForm(description, memberId));
			redirect.addFlashAttribute("notice", formErrors.message("saved"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("alert", formErrors.message(ex.errors().get(0).messageKey(), ex.errors().get(0).arguments()));
		}
		return "redirect:/forbund/" + association.code() + "/perioder/" + enrollment.value() + "#planering";
	}

	@PostMapping("/aktiviteter/{activityId}/status")
	String status(@PathVariable String associationCode, @PathVariable long activityId, @RequestParam(required = false) Integer months,
			@RequestParam(required = false) String status, RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentId enrollment = plans.enrollmentOfActivity(association, activityId);
		try {
			plans.setStatus(association, activityId, months == null ? 0 : months, status);
			redirect.addFlashAttribute("notice", formErrors.message("saved"));
		}
		catch (ValidationException ex) {
			redirect.addFlashAttribute("alert", formErrors.message(ex.errors().get(0).messageKey()));
		}
		return "redirect:/forbund/" + association.code() + "/perioder/" + enrollment.value() + "#planering";
	}

	@PostMapping("/aktiviteter/{activityId}/ta-bort")
	String deleteActivity(@PathVariable String associationCode, @PathVariable long activityId,
			RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentId enrollment = plans.enrollmentOfActivity(association, activityId);
		plans.deleteActivity(association, activityId);
		redirect.addFlashAttribute("notice", formErrors.message("followup.plan.activityDeleted"));
		return "redirect:/forbund/" + association.code() + "/perioder/" + enrollment.value() + "#planering";
	}

	@PostMapping("/planer/{planId}/ta-bort")
	String deletePlan(@PathVariable String associationCode, @PathVariable long planId, RedirectAttributes redirect) {
		AssociationRef association = scope.association(associationCode);
		EnrollmentId enrollment = plans.enrollmentOfPlan(association, planId);
		plans.deletePlan(association, planId);
		redirect.addFlashAttribute("notice", formErrors.message("followup.plan.deleted"));
		return "redirect:/forbund/" + association.code() + "/perioder/" + enrollment.value() + "#planering";
	}
}
