package se.samsyn.intervention;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import se.samsyn.intervention.InterventionCommand.BudgetLine;
import se.samsyn.intervention.InterventionCommand.Cofinancing;
import se.samsyn.intervention.InterventionCommand.SteeringGroupMember;
import se.samsyn.intervention.InterventionCommand.TargetDefinition;
import se.samsyn.intervention.InterventionViews.Budget;
import se.samsyn.intervention.InterventionViews.CofinancingLine;
import se.samsyn.intervention.InterventionViews.Decision;
import se.samsyn.intervention.InterventionViews.FidelityAssessment;
import se.samsyn.intervention.InterventionViews.SteeringGroupSeat;
import se.samsyn.intervention.InterventionViews.Target;
import se.samsyn.platform.Kronor;

/** The insats tables. Every method that takes an insats id is called only after its förbund was checked. */
@Repository
class InterventionStore {

	private final JdbcClient jdbc;

	InterventionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Core(long id, long associationId, String name, String shortDescription, String description,
			InterventionKind kind, FollowUpMethod followUp, InterventionStatus status, LocalDate startDate,
			LocalDate endDate, String owner, String locations, String evaluator) {
	}

	Optional<Core> find(long associationId, long id) {
		return jdbc.sql("select * from intervention where id = ? and association_id = ?").params(id, associationId)
			.query(InterventionStore::core).optional();
	}

	List<Core> all(long associationId) {
		return jdbc.sql("select * from intervention where association_id = ?").param(associationId)
			.query(InterventionStore::core).list();
	}

