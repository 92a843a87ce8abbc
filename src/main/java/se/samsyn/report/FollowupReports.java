package se.samsyn.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import se.samsyn.association.AssociationStructure;
import se.samsyn.platform.CodeLists;
import se.samsyn.report.FollowupFigures.Breakdown;
import se.samsyn.report.FollowupFigures.Counts;
import se.samsyn.report.FollowupFigures.Population;
import se.samsyn.report.FollowupFigures.Row;
import se.samsyn.report.ReportStore.Phase;
import se.samsyn.report.ReportStore.Scope;

/**
 * Counts the follow-up of a period: started (anonymous starts included), ongoing and ended, the
 * background of those who started, the outcome of those who ended, time in the insats and the
 * joint plans' activities at 2, 6 and 12 months — all by legal gender. Who may see which figures,
 * and whether they are suppressed, is decided by the caller ({@link ReportAccess}).
 */
@Service
public class FollowupReports {

	/** Exit reasons that count as going on to work, studies or another actor's programme (the seeds' wording). */
	public static final Set<String> ONWARD = Set.of("WORK", "STUDIES", "REHAB_COOPERATION", "EMPLOYMENT_SERVICE",
			"MUNICIPAL_LABOUR_MARKET");
	public static final Set<String> WORK_OR_STUDIES = Set.of("WORK", "STUDIES");

	private static final List<String> AGE_BANDS = List.of("UNDER_16", "A16_19", "A20_24", "A25_29", "A30_39", "A40_49",
			"A50_59", "A60_64", "OVER_64", "UNKNOWN");
	private static final List<String> DURATIONS = List.of("UNDER_3", "M3_6", "M6_12", "M12_24", "OVER_24");
	private static final List<String> PLAN_STATUSES = List.of("DONE", "PARTLY", "NOT_STARTED");

	private final ReportStore store;
	private final CodeLists codeLists;
	private final AssociationStructure structure;
	private final MessageSource messages;

	FollowupReports(ReportStore store, CodeLists codeLists, AssociationStructure structure, MessageSource messages) {
		this.store = store;
		this.codeLists = codeLists;
		this.structure = structure;
		this.messages = messages;
	}

	/** The figures of one förbund, all its insatser or those given. */
	public FollowupFigures figures(long associationId, ReportPeriod period, Collection<Long> interventionIds) {
		return figures(List.of(associationId), associationId, period, interventionIds);
	}

