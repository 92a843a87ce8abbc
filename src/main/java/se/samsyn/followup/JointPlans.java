package se.samsyn.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.association.AssociationStructure;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.followup.FollowupViews.EnrollmentDetails;
import se.samsyn.platform.AssociationRef;
import se.samsyn.platform.Checks;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.ValidationException;

/**
 * Gemensam planering (FINSAM-team): a meeting where the participant and the members agree on
 * activities, each followed up after 2, 6 and 12 months as not started, partly or fully done.
 */
@Service
public class JointPlans {

	/** Activities agreed at one planning meeting, at most. */
	static final int MAX_ACTIVITIES = 50;

	/** The follow-ups after the meeting, in months. */
	public static final List<Integer> FOLLOW_UPS = List.of(2, 6, 12);

	public enum ActivityStatus {
		NOT_STARTED, PARTLY, DONE
	}

	private final JdbcClient jdbc;
	private final Enrollments enrollments;
	private final ParticipantScope scope;
	private final AssociationStructure structure;
	private final AuditLog audit;
	private final Clock clock;

	JointPlans(JdbcClient jdbc, Enrollments enrollments, ParticipantScope scope, AssociationStructure structure,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.enrollments = enrollments;
		this.scope = scope;
		this.structure = structure;
		this.audit = audit;
		this.clock = clock;
	}

	public record Activity(long id, String description, Long memberId, ActivityStatus after2, ActivityStatus after6,
			ActivityStatus after12) {

		public ActivityStatus after(int months) {
			return switch (months) {
				case 2 -> after2;
				case 6 -> after6;
				case 12 -> after12;
				default -> null;
			};
		}
	}

	public record Plan(long id, long enrollmentId, LocalDate meetingDate, List<Activity> activities) {

		public LocalDate due(int months) {
			return meetingDate.plusMonths(months);
		}
	}

	/** A follow-up that is due (or soon due) with activities not yet assessed. */
	public record DueFollowUp(long planId, long enrollmentId, long participantId, String participantCode,
			long interventionId, int months, LocalDate dueDate, int openActivities) {
	}

	/** An activity as typed: what, and which member is responsible. */
	public record ActivityForm(String description, String memberId) {
	}

	/** The plans of an episode, for whoever may see the episode. */
	public List<Plan> plans(AssociationRef association, long enrollmentId) {
		enrollments.visible(association, enrollmentId);
		return plansOf(association.id(), enrollmentId);
	}