	long insert(long associationId, InterventionRules.Valid valid, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into intervention (association_id, name, short_description, description, kind, follow_up, status,
				                          start_date, end_date, owner, locations, evaluator, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(associationId, valid.name(), valid.shortDescription(), valid.description(), valid.kind().name(),
					valid.followUp().name(), valid.status().name(), valid.startDate(), valid.endDate(), valid.owner(),
					valid.locations(), valid.evaluator(), now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void update(long id, InterventionRules.Valid valid, Instant now) {
		jdbc.sql("""
				update intervention set name = ?, short_description = ?, description = ?, kind = ?, follow_up = ?,
				       start_date = ?, end_date = ?, owner = ?, locations = ?, evaluator = ?, updated_at = ?
				 where id = ?
				""")
			.params(valid.name(), valid.shortDescription(), valid.description(), valid.kind().name(),
					valid.followUp().name(), valid.startDate(), valid.endDate(), valid.owner(), valid.locations(),
					valid.evaluator(), now.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	void moveTo(long id, InterventionStatus status, LocalDate start, LocalDate end, Instant now) {
		jdbc.sql("update intervention set status = ?, start_date = ?, end_date = ?, updated_at = ? where id = ?")
			.params(status.name(), start, end, now.atOffset(ZoneOffset.UTC), id).update();
	}

	boolean nameTaken(long associationId, String name, Long exceptId) {
		return jdbc.sql("select count(*) from intervention where association_id = ? and lower(name) = lower(?) and id <> ?")
			.params(associationId, name, exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
	}

	// --- members, target groups, districts, leaders

	List<Long> ids(String sql, long id) {
		return jdbc.sql(sql).param(id).query(Long.class).list();
	}

	List<Long> memberIds(long id) {
		return ids("select member_id from intervention_member where intervention_id = ? order by member_id", id);
	}

	/** The members of every insats of the förbund, by insats: one query for a whole list. */
	Map<Long, List<Long>> memberIdsOfAll(long associationId) {
		Map<Long, List<Long>> members = new java.util.HashMap<>();
		jdbc.sql("""
				select m.intervention_id, m.member_id from intervention_member m join intervention i on i.id = m.intervention_id
				 where i.association_id = ? order by m.intervention_id, m.member_id""").param(associationId)
			.query((rs, n) -> members.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2))).list();
		return members;
	}

	/** Every insats' budget line for the year, by insats. */
	Map<Long, Budget> budgetsOfAll(long associationId, int year) {
		Map<Long, Budget> budgets = new java.util.HashMap<>();
		jdbc.sql("""
				select b.* from intervention_budget b join intervention i on i.id = b.intervention_id
				 where i.association_id = ? and b.budget_year = ?""").params(associationId, year)
			.query((rs, n) -> budgets.put(rs.getLong("intervention_id"), new Budget(rs.getInt("budget_year"),
					Kronor.of(rs.getLong("amount_kr")), rs.getObject("planned_participants", Integer.class), kronor(rs, "actual_kr"))))
			.list();
		return budgets;
	}

	List<Long> districtIds(long id) {
		return ids("select district_id from intervention_district where intervention_id = ? order by district_id", id);
	}

	List<Long> leaderIds(long id) {
		return ids("select user_id from intervention_leader where intervention_id = ? order by user_id", id);
	}

	List<String> targetGroups(long id) {
		return jdbc.sql("select code from intervention_target_group where intervention_id = ? order by code").param(id)
			.query(String.class).list();
	}

	void replaceMembers(long id, Collection<Long> memberIds) {
		jdbc.sql("delete from intervention_member where intervention_id = ?").param(id).update();
		memberIds.stream().distinct().forEach(member -> jdbc.sql(
				"insert into intervention_member (intervention_id, member_id) values (?, ?)").params(id, member).update());
	}

	void replaceDistricts(long id, Collection<Long> districtIds) {
		jdbc.sql("delete from intervention_district where intervention_id = ?").param(id).update();
		districtIds.stream().distinct().forEach(district -> jdbc.sql(
				"insert into intervention_district (intervention_id, district_id) values (?, ?)").params(id, district).update());
	}

	void replaceLeaders(long id, Collection<Long> userIds) {
		jdbc.sql("delete from intervention_leader where intervention_id = ?").param(id).update();
		userIds.stream().distinct().forEach(user -> jdbc.sql(
				"insert into intervention_leader (intervention_id, user_id) values (?, ?)").params(id, user).update());
	}

	void replaceTargetGroups(long id, Collection<String> codes) {
		jdbc.sql("delete from intervention_target_group where intervention_id = ?").param(id).update();
		codes.stream().distinct().forEach(code -> jdbc.sql(
				"insert into intervention_target_group (intervention_id, code) values (?, ?)").params(id, code).update());
	}

	/** The insatser a user leads, for a project leader's view. */
	List<Long> ledBy(long associationId, long userId) {
		return jdbc.sql("""
				select l.intervention_id from intervention_leader l join intervention i on i.id = l.intervention_id
				 where i.association_id = ? and l.user_id = ?
				""").params(associationId, userId).query(Long.class).list();
	}

	// --- budgets

	List<Budget> budgets(long id) {
		return jdbc.sql("select * from intervention_budget where intervention_id = ? order by budget_year").param(id)
			.query((rs, n) -> new Budget(rs.getInt("budget_year"), Kronor.of(rs.getLong("amount_kr")),
					rs.getObject("planned_participants", Integer.class), kronor(rs, "actual_kr")))
			.list();
	}

	void saveBudget(long id, BudgetLine line) {
		int updated = jdbc.sql("""
				update intervention_budget set amount_kr = ?, planned_participants = ?, actual_kr = ?
				 where intervention_id = ? and budget_year = ?
				""").params(line.amountKr(), line.plannedParticipants(), line.actualKr(), id, line.year()).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into intervention_budget (intervention_id, budget_year, amount_kr, planned_participants, actual_kr)
					values (?, ?, ?, ?, ?)
					""").params(id, line.year(), line.amountKr(), line.plannedParticipants(), line.actualKr()).update();
		}
	}

	int deleteBudget(long id, int year) {
		return jdbc.sql("delete from intervention_budget where intervention_id = ? and budget_year = ?").params(id, year).update();
	}

	void replaceBudgets(long id, List<BudgetLine> lines) {
		jdbc.sql("delete from intervention_budget where intervention_id = ?").param(id).update();
		lines.forEach(line -> saveBudget(id, line));
	}

	/** Every budget line of the förbund's insatser, for the budget table. */
	List<BudgetTable.Line> budgetLines(long associationId, InterventionScope visible) {
		return jdbc.sql("""
				select i.id, i.name, i.kind, b.budget_year, b.amount_kr
				  from intervention_budget b join intervention i on i.id = b.intervention_id
				 where i.association_id = ? and i.status <> 'REJECTED'
				""").param(associationId)
			.query((rs, n) -> new BudgetTable.Line(rs.getLong("id"), rs.getString("name"),
					InterventionKind.valueOf(rs.getString("kind")), rs.getInt("budget_year"), Kronor.of(rs.getLong("amount_kr"))))
			.list().stream().filter(line -> visible.allows(line.interventionId())).toList();
	}

	List<Integer> budgetYears(long associationId) {
		return jdbc.sql("""
				select distinct b.budget_year from intervention_budget b join intervention i on i.id = b.intervention_id
				 where i.association_id = ? order by b.budget_year
				""").param(associationId).query(Integer.class).list();
	}

	// --- targets

	List<Target> targets(long id) {
		return jdbc.sql("select * from intervention_target where intervention_id = ? order by target_year, id").param(id)
			.query(InterventionStore::target).list();
	}

	long insertTarget(long id, TargetDefinition target) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into intervention_target (intervention_id, target_year, wording, metric, comparator, threshold,
				                                 tolerance, exit_reasons, referrer_kind, months, include_partly)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, target.year(), target.text().trim(), target.metric().trim(),
					target.comparator() == null || target.comparator().isBlank() ? null : target.comparator().trim(),
					target.threshold(), target.tolerance(),
					target.exitReasons().isEmpty() ? null : String.join(",", target.exitReasons()),
					target.referrerKind() == null || target.referrerKind().isBlank() ? null : target.referrerKind(),
					target.months(), Boolean.TRUE.equals(target.includePartly()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Replaces the targets; a reported value stays with the target of the same year, wording and metric. */
	void replaceTargets(long id, List<TargetDefinition> targets) {
		java.util.Map<String, Target> reported = new java.util.HashMap<>();
		targets(id).stream().filter(target -> target.manualValue() != null)
			.forEach(target -> reported.putIfAbsent(target.year() + "|" + target.text() + "|" + target.metric(), target));
		jdbc.sql("delete from intervention_target where intervention_id = ?").param(id).update();
		for (TargetDefinition target : targets) {
			long targetId = insertTarget(id, target);
			Target before = reported.get(target.year() + "|" + target.text().trim() + "|" + target.metric().trim());
			if (before != null) {
				reportTarget(id, targetId, before.manualValue(), before.reportedBy(), before.reportedOn(), before.source());
			}
		}
	}

	int deleteTarget(long id, long targetId) {
		return jdbc.sql("delete from intervention_target where id = ? and intervention_id = ?").params(targetId, id).update();
	}

	int reportTarget(long id, long targetId, BigDecimal value, String reportedBy, LocalDate on, String source) {
		return jdbc.sql("""
				update intervention_target set manual_value = ?, reported_by = ?, reported_on = ?, source = ?
				 where id = ? and intervention_id = ? and metric = 'MANUAL'
				""").params(value, reportedBy, on, source, targetId, id).update();
	}

	// --- co-financing and steering group

	List<CofinancingLine> cofinancing(long id) {
		return jdbc.sql("select * from intervention_cofinancing where intervention_id = ? order by budget_year, id").param(id)
			.query((rs, n) -> new CofinancingLine(rs.getLong("id"), rs.getString("funder"), rs.getString("project"),
					rs.getInt("budget_year"), Kronor.of(rs.getLong("amount_kr"))))
			.list();
	}

	void replaceCofinancing(long id, List<Cofinancing> lines) {
		jdbc.sql("delete from intervention_cofinancing where intervention_id = ?").param(id).update();
		lines.forEach(line -> insertCofinancing(id, line));
	}

	void insertCofinancing(long id, Cofinancing line) {
		jdbc.sql("""
				insert into intervention_cofinancing (intervention_id, funder, project, budget_year, amount_kr)
				values (?, ?, ?, ?, ?)
				""").params(id, line.funder().trim(), blankToNull(line.project()), line.year(), line.amountKr()).update();
	}

	int deleteCofinancing(long id, long lineId) {
		return jdbc.sql("delete from intervention_cofinancing where id = ? and intervention_id = ?").params(lineId, id).update();
	}

	void insertSeat(long id, SteeringGroupMember seat) {
		jdbc.sql("insert into steering_group_member (intervention_id, name, role, member_id) values (?, ?, ?, ?)")
			.params(id, seat.name().trim(), blankToNull(seat.role()), seat.memberId()).update();
	}

	int deleteSeat(long id, long seatId) {
		return jdbc.sql("delete from steering_group_member where id = ? and intervention_id = ?").params(seatId, id).update();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	List<SteeringGroupSeat> steeringGroup(long id) {
		return jdbc.sql("select * from steering_group_member where intervention_id = ? order by id").param(id)
			.query((rs, n) -> new SteeringGroupSeat(rs.getLong("id"), rs.getString("name"), rs.getString("role"),
					rs.getObject("member_id", Long.class)))
			.list();
	}

	void replaceSteeringGroup(long id, List<SteeringGroupMember> seats) {
		jdbc.sql("delete from steering_group_member where intervention_id = ?").param(id).update();
		seats.forEach(seat -> insertSeat(id, seat));
	}

	// --- decisions

	void insertDecision(long associationId, long id, LocalDate decidedOn, DecisionBody body, DecisionOutcome outcome,
			String reference, Long amountKr, LocalDate periodStart, LocalDate periodEnd, String note, String recordedBy) {
		jdbc.sql("""
				insert into intervention_decision (association_id, intervention_id, decided_on, decision_body, outcome,
				                                   reference, amount_kr, period_start, period_end, note, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(associationId, id, decidedOn, body.name(), outcome.name(), reference, amountKr, periodStart,
					periodEnd, note, recordedBy)
			.update();
	}

	/** The förbund's decisions, newest first; {@code interventionId} null means all insatser. */
	List<Decision> decisions(long associationId, Long interventionId) {
		String sql = """
				select d.*, i.name as intervention_name from intervention_decision d
				  join intervention i on i.id = d.intervention_id
				 where d.association_id = ?""" + (interventionId == null ? "" : " and d.intervention_id = ?")
				+ " order by d.decided_on desc, d.id desc";
		var query = jdbc.sql(sql).param(associationId);
		if (interventionId != null) {
			query = query.param(interventionId);
		}
		return query.query((rs, n) -> new Decision(rs.getLong("id"), rs.getLong("intervention_id"),
				rs.getString("intervention_name"), rs.getObject("decided_on", LocalDate.class),
				DecisionBody.valueOf(rs.getString("decision_body")), DecisionOutcome.valueOf(rs.getString("outcome")),
				rs.getString("reference"), kronor(rs, "amount_kr"), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getString("note"), rs.getString("recorded_by")))
			.list();
	}

	// --- programme fidelity

	void insertFidelity(long id, LocalDate assessedOn, String assessor, FidelityScore score, String note) {
		jdbc.sql("insert into fidelity_assessment (intervention_id, assessed_on, assessor, item_scores, note) values (?, ?, ?, ?, ?)")
			.params(id, assessedOn, assessor, score.stored(), note).update();
	}

	List<FidelityAssessment> fidelity(long id) {
		return jdbc.sql("select * from fidelity_assessment where intervention_id = ? order by assessed_on desc, id desc").param(id)
			.query((rs, n) -> new FidelityAssessment(rs.getLong("id"), rs.getObject("assessed_on", LocalDate.class),
					rs.getString("assessor"), FidelityScore.parse(rs.getString("item_scores")), rs.getString("note")))
			.list();
	}

	private static Core core(ResultSet rs, int row) throws SQLException {
		return new Core(rs.getLong("id"), rs.getLong("association_id"), rs.getString("name"),
				rs.getString("short_description"), rs.getString("description"),
				InterventionKind.valueOf(rs.getString("kind")), FollowUpMethod.valueOf(rs.getString("follow_up")),
				InterventionStatus.valueOf(rs.getString("status")), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("owner"), rs.getString("locations"),
				rs.getString("evaluator"));
	}

	private static Target target(ResultSet rs, int row) throws SQLException {
		String reasons = rs.getString("exit_reasons");
		String comparator = rs.getString("comparator");
		return new Target(rs.getLong("id"), rs.getInt("target_year"), rs.getString("wording"),
				TargetMetric.valueOf(rs.getString("metric")), comparator == null ? null : TargetComparator.valueOf(comparator),
				rs.getBigDecimal("threshold"), rs.getBigDecimal("tolerance"),
				reasons == null ? List.of() : Arrays.asList(reasons.split(",")), rs.getString("referrer_kind"),
				rs.getObject("months", Integer.class), rs.getBoolean("include_partly"), rs.getBigDecimal("manual_value"),
				rs.getString("reported_by"), rs.getObject("reported_on", LocalDate.class), rs.getString("source"));
	}

	private static Kronor kronor(ResultSet rs, String column) throws SQLException {
		Long value = rs.getObject(column, Long.class);
		return value == null ? null : Kronor.of(value);
	}
}
