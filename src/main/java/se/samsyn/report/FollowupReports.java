package se.samsyn.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import se.samsyn.association.AssociationStructure;
import se.samsyn.association.AssociationStructure.ReferrerKind;
import se.samsyn.followup.statistics.Counts;
import se.samsyn.followup.statistics.ExitReasons;
import se.samsyn.followup.statistics.FollowupStatistics;
import se.samsyn.followup.statistics.FollowupStatistics.Episode;
import se.samsyn.followup.statistics.FollowupStatistics.IncomeCounts;
import se.samsyn.followup.statistics.FollowupStatistics.PlanFollowUps;
import se.samsyn.followup.statistics.Selection;
import se.samsyn.followup.statistics.Span;
import se.samsyn.intervention.InterventionScope;
import se.samsyn.platform.CodeLists;
import se.samsyn.report.FollowupFigures.Breakdown;
import se.samsyn.report.FollowupFigures.Population;
import se.samsyn.report.FollowupFigures.Row;

/**
 * Counts the follow-up of a period: started (anonymous starts included), ongoing and ended, the
 * background of those who started, the outcome of those who ended, time in the insats and the
 * joint plans' activities at 2, 6 and 12 months — all by legal gender. Who may see which figures,
 * and whether they are suppressed, is decided by the caller ({@link ReportAccess}).
 */
@Service
public class FollowupReports {

	private static final List<String> AGE_BANDS = List.of("UNDER_16", "A16_19", "A20_24", "A25_29", "A30_39", "A40_49",
			"A50_59", "A60_64", "OVER_64", "UNKNOWN");
	private static final List<String> DURATIONS = List.of("UNDER_3", "M3_6", "M6_12", "M12_24", "OVER_24");
	private static final List<String> PLAN_STATUSES = List.of("DONE", "PARTLY", "NOT_STARTED");

	/** A referring unit no longer known: counted as missing. */
	private static final ReferrerKind NO_KIND = new ReferrerKind(null, null);

	private final FollowupStatistics store;
	private final CodeLists codeLists;
	private final AssociationStructure structure;
	private final MessageSource messages;

	FollowupReports(FollowupStatistics store, CodeLists codeLists, AssociationStructure structure, MessageSource messages) {
		this.store = store;
		this.codeLists = codeLists;
		this.structure = structure;
		this.messages = messages;
	}

	/** The figures of one förbund, of its insatser in {@code interventions}. */
	public FollowupFigures figures(long associationId, ReportPeriod period, InterventionScope interventions) {
		return figures(associationId, List.of(period), interventions).get(0);
	}

	/** The same for several periods (a report's period and the one before), read from the database together. */
	public List<FollowupFigures> figures(long associationId, List<ReportPeriod> periods, InterventionScope interventions) {
		Selection scope = Selection.of(associationId, interventions);
		return figures(scope, associationId, periods, store.episodes(scope, Span.covering(ReportPeriod.spans(periods))), true);
	}

	/**
	 * The figures over several förbund (the national report), even when only one takes part: referrers by
	 * the kind of member, never by unit or district. Labels from {@code labelsOf}'s code lists.
	 */
	public FollowupFigures figures(Collection<Long> associationIds, long labelsOf, ReportPeriod period,
			InterventionScope interventions) {
		Selection scope = Selection.of(associationIds, interventions);
		return figures(scope, labelsOf, List.of(period), store.episodes(scope, period.span()), false).get(0);
	}

	/** The national figures of a period, and who started and ended in it per förbund: {@code association id → counts}. */
	public record NationalFigures(FollowupFigures combined, Map<Long, Counts> started, Map<Long, Counts> ended) {
	}