	private List<Plan> plansOf(long associationId, long enrollmentId) {
		Map<Long, List<Activity>> activities = new LinkedHashMap<>();
		List<Object[]> plans = jdbc.sql("""
				select id, meeting_date from joint_plan where association_id = ? and enrollment_id = ? order by meeting_date, id
				""").params(associationId, enrollmentId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, LocalDate.class) }).list();
		jdbc.sql("""
				select a.* from plan_activity a join joint_plan p on p.id = a.plan_id
				 where p.association_id = ? and p.enrollment_id = ? order by a.id
				""").params(associationId, enrollmentId)
			.query((rs, n) -> activities.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
				.add(new Activity(rs.getLong("id"), rs.getString("description"), rs.getObject("member_id", Long.class),
						status(rs.getString("status_2")), status(rs.getString("status_6")),
						status(rs.getString("status_12")))))
			.list();
		return plans.stream().map(p -> new Plan((Long) p[0], enrollmentId, (LocalDate) p[1],
				activities.getOrDefault((Long) p[0], List.of()))).toList();
	}

	private static ActivityStatus status(String value) {
		return value == null ? null : ActivityStatus.valueOf(value);
	}

	/** Records a planning meeting with the activities agreed. */
	@Transactional
	public long create(AssociationRef association, long enrollmentId, String meetingDate, List<ActivityForm> activities) {
		EnrollmentDetails episode = enrollments.visible(association, enrollmentId);
		Checks checks = new Checks();
		LocalDate date = checks.optionalDate(meetingDate, "meetingDate");
		checks.check(meetingDate != null && !meetingDate.isBlank(), "meetingDate", "validation.required");
		if (date != null) {
			checks.check(!date.isBefore(episode.startDate()), "meetingDate", "followup.plan.beforeStart");
			checks.check(!date.isAfter(LocalDate.now(clock)), "meetingDate", "followup.date.future");
		}
		List<ActivityForm> filled = activities == null ? List.of()
				: activities.stream().filter(a -> a.description() != null && !a.description().isBlank()).toList();
		checks.check(!filled.isEmpty(), "activities", "followup.plan.noActivities");
		List<Object[]> checked = new ArrayList<>();
		if (!checks.atMost(filled, MAX_ACTIVITIES, "activities")) {
			filled = List.of();
		}
		for (int i = 0; i < filled.size(); i++) {
			checked.add(checkActivity(association, filled.get(i), checks, "activities[" + i + "]"));
		}
		checks.throwIfAny();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into joint_plan (association_id, enrollment_id, meeting_date, created_at) values (?, ?, ?, ?)")
			.params(association.id(), enrollmentId, date, clock.instant().atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long planId = keys.getKey().longValue();
		checked.forEach(a -> insertActivity(planId, a));
		audit.record(AuditAction.JOINT_PLAN_CREATED, association.id(), AuditTarget.JOINT_PLAN, String.valueOf(planId),
				"period " + enrollmentId + ", " + checked.size() + " aktiviteter");
		return planId;
	}

	@Transactional
	public void addActivity(AssociationRef association, long planId, ActivityForm activity) {
		requirePlan(association, planId);
		Checks checks = new Checks();
		Object[] checked = checkActivity(association, activity, checks, "description");
		checks.throwIfAny();
		insertActivity(planId, checked);
		audit.record(AuditAction.JOINT_PLAN_CHANGED, association.id(), AuditTarget.JOINT_PLAN, String.valueOf(planId), "ny aktivitet");
	}

	/** Sets an activity's status at the follow-up after 2, 6 or 12 months (null clears it). */
	@Transactional
	public void setStatus(AssociationRef association, long activityId, int months, String status) {
		long planId = planOfActivity(association, activityId);
		if (!FOLLOW_UPS.contains(months)) {
			throw ValidationException.of("months", "validation.choice");
		}
		ActivityStatus value = null;
		if (status != null && !status.isBlank()) {
			try {
				value = ActivityStatus.valueOf(status.trim());
			}
			catch (IllegalArgumentException ex) {
				throw ValidationException.of("status", "validation.choice");
			}
		}
		jdbc.sql("update plan_activity set status_" + months + " = ? where id = ?")
			.params(value == null ? null : value.name(), activityId).update();
		audit.record(AuditAction.JOINT_PLAN_CHANGED, association.id(), AuditTarget.JOINT_PLAN, String.valueOf(planId),
				"uppföljning " + months + " mån");
	}

	@Transactional
	public void deleteActivity(AssociationRef association, long activityId) {
		long planId = planOfActivity(association, activityId);
		jdbc.sql("delete from plan_activity where id = ?").param(activityId).update();
		audit.record(AuditAction.JOINT_PLAN_CHANGED, association.id(), AuditTarget.JOINT_PLAN, String.valueOf(planId), "aktivitet borttagen");
	}

	@Transactional
	public void deletePlan(AssociationRef association, long planId) {
		requirePlan(association, planId);
		jdbc.sql("delete from plan_activity where plan_id = ?").param(planId).update();
		jdbc.sql("delete from joint_plan where id = ?").param(planId).update();
		audit.record(AuditAction.JOINT_PLAN_DELETED, association.id(), AuditTarget.JOINT_PLAN, String.valueOf(planId), null);
	}

	/** The episode a plan belongs to, when the user may see it. */
	public long enrollmentOfPlan(AssociationRef association, long planId) {
		return requirePlan(association, planId);
	}

	/** The episode an activity's plan belongs to, when the user may see it. */
	public long enrollmentOfActivity(AssociationRef association, long activityId) {
		return requirePlan(association, planOfActivity(association, activityId));
	}

	/**
	 * Follow-ups due by {@code horizon} days from today (and overdue ones) with activities not yet
	 * assessed, in the insatser the user may handle.
	 */
	public List<DueFollowUp> due(AssociationRef association, int horizonDays) {
		scope.association(association.code());
		InterventionScope allowed = scope.interventions(association);
		LocalDate limit = LocalDate.now(clock).plusDays(horizonDays);
		List<DueFollowUp> due = new ArrayList<>();
		jdbc.sql("""
				select p.id, p.enrollment_id, p.meeting_date, e.participant_id, pa.code, e.intervention_id,
				       sum(case when a.status_2 is null then 1 else 0 end) as open_2,
				       sum(case when a.status_6 is null then 1 else 0 end) as open_6,
				       sum(case when a.status_12 is null then 1 else 0 end) as open_12
				  from joint_plan p join enrollment e on e.id = p.enrollment_id
				  join participant pa on pa.id = e.participant_id
				  join plan_activity a on a.plan_id = p.id
				 where p.association_id = ? and p.meeting_date >= ?
				 group by p.id, p.enrollment_id, p.meeting_date, e.participant_id, pa.code, e.intervention_id
				""")
			.params(association.id(), LocalDate.now(clock).minusMonths(24))
			.query((rs, n) -> {
				long interventionId = rs.getLong("intervention_id");
				if (!allowed.allows(interventionId)) {
					return null;
				}
				LocalDate meeting = rs.getObject("meeting_date", LocalDate.class);
				for (int months : FOLLOW_UPS) {
					int open = rs.getInt("open_" + months);
					LocalDate dueDate = meeting.plusMonths(months);
					if (open > 0 && !dueDate.isAfter(limit)) {
						due.add(new DueFollowUp(rs.getLong("id"), rs.getLong("enrollment_id"), rs.getLong("participant_id"),
								rs.getString("code"), interventionId, months, dueDate, open));
						break;
					}
				}
				return null;
			}).list();
		due.sort(java.util.Comparator.comparing(DueFollowUp::dueDate).thenComparing(DueFollowUp::planId));
		return due;
	}

	private Object[] checkActivity(AssociationRef association, ActivityForm activity, Checks checks, String field) {
		String description = checks.text(activity.description(), 300, field);
		Long memberId = checks.optionalId(activity.memberId(), field + ".memberId");
		if (memberId != null) {
			boolean known = structure.members(association.id()).stream().anyMatch(m -> m.id() == memberId);
			checks.check(known, field + ".memberId", "validation.choice");
		}
		return new Object[] { description, memberId };
	}

	private void insertActivity(long planId, Object[] activity) {
		jdbc.sql("insert into plan_activity (plan_id, description, member_id) values (?, ?, ?)")
			.params(planId, activity[0], activity[1]).update();
	}

	private long requirePlan(AssociationRef association, long planId) {
		Long enrollmentId = jdbc.sql("select enrollment_id from joint_plan where association_id = ? and id = ?")
			.params(association.id(), planId).query(Long.class).optional().orElseThrow(NotFoundException::new);
		enrollments.visible(association, enrollmentId);
		return enrollmentId;
	}

	private long planOfActivity(AssociationRef association, long activityId) {
		Long planId = jdbc.sql("""
				select a.plan_id from plan_activity a join joint_plan p on p.id = a.plan_id
				 where p.association_id = ? and a.id = ?
				""").params(association.id(), activityId).query(Long.class).optional().orElseThrow(NotFoundException::new);
		requirePlan(association, planId);
		return planId;
	}
}
