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
		return figures(List.of(associationId), associationId, period, interventionIds, true);
	}

	/**
	 * The figures over several förbund (the national report), even when only one takes part: referrers by
	 * the kind of member, never by unit or district. Labels from {@code labelsOf}'s code lists.
	 */
	public FollowupFigures figures(Collection<Long> associationIds, long labelsOf, ReportPeriod period,
			Collection<Long> interventionIds) {
		return figures(associationIds, labelsOf, period, interventionIds, false);
	}

	private FollowupFigures figures(Collection<Long> associationIds, long labelsOf, ReportPeriod period,
			Collection<Long> interventionIds, boolean single) {
		Scope scope = new Scope(associationIds, interventionIds);
		Locale locale = LocaleContextHolder.getLocale();
		Function<String, Map<String, String>> list = code -> codeLists.labels(code, labelsOf, locale);
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

		List<ReportStore.Episode> episodes = store.episodes(scope, period);
		Map<Long, List<String[]>> income = store.income(scope, period);
		Map<Long, String[]> referrerKinds = store.referrers(associationIds);
		List<ReportStore.Episode> startedEpisodes = episodes.stream().filter(e -> period.contains(e.startDate())).toList();
		List<ReportStore.Episode> endedEpisodes = episodes.stream()
			.filter(e -> e.endDate() != null && period.contains(e.endDate())).toList();
		Counts started = tally(startedEpisodes, e -> "ALL").getOrDefault("ALL", Counts.ZERO);
		Counts ended = tally(endedEpisodes, e -> "ALL").getOrDefault("ALL", Counts.ZERO);
		Counts ongoing = tally(episodes.stream().filter(e -> e.endDate() == null || e.endDate().isAfter(period.to())).toList(),
				e -> "ALL").getOrDefault("ALL", Counts.ZERO);
		Counts anonymous = store.anonymousStarts(scope, period);

		List<Breakdown> breakdowns = new ArrayList<>();
		breakdowns.add(breakdown("ageBand", Population.STARTED, tally(startedEpisodes, FollowupReports::ageBand),
				ordered(AGE_BANDS, "report.age.")));
		breakdowns.add(breakdown("education", Population.STARTED, tally(startedEpisodes, ReportStore.Episode::education),
				list.apply("EDUCATION")));
		breakdowns.add(breakdown("timeWithoutWork", Population.STARTED,
				tally(startedEpisodes, ReportStore.Episode::timeWithoutWork), list.apply("TIME_WITHOUT_WORK")));
		breakdowns.add(breakdown("incomeSource", Population.STARTED, tallyIncome(startedEpisodes, income, "START"),
				list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("occupation", Population.STARTED, tally(startedEpisodes, ReportStore.Episode::occupation),
				list.apply("OCCUPATION")));
		if (single) {
			breakdowns.add(breakdown("referrerMember", Population.STARTED, tally(startedEpisodes,
					e -> e.referrerId() == null ? null : referrerKinds.getOrDefault(e.referrerId(), new String[2])[1]), members));
			breakdowns.add(breakdown("referrer", Population.STARTED, tally(startedEpisodes,
					e -> e.referrerId() == null ? null : String.valueOf(e.referrerId())), referrers));
			if (!districts.isEmpty()) {
				breakdowns.add(breakdown("district", Population.STARTED, tally(startedEpisodes,
						e -> e.districtId() == null ? null : String.valueOf(e.districtId())), districts));
			}
		}
		else {
			breakdowns.add(breakdown("referrerKind", Population.STARTED, tally(startedEpisodes,
					e -> e.referrerId() == null ? null : referrerKinds.getOrDefault(e.referrerId(), new String[2])[0]),
					ordered(List.of("STATE", "REGION", "MUNICIPALITY", "SELF"), "report.memberKind.")));
		}
		optional(breakdowns, breakdown("birthRegion", Population.STARTED,
				tally(startedEpisodes, ReportStore.Episode::birthRegion), list.apply("BIRTH_REGION")));
		optional(breakdowns, breakdown("disability", Population.STARTED,
				tally(startedEpisodes, ReportStore.Episode::disability), list.apply("DISABILITY")));

		Map<String, Counts> exits = tally(endedEpisodes, ReportStore.Episode::exitReason);
		breakdowns.add(breakdown("exitReason", Population.ENDED, exits, list.apply("EXIT_REASON")));
		breakdowns.add(outcomeGroups(exits));
		breakdowns.add(breakdown("occupationBefore", Population.ENDED, tally(endedEpisodes, ReportStore.Episode::occupation),
				list.apply("OCCUPATION")));
		breakdowns.add(breakdown("occupationAfter", Population.ENDED,
				tally(endedEpisodes, ReportStore.Episode::occupationAfter), list.apply("OCCUPATION")));
		breakdowns.add(breakdown("incomeBefore", Population.ENDED, tallyIncome(endedEpisodes, income, "START"),
				list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("incomeAfter", Population.ENDED, tallyIncome(endedEpisodes, income, "EXIT"),
				list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("guideSupport", Population.ENDED, tally(endedEpisodes,
				e -> e.guideSupport() == null ? null : (e.guideSupport() ? "YES" : "NO")),
				ordered(List.of("YES", "NO"), "report.guide.")));
		breakdowns.add(durations(endedEpisodes));
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

	private Breakdown durations(List<ReportStore.Episode> ended) {
		Map<String, Counts> counts = tally(ended, episode -> {
			long months = ChronoUnit.MONTHS.between(episode.startDate(), episode.endDate());
			return months < 3 ? "UNDER_3" : months < 6 ? "M3_6" : months < 12 ? "M6_12" : months < 24 ? "M12_24" : "OVER_24";
		});
		return breakdown("timeInInsats", Population.ENDED, counts, ordered(DURATIONS, "report.duration."));
	}

	/** Counts per key and gender; a missing value counts as {@code MISSING}. */
	private static Map<String, Counts> tally(List<ReportStore.Episode> episodes, Function<ReportStore.Episode, String> key) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		for (ReportStore.Episode episode : episodes) {
			String value = key.apply(episode);
			counts.computeIfAbsent(value == null ? "MISSING" : value, k -> new long[2])[episode.woman() ? 0 : 1]++;
		}
		Map<String, Counts> result = new LinkedHashMap<>();
		counts.forEach((k, v) -> result.put(k, new Counts(v[0], v[1])));
		return result;
	}

	/** Persons per income source of a phase; a person with several sources counts under each. */
	private static Map<String, Counts> tallyIncome(List<ReportStore.Episode> episodes, Map<Long, List<String[]>> income,
			String phase) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		for (ReportStore.Episode episode : episodes) {
			for (String[] source : income.getOrDefault(episode.id(), List.of())) {
				if (phase.equals(source[0])) {
					counts.computeIfAbsent(source[1], k -> new long[2])[episode.woman() ? 0 : 1]++;
				}
			}
		}
		Map<String, Counts> result = new LinkedHashMap<>();
		counts.forEach((k, v) -> result.put(k, new Counts(v[0], v[1])));
		return result;
	}

	/** Age at start in the bands the national follow-up uses, from the birth year. */
	private static String ageBand(ReportStore.Episode episode) {
		if (episode.birthYear() == null) {
			return "UNKNOWN";
		}
		int age = episode.startDate().getYear() - episode.birthYear();
		return age < 16 ? "UNDER_16" : age <= 19 ? "A16_19" : age <= 24 ? "A20_24" : age <= 29 ? "A25_29"
				: age <= 39 ? "A30_39" : age <= 49 ? "A40_49" : age <= 59 ? "A50_59" : age <= 64 ? "A60_64" : "OVER_64";
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