	/**
	 * The figures over the förbund that take part in national reporting (as {@link #figures(Collection, long,
	 * ReportPeriod, InterventionScope)} for all their insatser) for each period, with the per-förbund tables counted
	 * from the same episodes; the periods are read from the database together.
	 */
	public List<NationalFigures> national(Collection<Long> associationIds, long labelsOf, List<ReportPeriod> periods) {
		Selection scope = Selection.of(associationIds, InterventionScope.all());
		List<Episode> episodes = store.episodes(scope, Span.covering(ReportPeriod.spans(periods)));
		List<FollowupFigures> figures = figures(scope, labelsOf, periods, episodes, false);
		List<NationalFigures> national = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			ReportPeriod period = periods.get(i);
			Map<Long, Counts> started = new TreeMap<>();
			Map<Long, Counts> ended = new TreeMap<>();
			for (Episode episode : episodes) {
				Counts one = episode.one();
				if (period.contains(episode.startDate())) {
					started.merge(episode.associationId(), one, Counts::plus);
				}
				if (episode.endDate() != null && period.contains(episode.endDate())) {
					ended.merge(episode.associationId(), one, Counts::plus);
				}
			}
			national.add(new NationalFigures(figures.get(i), started, ended));
		}
		return national;
	}

	/** The labels of the codes: code lists of one förbund, and the units of the förbund when the report is of one. */
	private record Labels(Function<String, Map<String, String>> list, Map<String, String> members,
			Map<String, String> referrers, Map<String, String> districts) {
	}

	/**
	 * Each period's figures from the episodes that touch any of the periods, read once ({@link FollowupStatistics#episodes}):
	 * a period counts those that touch it. Income sources and joint plans are counted by the database.
	 */
	private List<FollowupFigures> figures(Selection scope, long labelsOf, List<ReportPeriod> periods,
			List<Episode> episodes, boolean single) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> members = new LinkedHashMap<>();
		Map<String, String> referrers = new LinkedHashMap<>();
		Map<String, String> districts = new LinkedHashMap<>();
		if (single) {
			long id = scope.associationIds().iterator().next();
			structure.members(id).forEach(m -> members.put(String.valueOf(m.id()), m.name()));
			structure.referrers(id).forEach(r -> referrers.put(String.valueOf(r.id()), r.name()));
			structure.districts(id).forEach(d -> districts.put(String.valueOf(d.id()), d.name()));
		}
		members.put("SELF", text("report.selfReferral"));
		Labels labels = new Labels(code -> codeLists.labels(code, labelsOf, locale), members, referrers, districts);
		Map<Long, ReferrerKind> referrerKinds = structure.referrerKinds(scope.associationIds());
		List<PlanFollowUps> plans = store.planActivities(scope, ReportPeriod.spans(periods));
		List<IncomeCounts> income = store.income(scope, ReportPeriod.spans(periods));
		List<FollowupFigures> figures = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			ReportPeriod period = periods.get(i);
			List<Episode> touching = episodes.stream().filter(e -> !e.startDate().isAfter(period.to())
					&& (e.endDate() == null || !e.endDate().isBefore(period.from()))).toList();
			figures.add(periodFigures(scope, period, touching, referrerKinds, plans.get(i), income.get(i), labels, single));
		}
		return figures;
	}

	/** One period's figures from the episodes that touch it. */
	private FollowupFigures periodFigures(Selection scope, ReportPeriod period, List<Episode> episodes,
			Map<Long, ReferrerKind> referrerKinds, PlanFollowUps plans, IncomeCounts income,
			Labels labels, boolean single) {
		Function<String, Map<String, String>> list = labels.list();
		List<Episode> startedEpisodes = episodes.stream().filter(e -> period.contains(e.startDate())).toList();
		List<Episode> endedEpisodes = episodes.stream()
			.filter(e -> e.endDate() != null && period.contains(e.endDate())).toList();
		Counts started = count(startedEpisodes);
		Counts ended = count(endedEpisodes);
		Counts ongoing = count(episodes.stream().filter(e -> e.endDate() == null || e.endDate().isAfter(period.to())).toList());
		Counts anonymous = store.anonymousStarts(scope, period.span());

		// Who started, by their background; each breakdown's code of an episode, counted in one pass over them.
		Map<String, Function<Episode, String>> background = new LinkedHashMap<>();
		background.put("ageBand", FollowupReports::ageBand);
		background.put("education", Episode::education);
		background.put("timeWithoutWork", Episode::timeWithoutWork);
		background.put("occupation", Episode::occupation);
		if (single) {
			background.put("referrerMember",
					e -> e.referrerId() == null ? null : referrerKinds.getOrDefault(e.referrerId(), NO_KIND).member());
			background.put("referrer", e -> e.referrerId() == null ? null : String.valueOf(e.referrerId()));
			background.put("district", e -> e.districtId() == null ? null : String.valueOf(e.districtId()));
		}
		else {
			background.put("referrerKind",
					e -> e.referrerId() == null ? null : referrerKinds.getOrDefault(e.referrerId(), NO_KIND).kind());
		}
		background.put("birthRegion", Episode::birthRegion);
		background.put("disability", Episode::disability);
		Map<String, Map<String, Counts>> atStart = tally(startedEpisodes, background);

		List<Breakdown> breakdowns = new ArrayList<>();
		breakdowns.add(breakdown("ageBand", Population.STARTED, atStart.get("ageBand"), ordered(AGE_BANDS, "report.age.")));
		breakdowns.add(breakdown("education", Population.STARTED, atStart.get("education"), list.apply("EDUCATION")));
		breakdowns.add(breakdown("timeWithoutWork", Population.STARTED, atStart.get("timeWithoutWork"),
				list.apply("TIME_WITHOUT_WORK")));
		breakdowns.add(breakdown("incomeSource", Population.STARTED, income.startedAtStart(), list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("occupation", Population.STARTED, atStart.get("occupation"), list.apply("OCCUPATION")));
		if (single) {
			breakdowns.add(breakdown("referrerMember", Population.STARTED, atStart.get("referrerMember"), labels.members()));
			breakdowns.add(breakdown("referrer", Population.STARTED, atStart.get("referrer"), labels.referrers()));
			if (!labels.districts().isEmpty()) {
				breakdowns.add(breakdown("district", Population.STARTED, atStart.get("district"), labels.districts()));
			}
		}
		else {
			breakdowns.add(breakdown("referrerKind", Population.STARTED, atStart.get("referrerKind"),
					ordered(List.of("STATE", "REGION", "MUNICIPALITY", "SELF"), "report.memberKind.")));
		}
		optional(breakdowns, breakdown("birthRegion", Population.STARTED, atStart.get("birthRegion"),
				list.apply("BIRTH_REGION")));
		optional(breakdowns, breakdown("disability", Population.STARTED, atStart.get("disability"),
				list.apply("DISABILITY")));

		// Who ended, by their outcome.
		Map<String, Function<Episode, String>> outcome = new LinkedHashMap<>();
		outcome.put("exitReason", Episode::exitReason);
		outcome.put("occupationBefore", Episode::occupation);
		outcome.put("occupationAfter", Episode::occupationAfter);
		outcome.put("guideSupport", e -> e.guideSupport() == null ? null : (e.guideSupport() ? "YES" : "NO"));
		outcome.put("timeInInsats", FollowupReports::duration);
		Map<String, Map<String, Counts>> atEnd = tally(endedEpisodes, outcome);

		breakdowns.add(breakdown("exitReason", Population.ENDED, atEnd.get("exitReason"), list.apply("EXIT_REASON")));
		breakdowns.add(outcomeGroups(atEnd.get("exitReason")));
		breakdowns.add(breakdown("occupationBefore", Population.ENDED, atEnd.get("occupationBefore"),
				list.apply("OCCUPATION")));
		breakdowns.add(breakdown("occupationAfter", Population.ENDED, atEnd.get("occupationAfter"),
				list.apply("OCCUPATION")));
		breakdowns.add(breakdown("incomeBefore", Population.ENDED, income.endedAtStart(), list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("incomeAfter", Population.ENDED, income.endedAtExit(), list.apply("INCOME_SOURCE")));
		breakdowns.add(breakdown("guideSupport", Population.ENDED, atEnd.get("guideSupport"),
				ordered(List.of("YES", "NO"), "report.guide.")));
		breakdowns.add(breakdown("timeInInsats", Population.ENDED, atEnd.get("timeInInsats"),
				ordered(DURATIONS, "report.duration.")));
		breakdowns.addAll(planActivities(plans));
		return new FollowupFigures(period, started, anonymous, ongoing, ended, breakdowns);
	}

	private Breakdown outcomeGroups(Map<String, Counts> exits) {
		Counts workOrStudies = Counts.ZERO;
		Counts onward = Counts.ZERO;
		Counts other = Counts.ZERO;
		for (var entry : exits.entrySet()) {
			if (ExitReasons.workOrStudies(entry.getKey())) {
				workOrStudies = workOrStudies.plus(entry.getValue());
			}
			if (ExitReasons.onward(entry.getKey())) {
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

	/** Time in the insats in the bands of whole months. */
	private static String duration(Episode episode) {
		long months = ChronoUnit.MONTHS.between(episode.startDate(), episode.endDate());
		return months < 3 ? "UNDER_3" : months < 6 ? "M3_6" : months < 12 ? "M6_12" : months < 24 ? "M12_24" : "OVER_24";
	}

	private static Counts count(List<Episode> episodes) {
		long[] of = new long[4];
		for (Episode episode : episodes) {
			int gender = episode.woman() ? 0 : 1;
			of[gender]++;
			of[2 + gender] += episode.recordKey();
		}
		return new Counts(of[0], of[1], of[2], of[3]);
	}

	/**
	 * Counts (and key sums) per breakdown, code and gender, from each breakdown's code of an episode; a missing value counts as
	 * {@code MISSING}. One pass over the episodes for all the breakdowns: the national report counts a hundred
	 * thousand of them, and a pass each would read every one of them from memory again.
	 */
	private static Map<String, Map<String, Counts>> tally(List<Episode> episodes,
			Map<String, Function<Episode, String>> codes) {
		List<Function<Episode, String>> code = List.copyOf(codes.values());
		List<Map<String, long[]>> counts = new ArrayList<>();
		code.forEach(c -> counts.add(new LinkedHashMap<>()));
		for (Episode episode : episodes) {
			int gender = episode.woman() ? 0 : 1;
			for (int i = 0; i < code.size(); i++) {
				String value = code.get(i).apply(episode);
				long[] of = counts.get(i).computeIfAbsent(value == null ? "MISSING" : value, k -> new long[4]);
				of[gender]++;
				of[2 + gender] += episode.recordKey();
			}
		}
		Map<String, Map<String, Counts>> result = new LinkedHashMap<>();
		int i = 0;
		for (String breakdown : codes.keySet()) {
			Map<String, Counts> of = new LinkedHashMap<>();
			counts.get(i++).forEach((k, v) -> of.put(k, new Counts(v[0], v[1], v[2], v[3])));
			result.put(breakdown, of);
		}
		return result;
	}

	/** Age at start in the bands the national follow-up uses, from the birth year. */
	private static String ageBand(Episode episode) {
		if (episode.birthYear() == null) {
			return "UNKNOWN";
		}
		int age = episode.startDate().getYear() - episode.birthYear();
		return age < 16 ? "UNDER_16" : age <= 19 ? "A16_19" : age <= 24 ? "A20_24" : age <= 29 ? "A25_29"
				: age <= 39 ? "A30_39" : age <= 49 ? "A40_49" : age <= 59 ? "A50_59" : age <= 64 ? "A60_64" : "OVER_64";
	}

	private List<Breakdown> planActivities(PlanFollowUps activities) {
		List<Breakdown> breakdowns = new ArrayList<>();
		for (int months : FollowupStatistics.FOLLOW_UPS) {
			breakdowns.add(breakdown("planActivities" + months, Population.PLANS, activities.at(months),
					ordered(PLAN_STATUSES, "report.plan.")));
		}
		return breakdowns;
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
