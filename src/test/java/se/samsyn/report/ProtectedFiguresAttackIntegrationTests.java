package se.samsyn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import se.samsyn.intervention.InterventionScope;
import se.samsyn.IntegrationTest;
import se.samsyn.access.ApiTokens;
import se.samsyn.access.Role;
import se.samsyn.bench.SyntheticDataset;
import se.samsyn.report.FollowupFigures.Breakdown;
import se.samsyn.followup.statistics.Counts;
import se.samsyn.report.FollowupFigures.Row;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays, through the public API, every attack on the protected figures that a reader with the board's token, a
 * publication or the national analyst could try, against the demo data and a synthetic förbund, and checks what
 * each attack gives back against the true counts (the exact figures of {@link FollowupReports}).
 * <p>
 * <b>Deterministic attacks recover nothing:</b> the requests they need (periods a day apart, all insatser but one)
 * are refused, and asking again returns the same figures. <b>Differencing recovers a true count of 1–4 only by
 * chance:</b> an estimate that is one protected count minus another is exact when their deviations happen to be
 * equal, with probability at most {@link PerturbationTable#maximumChanceOfEqualDeviations()} (0,335); an estimate
 * from more than two protected counts, or from a target's share, is exact at most as often as the likeliest single
 * deviation (0,45). The test asserts that the share of exact estimates stays within that bound plus five standard
 * errors of the number of attempts ({@link Attempts#withinBound}); without protection every estimate would be exact.
 */
class ProtectedFiguresAttackIntegrationTests extends IntegrationTest {

	/** The bound for an estimate from two protected counts: the chance that their deviations are equal. */
	private static final double PAIR_BOUND = PerturbationTable.maximumChanceOfEqualDeviations();

	/** The bound for an estimate from more counts: the largest probability of one deviation in the table. */
	private static final double MANY_BOUND = 0.45;

	private static final String API = "/api/v1/associations/%s/reports/followup?from=%s&to=%s";
	private static final String NATIONAL = "/api/v1/reports/national-followup?from=%s&to=%s";

	@Autowired
	private FollowupReports reports;

	@Autowired
	private ApiTokens tokens;

	@Autowired
	private DataSource dataSource;

	@AfterEach
	void removeTheSyntheticFörbund() {
		jdbc.sql("delete from api_token where name = 'angripare'").update();
		SyntheticDataset.remove(dataSource);
	}

	@Test
	void periodsADayApartAndAllInsatserButOneAreRefusedForEveryProtectedReader() throws Exception {
		long aktivitetsplatsen = intervention("stockholm", "Aktivitetsplatsen");
		for (LocalDate day = LocalDate.of(2024, 6, 10); day.isBefore(LocalDate.of(2024, 6, 14)); day = day.plusDays(1)) {
			String from = "2024-06-01";
			for (String url : List.of(API.formatted("stockholm", from, day) + "&_=board",
					API.formatted("stockholm", from, day) + "&interventionId=" + aktivitetsplatsen)) {
				assertRefused(response(url, "samsyn-demo-styrelse"), "kalenderkvartal");
			}
			assertRefused(response(API.formatted("stockholm", from, day) + "&publication=true", "samsyn-demo-kansli"),
					"kalenderkvartal");
			assertRefused(response(NATIONAL.formatted(from, day), "samsyn-demo-analytiker"), "kalenderkvartal");
			// The exports of the page refuse the same, as a page for the board's browser.
			for (String export : List.of(".xlsx", ".pdf")) {
				var session = login("demo-styrelse");
				int status = mvc.perform(get("/forbund/stockholm/rapporter/uppfoljning" + export + "?from=" + from + "&to=" + day)
					.session(session)).andReturn().getResponse().getStatus();
				assertThat(status).as("the board's %s for %s–%s", export, from, day).isEqualTo(400);
			}
			// The kansli's exact figures keep their free dates.
			assertThat(response(API.formatted("stockholm", from, day), "samsyn-demo-kansli").getStatus()).isEqualTo(200);
		}

		JsonNode all = json(API.formatted("stockholm", "2025-01-01", "2025-12-31"), "samsyn-demo-styrelse");
		List<Long> insatser = new ArrayList<>();
		all.get("interventionIds").forEach(id -> insatser.add(id.asLong()));
		assertThat(insatser).as("the board sees several insatser").hasSizeGreaterThan(2);
		String allButOne = insatser.stream().skip(1).map(id -> "&interventionId=" + id).collect(Collectors.joining());
		assertRefused(response(API.formatted("stockholm", "2025-01-01", "2025-12-31") + allButOne, "samsyn-demo-styrelse"),
				"alla insatser eller en enda");
		assertRefused(response(API.formatted("stockholm", "2025-01-01", "2025-12-31") + allButOne + "&publication=true",
				"samsyn-demo-kansli"), "alla insatser eller en enda");
	}

	@Test
	void askingAgainOrThroughAnotherProtectedPathGivesTheSameFigures() throws Exception {
		String url = API.formatted("stockholm", "2025-01-01", "2025-06-30");
		JsonNode first = json(url, "samsyn-demo-styrelse");
		assertThat(json(url, "samsyn-demo-styrelse")).isEqualTo(first);
		JsonNode published = json(url + "&publication=true", "samsyn-demo-kansli");
		assertThat(published.get("tables")).as("the same records give the same protected counts").isEqualTo(first.get("tables"));
		assertThat(published.get("overview")).isEqualTo(first.get("overview"));
		assertThat(json(NATIONAL.formatted("2025-01-01", "2025-06-30"), "samsyn-demo-analytiker"))
			.isEqualTo(json(NATIONAL.formatted("2025-01-01", "2025-06-30"), "samsyn-demo-analytiker"));
	}

	@Test
	void differencingTheBoardsReportsOfTheDemoRecoversSmallCountsOnlyByChance() throws Exception {
		Attack attack = attackOn("stockholm", "samsyn-demo-styrelse", false, List.of(2024, 2025));
		System.out.println(attack.summary("the board on the demo"));
		attack.assertWithinBounds("the board on the demo");
		assertThat(attack.pairs.attempts).as("the demo gives the attacks something to try").isGreaterThan(100);
		assertThat(attack.targets.attempts + attack.targetPairs.attempts).as("and the targets too").isPositive();
	}

	@Test
	void differencingPublicationsRecoversSmallCountsOnlyByChance() throws Exception {
		Attack attack = attackOn("stockholm", "samsyn-demo-kansli", true, List.of(2025));
		attack.assertWithinBounds("publications on the demo");
		assertThat(attack.pairs.attempts).isGreaterThan(30);
	}

	@Test
	void differencingTheNationalReportRecoversSmallCountsOnlyByChance() throws Exception {
		List<Long> ids = jdbc.sql("select id from association where national_reporting order by id").query(Long.class).list();
		Map<String, Long> codes = new LinkedHashMap<>();
		for (long id : ids) {
			codes.put(jdbc.sql("select code from association where id = ?").param(id).query(String.class).single(), id);
		}
		Attack attack = new Attack();
		for (int year : List.of(2018, 2024, 2025)) {
			Map<ReportPeriod, Map<String, Object>> shown = new LinkedHashMap<>();
			Map<ReportPeriod, Map<String, Long>> truth = new LinkedHashMap<>();
			for (ReportPeriod period : standardPeriods(year)) {
				JsonNode national = json(NATIONAL.formatted(period.from(), period.to()), "samsyn-demo-analytiker");
				shown.put(period, cells(national));
				Map<String, Long> exact = truth(reports.figures(ids, ids.get(0), period, InterventionScope.all()));
				codes.forEach((code, id) -> {
					FollowupFigures own = reports.figures(id, period, InterventionScope.all());
					put(exact, "nationalStarted", code, own.started());
					put(exact, "nationalEnded", code, own.ended());
				});
				truth.put(period, exact);
				attack.solveTables(shown.get(period), exact);
			}
			attack.differencePeriods(year, shown, truth);
		}
		System.out.println(attack.summary("the national report"));
		attack.assertWithinBounds("the national report");
		assertThat(attack.pairs.attempts).isGreaterThan(10);
	}

	@Test
	void differencingTheBoardsReportsOfASyntheticFörbundRecoversSmallCountsOnlyByChance() throws Exception {
		SyntheticDataset.Loaded data = SyntheticDataset.load(dataSource, SyntheticDataset.Size.TINY);
		String code = data.associationCodes().get(0);
		String viewer = newUser("angripare", code, Role.VIEWER);
		long userId = users.idOf(viewer).orElseThrow();
		String token = "samsyn-test-angripare-" + System.nanoTime();
		tokens.createKnown(userId, data.associationIds().get(0), "angripare", token, Instant.now().plus(1, ChronoUnit.DAYS));

		Attack attack = attackOn(code, token, false, List.of(2024, 2025));
		System.out.println(attack.summary("the board of a synthetic förbund"));
		attack.assertWithinBounds("the board of a synthetic förbund");
		assertThat(attack.pairs.attempts).as("a förbund of small insatser has many small counts").isGreaterThan(100);
		assertThat(attack.selections.attempts).isPositive();
	}

	/**
	 * Every attack on one förbund's protected reports for the years: periods (a quarter from its half-year, a
	 * half-year from its year, …), selections (one insats from all of them less the others), targets (anonymous
	 * starts from a count target, one gender from a share target) and the tables themselves (a hidden cell from
	 * its total less the other cells).
	 */
	private Attack attackOn(String associationCode, String token, boolean publication, List<Integer> years) throws Exception {
		long associationId = associationId(associationCode);
		String suffix = publication ? "&publication=true" : "";
		Attack attack = new Attack();
		for (int year : years) {
			JsonNode whole = json(API.formatted(associationCode, year + "-01-01", year + "-12-31") + suffix, token);
			List<Long> insatser = new ArrayList<>();
			whole.get("interventionIds").forEach(id -> insatser.add(id.asLong()));
			Map<ReportPeriod, Map<String, Object>> shown = new LinkedHashMap<>();
			Map<ReportPeriod, Map<String, Long>> truth = new LinkedHashMap<>();
			for (ReportPeriod period : standardPeriods(year)) {
				String url = API.formatted(associationCode, period.from(), period.to()) + suffix;
				Map<String, Object> all = cells(json(url, token));
				Map<String, Long> allTruth = truth(reports.figures(associationId, period, InterventionScope.only(insatser)));
				shown.put(period, all);
				truth.put(period, allTruth);
				attack.solveTables(all, allTruth);
				List<Map<String, Object>> singles = new ArrayList<>();
				List<Map<String, Long>> singleTruths = new ArrayList<>();
				for (long insats : insatser) {
					JsonNode one = json(url + "&interventionId=" + insats, token);
					FollowupFigures exact = reports.figures(associationId, period, InterventionScope.only(List.of(insats)));
					Map<String, Object> cells = cells(one);
					Map<String, Long> cellTruth = truth(exact);
					singles.add(cells);
					singleTruths.add(cellTruth);
					attack.solveTables(cells, cellTruth);
					attack.deriveFromTargets(one, cells, exact);
				}
				attack.differenceSelections(all, singles, singleTruths);
			}
			attack.differencePeriods(year, shown, truth);
		}
		return attack;
	}

	/** The attempts of one kind of estimate: how many were made on a true count of 1–4, and how many hit it. */
	static final class Attempts {

		int attempts;
		int hits;

		void add(long estimate, long truth) {
			attempts++;
			if (estimate == truth) {
				hits++;
			}
		}

		double rate() {
			return attempts == 0 ? 0 : hits / (double) attempts;
		}

		/** The share of hits is within {@code bound} plus five standard errors of a binomial share of this many attempts. */
		boolean withinBound(double bound) {
			return attempts == 0 || rate() <= bound + 5 * Math.sqrt(bound * (1 - bound) / attempts);
		}

		@Override
		public String toString() {
			return hits + " of " + attempts + String.format(" (%.3f)", rate());
		}
	}

	/** The estimates of all attacks, pooled by their bound. */
	static final class Attack {

		/** Estimates from two protected counts: periods, rows of a table. */
		final Attempts pairs = new Attempts();

		/** Estimates from more: a quarter from its year less three others, a column of a table. */
		final Attempts many = new Attempts();

		/** One insats from all of them less the others. */
		final Attempts selections = new Attempts();

		/** Anonymous starts from a count target less the shown starts. */
		final Attempts targetPairs = new Attempts();

		/** One gender from a share target and the shown starts. */
		final Attempts targets = new Attempts();

		String summary(String who) {
			return "Attacks on " + who + ": pairs " + pairs + ", many " + many + ", selections " + selections
					+ ", count targets " + targetPairs + ", share targets " + targets;
		}

		void assertWithinBounds(String who) {
			String summary = summary(who);
			assertThat(pairs.withinBound(PAIR_BOUND)).as(summary).isTrue();
			assertThat(targetPairs.withinBound(PAIR_BOUND)).as(summary).isTrue();
			assertThat(many.withinBound(MANY_BOUND)).as(summary).isTrue();
			assertThat(selections.withinBound(MANY_BOUND)).as(summary).isTrue();
			assertThat(targets.withinBound(MANY_BOUND)).as(summary).isTrue();
		}

		/** A hidden cell from its row's total less the other gender, or its column's total less the other rows. */
		void solveTables(Map<String, Object> shown, Map<String, Long> truth) {
			Map<String, List<String>> rowsOfTable = new LinkedHashMap<>();
			for (String key : shown.keySet()) {
				String[] part = key.split("\\|");
				List<String> rows = rowsOfTable.computeIfAbsent(part[0], t -> new ArrayList<>());
				if (!rows.contains(part[1])) {
					rows.add(part[1]);
				}
			}
			for (var table : rowsOfTable.entrySet()) {
				String t = table.getKey();
				for (String row : table.getValue()) {
					for (String[] pair : new String[][] { { "women", "men" }, { "men", "women" } }) {
						String hidden = t + "|" + row + "|" + pair[0];
						Long other = number(shown, t + "|" + row + "|" + pair[1]);
						Long total = number(shown, t + "|" + row + "|total");
						if (isHidden(shown, hidden) && other != null && total != null && small(truth.get(hidden))) {
							pairs.add(total - other, truth.get(hidden));
						}
					}
				}
				if (!table.getValue().contains("TOTAL")) {
					continue;
				}
				for (String column : List.of("women", "men", "total")) {
					Long columnTotal = number(shown, t + "|TOTAL|" + column);
					List<String> body = table.getValue().stream().filter(r -> !"TOTAL".equals(r)).toList();
					List<String> hiddenRows = body.stream().filter(r -> isHidden(shown, t + "|" + r + "|" + column)).toList();
					if (columnTotal == null || hiddenRows.size() != 1 || t.startsWith("income")) {
						continue; // income rows overlap (several sources a person): their column total is no partition
					}
					String hidden = t + "|" + hiddenRows.get(0) + "|" + column;
					long rest = body.stream().filter(r -> !r.equals(hiddenRows.get(0)))
						.mapToLong(r -> number(shown, t + "|" + r + "|" + column)).sum();
					if (small(truth.get(hidden))) {
						many.add(columnTotal - rest, truth.get(hidden));
					}
				}
			}
		}

		/** A quarter or half-year from the longer period it is part of, less the other parts. */
		void differencePeriods(int year, Map<ReportPeriod, Map<String, Object>> shown, Map<ReportPeriod, Map<String, Long>> truth) {
			ReportPeriod y = ReportPeriod.year(year);
			ReportPeriod h1 = ReportPeriod.halfYear(year, 1);
			ReportPeriod h2 = ReportPeriod.halfYear(year, 2);
			ReportPeriod[] q = { null, ReportPeriod.quarter(year, 1), ReportPeriod.quarter(year, 2), ReportPeriod.quarter(year, 3),
					ReportPeriod.quarter(year, 4) };
			List<ReportPeriod[]> twoCounts = List.of(new ReportPeriod[] { q[1], h1, q[2] }, new ReportPeriod[] { q[2], h1, q[1] },
					new ReportPeriod[] { q[3], h2, q[4] }, new ReportPeriod[] { q[4], h2, q[3] }, new ReportPeriod[] { h1, y, h2 },
					new ReportPeriod[] { h2, y, h1 });
			List<ReportPeriod[]> moreCounts = List.of(new ReportPeriod[] { q[1], y, h2, q[2] }, new ReportPeriod[] { q[2], y, h2, q[1] },
					new ReportPeriod[] { q[3], y, h1, q[4] }, new ReportPeriod[] { q[4], y, h1, q[3] },
					new ReportPeriod[] { q[1], y, q[2], q[3], q[4] }, new ReportPeriod[] { q[4], y, q[1], q[2], q[3] });
			for (ReportPeriod[] attack : twoCounts) {
				difference(attack, shown, truth, pairs);
			}
			for (ReportPeriod[] attack : moreCounts) {
				difference(attack, shown, truth, many);
			}
		}

		/** {@code attack[0]}'s cells as {@code attack[1]}'s less those of the rest; only figures that add up over time. */
		private static void difference(ReportPeriod[] attack, Map<ReportPeriod, Map<String, Object>> shown,
				Map<ReportPeriod, Map<String, Long>> truth, Attempts into) {
			Map<String, Long> target = truth.get(attack[0]);
			for (var cell : target.entrySet()) {
				String key = cell.getKey();
				if (key.startsWith("overview|ongoing|") || !small(cell.getValue())) {
					continue;
				}
				Long estimate = number(shown.get(attack[1]), key);
				for (int i = 2; i < attack.length && estimate != null; i++) {
					Long part = number(shown.get(attack[i]), key);
					estimate = part == null ? null : estimate - part;
				}
				if (estimate != null) {
					into.add(estimate, cell.getValue());
				}
			}
		}

		/** One insats's cells as all insatser's less every other insats's. */
		void differenceSelections(Map<String, Object> all, List<Map<String, Object>> singles, List<Map<String, Long>> truths) {
			for (int x = 0; x < singles.size(); x++) {
				for (var cell : truths.get(x).entrySet()) {
					String key = cell.getKey();
					if (!small(cell.getValue())) {
						continue;
					}
					Long estimate = number(all, key);
					for (int i = 0; i < singles.size() && estimate != null; i++) {
						if (i != x) {
							Long part = number(singles.get(i), key);
							estimate = part == null ? null : estimate - part;
						}
					}
					if (estimate != null) {
						selections.add(estimate, cell.getValue());
					}
				}
			}
		}

		/**
		 * Hidden figures from the targets of one insats's report: its anonymous starts as a count target's value less
		 * the started shown, and one gender as the starts shown times the share of the other.
		 */
		void deriveFromTargets(JsonNode report, Map<String, Object> shown, FollowupFigures exact) {
			Long started = number(shown, "overview|started|total");
			Long anonymous = number(shown, "overview|startedAnonymously|total");
			for (JsonNode target : report.get("targets")) {
				JsonNode measured = target.get("measured");
				if (measured == null || measured.isNull()) {
					continue;
				}
				double value = measured.asDouble();
				Counts all = exact.started().plus(exact.startedAnonymously());
				switch (target.get("metric").asString()) {
					case "STARTED_COUNT" -> {
						if (started != null && small(exact.startedAnonymously().total())) {
							targetPairs.add(Math.round(value) - started, exact.startedAnonymously().total());
						}
					}
					case "SHARE_MEN", "SHARE_WOMEN" -> {
						boolean men = "SHARE_MEN".equals(target.get("metric").asString());
						long other = men ? all.women() : all.men();
						if (started != null && anonymous != null && small(other)) {
							targets.add(Math.round((started + anonymous) * (1 - value / 100)), other);
						}
					}
					default -> {
					}
				}
			}
		}
	}

	private static boolean small(Long count) {
		return count != null && count >= 1 && count <= 4;
	}

	private static Long number(Map<String, Object> shown, String key) {
		return shown.get(key) instanceof Long value ? value : null;
	}

	private static boolean isHidden(Map<String, Object> shown, String key) {
		return "<5".equals(shown.get(key));
	}

	/** The year's quarters, half-years and the year itself. */
	private static List<ReportPeriod> standardPeriods(int year) {
		return List.of(ReportPeriod.quarter(year, 1), ReportPeriod.quarter(year, 2), ReportPeriod.quarter(year, 3),
				ReportPeriod.quarter(year, 4), ReportPeriod.halfYear(year, 1), ReportPeriod.halfYear(year, 2), ReportPeriod.year(year));
	}

	/** Every cell of a report's JSON: {@code table|row code|women, men or total} → the count shown, or "<5". */
	private static Map<String, Object> cells(JsonNode report) {
		Map<String, Object> cells = new LinkedHashMap<>();
		List<JsonNode> tables = new ArrayList<>();
		tables.add(report.get("overview"));
		report.get("tables").forEach(tables::add);
		for (String extra : List.of("startedPerAssociation", "endedPerAssociation")) {
			if (report.hasNonNull(extra)) {
				tables.add(report.get(extra));
			}
		}
		for (JsonNode table : tables) {
			String key = table.get("key").asString();
			List<JsonNode> rows = new ArrayList<>();
			table.get("rows").forEach(rows::add);
			if (table.hasNonNull("total")) {
				rows.add(table.get("total"));
			}
			for (JsonNode row : rows) {
				for (String column : List.of("women", "men", "total")) {
					JsonNode cell = row.get(column);
					cells.put(key + "|" + row.get("code").asString() + "|" + column, cell.isString() ? cell.asString() : (Object) cell.asLong());
				}
			}
		}
		return cells;
	}

	/** The exact counts of the same cells. */
	private static Map<String, Long> truth(FollowupFigures figures) {
		Map<String, Long> truth = new LinkedHashMap<>();
		put(truth, "overview", "started", figures.started());
		put(truth, "overview", "startedAnonymously", figures.startedAnonymously());
		put(truth, "overview", "ongoing", figures.ongoing());
		put(truth, "overview", "ended", figures.ended());
		for (Breakdown breakdown : figures.breakdowns()) {
			for (Row row : breakdown.rows()) {
				put(truth, breakdown.key(), row.code(), row.counts());
			}
			put(truth, breakdown.key(), "TOTAL", breakdown.total());
		}
		return truth;
	}

	private static void put(Map<String, Long> truth, String table, String row, Counts counts) {
		truth.put(table + "|" + row + "|women", counts.women());
		truth.put(table + "|" + row + "|men", counts.men());
		truth.put(table + "|" + row + "|total", counts.total());
	}

	private static void assertRefused(MockHttpServletResponse response, String says) throws Exception {
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains(says).doesNotContain("Exception");
	}

	private MockHttpServletResponse response(String url, String token) throws Exception {
		return mvc.perform(get(url).header("Authorization", "Bearer " + token)).andReturn().getResponse();
	}

	private JsonNode json(String url, String token) throws Exception {
		MockHttpServletResponse response = response(url, token);
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return JsonMapper.shared().readTree(response.getContentAsString());
	}

	private long intervention(String associationCode, String name) {
		return jdbc.sql("select id from intervention where association_id = ? and name = ?").params(associationId(associationCode), name)
			.query(Long.class).single();
	}
}
