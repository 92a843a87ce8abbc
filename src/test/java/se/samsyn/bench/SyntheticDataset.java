package se.samsyn.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A deterministic synthetic dataset for the benchmarks: förbund with their members, municipalities,
 * districts, referring units, insatser with targets and budgets with two plan years, and the follow-up
 * — participants, episodes with income sources, joint plans with activities, anonymous starts.
 * <p>
 * The shapes follow the national SUS figures: about 55 % women; of those who end, about 31 % go to
 * work or studies (men 34 %, women 28 %) and another 15 % become active job-seekers; ages 16–64,
 * younger in the youth insatser; 20 years of history up to {@link #UNTIL}. The same size always gives
 * the same rows (one {@link Random} per förbund on a fixed seed). Nothing here is a real person.
 * <p>
 * Loading is fast: PostgreSQL gets the rows through {@code COPY}, H2 through JDBC batches; ids are
 * assigned here so that no row has to be read back. Loading twice is a no-op: the dataset is
 * recognised by its first förbund's code.
 */
public final class SyntheticDataset {

	/** The last day of the synthetic history; nothing starts or ends after it. */
	static final LocalDate UNTIL = LocalDate.of(2026, 10, 31);
	static final LocalDate FIRST = LocalDate.of(2007, 1, 1);
	static final String PREFIX = "syntet-";

	/** How big: förbund, episodes in all, episodes of the first förbund (the one-förbund report's subject). */
	public enum Size {
		TINY(3, 3_000, 1_500), DEMO(4, 8_000, 2_000), FORBUND(1, 20_000, 20_000), NATIONAL(80, 1_000_000, 20_000);

		final int associations;
		final int enrollments;
		final int firstAssociation;

		Size(int associations, int enrollments, int firstAssociation) {
			this.associations = associations;
			this.enrollments = enrollments;
			this.firstAssociation = firstAssociation;
		}

		static Size of(String name) {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}
	}

	/** What was loaded: the förbund (the first is the one-förbund case), its biggest insats, rows per table. */
	public record Loaded(Size size, List<Long> associationIds, List<String> associationCodes, long firstIntervention,
			Map<String, Long> rows, double seconds, boolean alreadyThere) {
	}

	private static final String[][] INSATSER = {
			// name, youth?, share of the förbund's episodes (per mille)
			{ "Unga till arbete", "youth", "200" }, { "FINSAM-team", "", "180" }, { "IPS – individanpassat stöd till arbete", "", "150" },
			{ "Aktivitetsplatsen", "", "140" }, { "Arbetslivsinriktad rehabilitering", "", "110" },
			{ "Steget vidare för nyanlända", "", "90" }, { "Hälsa och arbete", "", "80" }, { "Unga vuxna i samverkan", "youth", "50" } };
	private static final String[] STRUCTURAL = { "Kompetensutveckling för medlemmarnas personal", "Gemensam kartläggning av målgruppen" };
	private static final String[][] EDUCATION = { { "PRIMARY_SHORT", "6" }, { "PRIMARY_9", "22" }, { "UPPER_SECONDARY_2", "12" },
			{ "UPPER_SECONDARY_3", "30" }, { "POST_SECONDARY_SHORT", "10" }, { "POST_SECONDARY_3", "10" }, { "DOCTORAL", "1" },
			{ "UNKNOWN", "9" } };
	private static final String[][] TIME_WITHOUT_WORK = { { "UNDER_6_MONTHS", "12" }, { "MONTHS_6_TO_12", "15" },
			{ "YEARS_1_TO_2", "22" }, { "YEARS_2_TO_5", "26" }, { "OVER_5_YEARS", "20" }, { "UNKNOWN", "5" } };
	private static final String[][] INCOME = { { "SICKNESS_BENEFIT", "14" }, { "ACTIVITY_COMPENSATION", "12" },
			{ "SICKNESS_COMPENSATION", "8" }, { "UNEMPLOYMENT_INSURANCE", "4" }, { "ACTIVITY_SUPPORT", "14" },
			{ "ESTABLISHMENT", "5" }, { "ECONOMIC_ASSISTANCE", "28" }, { "SALARY", "3" }, { "STUDY_GRANT", "2" },
			{ "NONE", "8" }, { "OTHER", "2" } };
	private static final String[][] OCCUPATION = { { "NONE", "55" }, { "JOB_SEEKING", "30" }, { "STUDIES", "8" }, { "WORK", "7" } };
	/** Exit reasons per mille apart from work and studies (split by gender below) and active job-seeking (150). */
	private static final String[][] OTHER_EXITS = { { "REHAB_COOPERATION", "70" }, { "EMPLOYMENT_SERVICE", "90" },
			{ "MUNICIPAL_LABOUR_MARKET", "60" }, { "OTHER_INTERVENTION", "50" }, { "ILL_HEALTH", "100" }, { "MOVED", "30" },
			{ "DROPPED_OUT", "60" }, { "WRONG_REGISTRATION", "10" }, { "OTHER", "40" } };
	private static final String[][] BIRTH_REGION = { { "SWEDEN", "62" }, { "EUROPE", "9" }, { "OUTSIDE_EUROPE", "24" },
			{ "DECLINED", "5" } };
	private static final String[][] DISABILITY = { { "YES", "38" }, { "NO", "50" }, { "DECLINED", "12" } };
	private static final String[] ACTIVITIES = { "Arbetsträning", "Kontakt med psykiatrin", "Samordnad rehabiliteringsplan",
			"Studie- och yrkesvägledning", "Arbetsförmågebedömning", "Praktik", "Budget- och skuldrådgivning",
			"Kartläggning av arbetsförmåga", "Stöd att söka arbete" };
	private static final String[][] PLAN_STATUS = { { "DONE", "45" }, { "PARTLY", "30" }, { "NOT_STARTED", "25" } };

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final boolean postgres;
	private final OffsetDateTime createdAt = UNTIL.atStartOfDay().atOffset(ZoneOffset.UTC);

	private SyntheticDataset(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.postgres = Timings.database(dataSource).startsWith("postgresql");
	}

	/** Loads the dataset of this size, unless it is there already. */
	public static Loaded load(DataSource dataSource, Size size) {
		return new SyntheticDataset(dataSource).load(size);
	}

	private Loaded load(Size size) {
		long started = System.nanoTime();
		List<Long> existing = jdbc.queryForList("select id from association where code like ? order by code", Long.class,
				PREFIX + "%");
		boolean there = !existing.isEmpty();
		if (!there) {
			int[] perAssociation = split(size);
			try (Rows rows = new Rows(dataSource, postgres)) {
				for (int i = 0; i < size.associations; i++) {
					new Association(i + 1, perAssociation[i], new Random(4711L + i), rows).generate();
				}
			}
			for (String table : List.of("participant", "enrollment", "anonymous_start", "joint_plan", "plan_activity")) {
				restartIdentity(table);
			}
			// What autovacuum would do after a bulk load: statistics for the planner, and the visibility map
			// that lets PostgreSQL answer from an index alone.
			jdbc.execute(postgres ? "vacuum analyze" : "analyze");
		}
		List<Long> ids = jdbc.queryForList("select id from association where code like ? order by code", Long.class, PREFIX + "%");
		List<String> codes = jdbc.queryForList("select code from association where code like ? order by code", String.class,
				PREFIX + "%");
		long firstIntervention = jdbc.queryForObject("""
				select e.intervention_id from enrollment e where e.association_id = ?
				 group by e.intervention_id order by count(*) desc, e.intervention_id fetch first 1 rows only""", Long.class,
				ids.get(0));
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("association", "intervention", "intervention_target", "budget_line", "participant",
				"enrollment", "enrollment_income", "anonymous_start", "joint_plan", "plan_activity")) {
			counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
		}
		return new Loaded(size, ids, codes, firstIntervention, counts, (System.nanoTime() - started) / 1e9, there);
	}

	/** Removes the synthetic förbund and everything of theirs again (the suite's accounts keep their names, lose their roles). */
	public static void remove(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String ours = "(select id from association where code like '" + PREFIX + "%')";
		String theirInsatser = "(select id from intervention where association_id in " + ours + ")";
		for (String statement : List.of(
				"delete from plan_activity where plan_id in (select id from joint_plan where association_id in " + ours + ")",
				"delete from joint_plan where association_id in " + ours,
				"delete from enrollment_income where enrollment_id in (select id from enrollment where association_id in " + ours + ")",
				"delete from enrollment where association_id in " + ours,
				"delete from anonymous_start where association_id in " + ours,
				"delete from participant where association_id in " + ours,
				"delete from followup_question where association_id in " + ours,
				"delete from intervention_target where intervention_id in " + theirInsatser,
				"delete from intervention_member where intervention_id in " + theirInsatser,
				"delete from intervention where association_id in " + ours,
				"delete from budget_line where budget_id in (select id from budget where association_id in " + ours + ")",
				"delete from budget where association_id in " + ours,
				"delete from referrer where association_id in " + ours,
				"delete from member where association_id in " + ours,
				"delete from district where association_id in " + ours,
				"delete from municipality where association_id in " + ours,
				"delete from role_assignment where association_id in " + ours,
				"delete from association where code like '" + PREFIX + "%'")) {
			jdbc.update(statement);
		}
	}

	/** Episodes per förbund: the first gets its fixed number, the others share the rest by varied weights. */
	private static int[] split(Size size) {
		int[] counts = new int[size.associations];
		counts[0] = size.firstAssociation;
		if (size.associations == 1) {
			return counts;
		}
		Random random = new Random(99);
		double[] weights = new double[size.associations];
		double sum = 0;
		for (int i = 1; i < size.associations; i++) {
			weights[i] = 0.3 + random.nextDouble() * 1.7;
			sum += weights[i];
		}
		int rest = size.enrollments - size.firstAssociation;
		int given = 0;
		for (int i = 1; i < size.associations; i++) {
			counts[i] = (int) Math.floor(rest * weights[i] / sum);
			given += counts[i];
		}
		for (int i = 1; given < rest; i = i % (size.associations - 1) + 1) {
			counts[i]++;
			given++;
		}
		return counts;
	}

	private void restartIdentity(String table) {
		long next = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
		if (postgres) {
			jdbc.queryForObject("select setval(pg_get_serial_sequence(?, 'id'), ?, false)", Long.class, table, next);
		}
		else {
			jdbc.execute("alter table " + table + " alter column id restart with " + next);
		}
	}

	private long insert(String sql, Object... args) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" });
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

	/** One förbund: its structure through plain inserts, its follow-up through the fast row writer. */
	private final class Association {

		private final int number;
		private final int episodes;
		private final Random random;
		private final Rows rows;
		private final boolean asksQuestions;
		private long id;
		private final List<Long> members = new ArrayList<>();
		private final List<Long> referrers = new ArrayList<>();
		private final List<Long> districts = new ArrayList<>();
		private final List<long[]> insatser = new ArrayList<>();

		Association(int number, int episodes, Random random, Rows rows) {
			this.number = number;
			this.episodes = episodes;
			this.random = random;
			this.rows = rows;
			this.asksQuestions = number % 2 == 1;
		}

		void generate() {
			structure();
			budget();
			followup();
		}

		private void structure() {
			String code = String.format(Locale.ROOT, "%s%03d", PREFIX, number);
			id = insert("""
					insert into association (code, name, national_reporting, created_at) values (?, ?, true, ?)""", code,
					"Syntetiska samordningsförbundet " + number, createdAt);
			members.add(insert("insert into member (association_id, kind, name, state_payer) values (?, 'STATE', 'Försäkringskassan', true)", id));
			members.add(insert("insert into member (association_id, kind, name) values (?, 'STATE', 'Arbetsförmedlingen')", id));
			members.add(insert("insert into member (association_id, kind, name) values (?, 'REGION', ?)", id,
					"Syntetiska regionen " + number));
			referrers.add(insert("insert into referrer (association_id, member_id, name) values (?, ?, 'Försäkringskassan, lokalt försäkringscenter')",
					id, members.get(0)));
			referrers.add(insert("insert into referrer (association_id, member_id, name) values (?, ?, 'Arbetsförmedlingen, rehabilitering')",
					id, members.get(1)));
			referrers.add(insert("insert into referrer (association_id, member_id, name) values (?, ?, 'Psykiatrisk öppenvårdsmottagning')",
					id, members.get(2)));
			int municipalities = 1 + random.nextInt(4);
			for (int m = 1; m <= municipalities; m++) {
				String name = "Syntetkommun " + number + "-" + m;
				long municipality = insert("insert into municipality (association_id, municipality_code, name) values (?, ?, ?)", id,
						String.format(Locale.ROOT, "9%03d", m), name);
				long member = insert("insert into member (association_id, kind, name, municipality_id) values (?, 'MUNICIPALITY', ?, ?)",
						id, name, municipality);
				members.add(member);
				long district = insert("insert into district (association_id, municipality_id, name) values (?, ?, ?)", id,
						municipality, "Centrum");
				districts.add(district);
				referrers.add(insert("insert into referrer (association_id, member_id, district_id, name) values (?, ?, ?, ?)", id,
						member, district, name + ", socialtjänsten"));
			}
			referrers.add(insert("insert into referrer (association_id, name, self_referral) values (?, 'Egen anmälan', true)", id));
			if (asksQuestions) {
				jdbc.update("insert into followup_question (association_id, question) values (?, 'BIRTH_REGION'), (?, 'DISABILITY')",
						id, id);
			}
			for (String[] insats : INSATSER) {
				long intervention = intervention(insats[0], "INDIVIDUAL", "PERSON");
				insatser.add(new long[] { intervention, "youth".equals(insats[1]) ? 1 : 0, Long.parseLong(insats[2]) });
				int perYear = Math.max(1, (int) Math.round(episodes * Long.parseLong(insats[2]) / 1000.0 / 20));
				for (int year = 2024; year <= 2026; year++) {
					target(intervention, year, perYear + " deltagare börjar insatsen", "STARTED_COUNT", perYear, null, null);
					target(intervention, year, "Hälften av deltagarna är kvinnor", "SHARE_WOMEN", 50, 10, null);
					target(intervention, year, "30 procent går vidare till arbete eller studier", "EXIT_REASON_SHARE", 30, null,
							"WORK,STUDIES");
				}
			}
			for (String name : STRUCTURAL) {
				intervention(name, "STRUCTURAL", "COUNT");
			}
		}

		private long intervention(String name, String kind, String followUp) {
			long intervention = insert("""
					insert into intervention (association_id, name, short_description, kind, follow_up, status, start_date,
					  owner, created_at, updated_at) values (?, ?, ?, ?, ?, 'ONGOING', ?, 'Syntetiska förbundets kansli', ?, ?)""",
					id, name, "Syntetisk insats för prestandamätning", kind, followUp, FIRST, createdAt, createdAt);
			jdbc.update("insert into intervention_member (intervention_id, member_id) values (?, ?)", intervention, members.get(0));
			jdbc.update("insert into intervention_member (intervention_id, member_id) values (?, ?)", intervention, members.get(3));
			return intervention;
		}

		private void target(long intervention, int year, String wording, String metric, int threshold, Integer tolerance,
				String exitReasons) {
			jdbc.update("""
					insert into intervention_target (intervention_id, target_year, wording, metric, comparator, threshold,
					  tolerance, exit_reasons) values (?, ?, ?, ?, ?, ?, ?, ?)""", intervention, year, wording, metric,
					tolerance == null ? "AT_LEAST" : "APPROXIMATELY", threshold, tolerance, exitReasons);
		}

		/** The year's budget, adopted, with two plan years; its size follows the förbund's volume. */
		private void budget() {
			long budget = insert("""
					insert into budget (association_id, budget_year, version, status, opening_equity_kr, adopted_on,
					  decision_reference, created_at) values (?, 2026, 1, 'ADOPTED', ?, ?, 'Styrelsen § 12', ?)""", id,
					500_000L + random.nextInt(2_000_000), LocalDate.of(2025, 11, 20), createdAt);
			long contributions = Math.max(2_000_000L, episodes * 1_800L) / 1000 * 1000;
			for (int year = 2026; year <= 2028; year++) {
				long scale = contributions * (100 + 2L * (year - 2026)) / 100;
				Object[][] lines = { { "CONTRIBUTIONS", "Medlemsavgifter", "CONTRIBUTION", scale },
						{ "ESF", "ESF-medel", "OTHER_INCOME", scale / 20 }, { "BOARD", "Styrelse", "BOARD", scale / 50 },
						{ "AUDIT", "Revision", "BOARD", scale / 200 }, { "SALARIES", "Löner inkl. sociala avgifter", "OFFICE", scale / 10 },
						{ "PREMISES", "Lokal", "OFFICE", scale / 100 }, { "EVALUATION", "Utvärdering", "EVALUATION", scale / 50 },
						{ "STRUCTURAL", "Strukturella insatser", "STRUCTURAL", scale / 8 },
						{ "INDIVIDUAL", "Individinriktade insatser", "INDIVIDUAL", scale * 6 / 10 },
						{ "RESERVE", "Förbundsreserv", "RESERVE", scale / 40 } };
				for (Object[] line : lines) {
					jdbc.update("insert into budget_line (budget_id, line_year, code, name, line_group, amount_kr) values (?, ?, ?, ?, ?, ?)",
							budget, year, line[0], line[1], line[2], line[3]);
				}
			}
		}

		/** Participants and their episodes; about one in seven comes back for a second episode in another insats. */
		private void followup() {
			int left = episodes;
			int participantNumber = 0;
			long totalWeight = insatser.stream().mapToLong(i -> i[2]).sum();
			while (left > 0) {
				long participant = rows.nextId("participant");
				boolean woman = random.nextInt(100) < 55;
				long[] insats = pick(totalWeight);
				LocalDate start = FIRST.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(FIRST, UNTIL) + 1));
				int age = insats[1] == 1 ? 16 + random.nextInt(14) : ageAdult();
				int birthYear = start.getYear() - age;
				rows.participant(participant, id, String.format(Locale.ROOT, "D-%06X", ++participantNumber & 0xFFFFFF),
						birthYear, woman ? "WOMAN" : "MAN", createdAt);
				LocalDate end = episode(participant, insats, woman, birthYear, start);
				left--;
				if (left > 0 && end != null && random.nextInt(100) < 15) {
					LocalDate again = end.plusDays(30 + random.nextInt(400));
					if (!again.isAfter(UNTIL) && again.getYear() - birthYear <= 64) {
						long[] other = pick(totalWeight);
						while (other[1] == 1 && again.getYear() - birthYear > 29) {
							other = pick(totalWeight);
						}
						episode(participant, other, woman, birthYear, again);
						left--;
					}
				}
				if (random.nextInt(100) < 4) {
					rows.anonymous(rows.nextId("anonymous_start"), id, insats[0], start.plusDays(random.nextInt(20)),
							random.nextInt(100) < 55 ? "WOMAN" : "MAN", random.nextInt(100) < 70 ? "NO_CONSENT" : "PROTECTED_IDENTITY",
							createdAt);
				}
			}
		}

		private long[] pick(long totalWeight) {
			long r = random.nextLong(totalWeight);
			for (long[] insats : insatser) {
				r -= insats[2];
				if (r < 0) {
					return insats;
				}
			}
			return insatser.get(insatser.size() - 1);
		}

		/** 18–64, most between 25 and 50. */
		private int ageAdult() {
			int age = (int) Math.round(36 + random.nextGaussian() * 11);
			return Math.max(18, Math.min(64, age));
		}

		/** One episode with income sources and maybe a joint plan; returns its end date (null: ongoing). */
		private LocalDate episode(long participant, long[] insats, boolean woman, int birthYear, LocalDate start) {
			long enrollment = rows.nextId("enrollment");
			int months = 1 + (int) Math.min(35, -Math.log(1 - random.nextDouble()) * 8);
			LocalDate end = start.plusMonths(months).plusDays(random.nextInt(28));
			if (end.isAfter(UNTIL)) {
				end = null;
			}
			String exit = end == null ? null : exitReason(woman);
			String occupation = weighted(OCCUPATION);
			String occupationAfter = exit == null ? null : switch (exit) {
				case "WORK" -> "WORK";
				case "STUDIES" -> "STUDIES";
				case "JOB_SEEKING", "EMPLOYMENT_SERVICE", "MUNICIPAL_LABOUR_MARKET" -> "JOB_SEEKING";
				default -> random.nextInt(100) < 80 ? "NONE" : "JOB_SEEKING";
			};
			long referrer = referrers.get(random.nextInt(referrers.size()));
			rows.enrollment(enrollment, id, insats[0], participant, start.minusDays(random.nextInt(10)), "Samtycke 2024:1",
					start.minusDays(7 + random.nextInt(40)), referrer, start, districts.get(random.nextInt(districts.size())),
					weighted(EDUCATION), weighted(TIME_WITHOUT_WORK), occupation,
					"WORK".equals(occupation) ? 25 * (1 + random.nextInt(3)) : null,
					asksQuestions ? weighted(BIRTH_REGION) : null, asksQuestions ? weighted(DISABILITY) : null, end, exit,
					occupationAfter, "WORK".equals(occupationAfter) ? 25 * (1 + random.nextInt(4)) : null,
					end == null ? null : switch (random.nextInt(10)) {
						case 0, 1, 2 -> Boolean.TRUE;
						case 3, 4 -> null;
						default -> Boolean.FALSE;
					}, createdAt, createdAt, woman ? "WOMAN" : "MAN", birthYear);
			String first = weighted(INCOME);
			rows.income(enrollment, "START", first);
			if (random.nextInt(100) < 30) {
				String second = weighted(INCOME);
				if (!second.equals(first)) {
					rows.income(enrollment, "START", second);
				}
			}
			if (exit != null) {
				rows.income(enrollment, "EXIT", switch (exit) {
					case "WORK" -> "SALARY";
					case "STUDIES" -> "STUDY_GRANT";
					default -> weighted(INCOME);
				});
			}
			LocalDate meeting = start.plusDays(7 + random.nextInt(35));
			if (random.nextInt(100) < 60 && !meeting.isAfter(UNTIL) && (end == null || !meeting.isAfter(end))) {
				plan(enrollment, meeting);
			}
			return end;
		}

		private String exitReason(boolean woman) {
			int r = random.nextInt(1000);
			int work = woman ? 190 : 230;
			int studies = woman ? 90 : 110;
			if (r < work) {
				return "WORK";
			}
			if (r < work + studies) {
				return "STUDIES";
			}
			if (r < work + studies + 150) {
				return "JOB_SEEKING";
			}
			return weighted(OTHER_EXITS);
		}

		/** A joint plan of one to nine activities, each assessed at 2, 6 and 12 months where that date has passed. */
		private void plan(long enrollment, LocalDate meeting) {
			long plan = rows.nextId("joint_plan");
			rows.plan(plan, id, enrollment, meeting, createdAt);
			int activities = 1 + random.nextInt(9);
			for (int a = 0; a < activities; a++) {
				String after2 = meeting.plusMonths(2).isAfter(UNTIL) ? null : weighted(PLAN_STATUS);
				String after6 = after2 == null || meeting.plusMonths(6).isAfter(UNTIL) ? null
						: "DONE".equals(after2) ? "DONE" : weighted(PLAN_STATUS);
				String after12 = after6 == null || meeting.plusMonths(12).isAfter(UNTIL) ? null
						: "DONE".equals(after6) ? "DONE" : weighted(PLAN_STATUS);
				rows.activity(rows.nextId("plan_activity"), plan, ACTIVITIES[random.nextInt(ACTIVITIES.length)],
						members.get(random.nextInt(members.size())), after2, after6, after12);
			}
		}

		private String weighted(String[][] choices) {
			int total = 0;
			for (String[] choice : choices) {
				total += Integer.parseInt(choice[1]);
			}
			int r = random.nextInt(total);
			for (String[] choice : choices) {
				r -= Integer.parseInt(choice[1]);
				if (r < 0) {
					return choice[0];
				}
			}
			throw new IllegalStateException("unreachable");
		}
	}

	/**
	 * The follow-up tables' rows, buffered and written in dependency order (participants before their
	 * episodes, episodes before their income and plans): {@code COPY} on PostgreSQL, batches on H2.
	 */
	private static final class Rows implements AutoCloseable {

		private static final int FLUSH_AT = 50_000;
		private final Connection connection;
		private final boolean postgres;
		private final Map<String, Long> nextIds = new LinkedHashMap<>();
		private final Map<String, Table> tables = new LinkedHashMap<>();

		Rows(DataSource dataSource, boolean postgres) {
			try {
				this.connection = dataSource.getConnection();
				this.connection.setAutoCommit(false);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			this.postgres = postgres;
			table("participant", "id, association_id, code, birth_year, gender, created_at");
			table("enrollment", """
					id, association_id, intervention_id, participant_id, consent_date, consent_version, referral_date,
					referrer_id, start_date, district_id, education, time_without_work, occupation, occupation_extent,
					birth_region, disability, end_date, exit_reason, occupation_after, occupation_after_extent,
					guide_support, created_at, updated_at, gender, birth_year""");
			table("enrollment_income", "enrollment_id, phase, code");
			table("anonymous_start", "id, association_id, intervention_id, start_date, gender, reason, created_at");
			table("joint_plan", "id, association_id, enrollment_id, meeting_date, created_at");
			table("plan_activity", "id, plan_id, description, member_id, status_2, status_6, status_12");
			for (String table : List.of("participant", "enrollment", "anonymous_start", "joint_plan", "plan_activity")) {
				try (var statement = connection.createStatement();
						var result = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
					result.next();
					nextIds.put(table, result.getLong(1));
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}

		private void table(String name, String columns) {
			tables.put(name, new Table(name, columns.replaceAll("\\s+", " ").trim()));
		}

		long nextId(String table) {
			return nextIds.merge(table, 1L, Long::sum);
		}

		void participant(Object... values) {
			add("participant", values);
		}

		void enrollment(Object... values) {
			add("enrollment", values);
		}

		void income(Object... values) {
			add("enrollment_income", values);
		}

		void anonymous(Object... values) {
			add("anonymous_start", values);
		}

		void plan(Object... values) {
			add("joint_plan", values);
		}

		void activity(Object... values) {
			add("plan_activity", values);
		}

		private void add(String table, Object[] values) {
			Table target = tables.get(table);
			target.rows.add(values);
			if (target.rows.size() >= FLUSH_AT) {
				flush();
			}
		}

		/** Writes every table's buffered rows, in dependency order, and commits. */
		private void flush() {
			try {
				for (Table table : tables.values()) {
					if (postgres) {
						table.copy(connection);
					}
					else {
						table.batch(connection);
					}
				}
				connection.commit();
			}
			catch (SQLException | java.io.IOException ex) {
				throw new IllegalStateException("Could not load the synthetic " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() {
			flush();
			try {
				connection.setAutoCommit(true);
				connection.close();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static final class Table {

		private final String name;
		private final String columns;
		private final List<Object[]> rows = new ArrayList<>();

		Table(String name, String columns) {
			this.name = name;
			this.columns = columns;
		}

		void copy(Connection connection) throws SQLException, java.io.IOException {
			if (rows.isEmpty()) {
				return;
			}
			StringBuilder csv = new StringBuilder(rows.size() * 120);
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						csv.append(',');
					}
					Object value = row[i];
					if (value instanceof String text) {
						csv.append('"').append(text.replace("\"", "\"\"")).append('"');
					}
					else if (value != null) {
						csv.append(value);
					}
				}
				csv.append('\n');
			}
			connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
				.copyIn("copy " + name + " (" + columns + ") from stdin with (format csv)", new java.io.StringReader(csv.toString()));
			rows.clear();
		}

		void batch(Connection connection) throws SQLException {
			if (rows.isEmpty()) {
				return;
			}
			String marks = String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?"));
			try (PreparedStatement statement = connection.prepareStatement(
					"insert into " + name + " (" + columns + ") values (" + marks + ")")) {
				int pending = 0;
				for (Object[] row : rows) {
					for (int i = 0; i < row.length; i++) {
						statement.setObject(i + 1, row[i]);
					}
					statement.addBatch();
					if (++pending == 5_000) {
						statement.executeBatch();
						pending = 0;
					}
				}
				statement.executeBatch();
			}
			rows.clear();
		}
	}
}