	/** The figures over several förbund (the national report); labels from the first förbund's code lists. */
	public FollowupFigures figures(Collection<Long> associationIds, long labelsOf, ReportPeriod period,
			Collection<Long> interventionIds) {
		Scope scope = new Scope(associationIds, interventionIds);
		Locale locale = LocaleContextHolder.getLocale();
		Function<String, Map<String, String>> list = code -> codeLists.labels(code, labelsOf, locale);
		boolean single = associationIds.size() == 1;
		Map<String, String> members = new LinkedHashMap<>();
		Map<String, String> referrers = new LinkedHashMap<>();
		Map<String, String> districts = new LinkedHashMap<>();
		if (single) {
			long id = associationIds.iterator().next();
			structure.members(id).forEach(m -> members.put(String.valueOf(m.id()), m.name()));
			structure.referrers(id).forEach(r -> referrers.put(String.valueOf(r.id()), r.name()));
			structure.districts(id).forEach(d -> districts.put(String.valueOf(d.id()), d.name()));
		}
		members.put("SELF", text("report.selfReferral"));

		Counts started = total(store.count(scope, period, Phase.STARTED, "'ALL'", ""));
		Counts anonymous = store.anonymousStarts(scope, period);
		Counts ongoing = total(store.count(scope, period, Phase.ONGOING, "'ALL'", ""));
		Counts ended = total(store.count(scope, period, Phase.ENDED, "'ALL'", ""));

		List<Breakdown> breakdowns = new ArrayList<>();
		breakdowns.add(breakdown("ageBand", Population.STARTED, store.count(scope, period, Phase.STARTED, ReportStore.AGE_BAND, ""),
				ordered(AGE_BANDS, "report.age.")));
		breakdowns.add(breakdown("education", Population.STARTED, store.count(scope, period, Phase.STARTED, "e.education", ""),
				list.apply("EDUCATION")));
		breakdowns.add(breakdown("timeWithoutWork", Population.STARTED,
				store.count(scope, period, Phase.STARTED, "e.time_without_work", ""), list.apply("TIME_WITHOUT_WORK")));
		breakdowns.add(breakdown("incomeSource", Population.STARTED, store.count(scope, period, Phase.STARTED, "i.code",
				"join enrollment_income i on i.enrollment_id = e.id and i.phase = 'START'"), list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("occupation", Population.STARTED, store.count(scope, period, Phase.STARTED, "e.occupation", ""),
				list.apply("OCCUPATION")));
		if (single) {
			breakdowns.add(breakdown("referrerMember", Population.STARTED, store.count(scope, period, Phase.STARTED,
					"case when r.self_referral then 'SELF' else cast(r.member_id as varchar(20)) end",
					"left join referrer r on r.id = e.referrer_id"), members));
			breakdowns.add(breakdown("referrer", Population.STARTED, store.count(scope, period, Phase.STARTED,
					"cast(e.referrer_id as varchar(20))", ""), referrers));
			if (!districts.isEmpty()) {
				breakdowns.add(breakdown("district", Population.STARTED, store.count(scope, period, Phase.STARTED,
						"cast(e.district_id as varchar(20))", ""), districts));
			}
		}
		else {
			breakdowns.add(breakdown("referrerKind", Population.STARTED, store.count(scope, period, Phase.STARTED,
					"case when r.self_referral then 'SELF' else m.kind end",
					"left join referrer r on r.id = e.referrer_id left join member m on m.id = r.member_id"),
					ordered(List.of("STATE", "REGION", "MUNICIPALITY", "SELF"), "report.memberKind.")));
		}
		optional(breakdowns, breakdown("birthRegion", Population.STARTED,
				store.count(scope, period, Phase.STARTED, "e.birth_region", ""), list.apply("BIRTH_REGION")));
		optional(breakdowns, breakdown("disability", Population.STARTED,
				store.count(scope, period, Phase.STARTED, "e.disability", ""), list.apply("DISABILITY")));

		Map<String, Counts> exits = store.count(scope, period, Phase.ENDED, "e.exit_reason", "");
		breakdowns.add(breakdown("exitReason", Population.ENDED, exits, list.apply("EXIT_REASON")));
		breakdowns.add(outcomeGroups(exits));
		breakdowns.add(breakdown("occupationBefore", Population.ENDED, store.count(scope, period, Phase.ENDED, "e.occupation", ""),
				list.apply("OCCUPATION")));
		breakdowns.add(breakdown("occupationAfter", Population.ENDED,
				store.count(scope, period, Phase.ENDED, "e.occupation_after", ""), list.apply("OCCUPATION")));
		breakdowns.add(breakdown("incomeBefore", Population.ENDED, store.count(scope, period, Phase.ENDED, "i.code",
				"join enrollment_income i on i.enrollment_id = e.id and i.phase = 'START'"), list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("incomeAfter", Population.ENDED, store.count(scope, period, Phase.ENDED, "i.code",
				"join enrollment_income i on i.enrollment_id = e.id and i.phase = 'EXIT'"), list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("guideSupport", Population.ENDED, store.count(scope, period, Phase.ENDED,
				"case when e.guide_support then 'YES' when not e.guide_support then 'NO' end", ""),
				ordered(List.of("YES", "NO"), "report.guide.")));
		breakdowns.add(durations(store.endedDurations(scope, period)));
		breakdowns.addAll(planActivities(store.planActivities(scope, period), period));
		return new FollowupFigures(period, started, anonymous, ongoing, ended, breakdowns);
	}

	private Breakdown outcomeGroups(Map<String, Counts> exits) {
		Counts workOrStudies = Counts.ZERO;
		Counts onward = Counts.ZERO;
		Counts other = Counts.ZERO;
		for (var entry : exits.entrySet()) {
			if (WORK_OR_STUDIES.contains(entry.getKey())) {
				workOrStudies = workOrStudies.plus(entry.getValue());
			}
			if (ONWARD.contains(entry.getKey())) {
				onward = onward.plus(entry.getValue());
			}
			else {
				other = other.plus(entry.getValue());
			}
		}
		return new Breakdown("outcomeGroup", Population.ENDED, List.of(
				new Row("WORK_OR_STUDIES", text("report.outcome.WORK_OR_STUDIES"), workOrStudies),
				new Row("ONWARD", text("report.outcome.ONWARD"), onward),
				new Row("OTHER", text("report.outcome.OTHER"), other)));
	}

	private Breakdown durations(List<Object[]> episodes) {
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (Object[] episode : episodes) {
			long months = ChronoUnit.MONTHS.between((LocalDate) episode[0], (LocalDate) episode[1]);
			String band = months < 3 ? "UNDER_3" : months < 6 ? "M3_6" : months < 12 ? "M6_12" : months < 24 ? "M12_24" : "OVER_24";
			counts.merge(band, gender((String) episode[2]), Counts::plus);
		}
		return breakdown("timeInInsats", Population.ENDED, counts, ordered(DURATIONS, "report.duration."));
	}

	private List<Breakdown> planActivities(List<Object[]> activities, ReportPeriod period) {
		List<Breakdown> breakdowns = new ArrayList<>();
		for (int months : List.of(2, 6, 12)) {
			Map<String, Counts> counts = new LinkedHashMap<>();
			for (Object[] activity : activities) {
				LocalDate due = ((LocalDate) activity[0]).plusMonths(months);
				String status = (String) activity[months == 2 ? 1 : months == 6 ? 2 : 3];
				if (status != null && period.contains(due)) {
					counts.merge(status, gender((String) activity[4]), Counts::plus);
				}
			}
			breakdowns.add(breakdown("planActivities" + months, Population.PLANS, counts,
					ordered(PLAN_STATUSES, "report.plan.")));
		}
		return breakdowns;
	}

	private static Counts gender(String gender) {
		return "WOMAN".equals(gender) ? new Counts(1, 0) : new Counts(0, 1);
	}

	private static Counts total(Map<String, Counts> counts) {
		return counts.getOrDefault("ALL", Counts.ZERO);
	}

	/** A breakdown in the order of its labels (code-list order), with unknown codes and missing values last. */
	private Breakdown breakdown(String key, Population population, Map<String, Counts> counts, Map<String, String> labels) {
		List<Row> rows = new ArrayList<>();
		labels.forEach((code, label) -> rows.add(new Row(code, label, counts.getOrDefault(code, Counts.ZERO))));
		counts.forEach((code, value) -> {
			if (!labels.containsKey(code) && !"MISSING".equals(code)) {
				rows.add(new Row(code, code, value));
			}
		});
		if (counts.containsKey("MISSING")) {
			rows.add(new Row("MISSING", text("report.missing"), counts.get("MISSING")));
		}
		return new Breakdown(key, population, rows);
	}

	/** A voluntary question's breakdown is shown only when somebody answered it. */
	private static void optional(List<Breakdown> breakdowns, Breakdown breakdown) {
		boolean answered = breakdown.rows().stream().anyMatch(row -> !"MISSING".equals(row.code()) && row.counts().total() > 0);
		if (answered) {
			breakdowns.add(breakdown);
		}
	}

	private Map<String, String> ordered(List<String> codes, String prefix) {
		Map<String, String> labels = new LinkedHashMap<>();
		codes.forEach(code -> labels.put(code, text(prefix + code)));
		return labels;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
