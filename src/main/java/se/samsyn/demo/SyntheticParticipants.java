package se.samsyn.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Syntetiska demodeltagare — inga verkliga personer. Draws the demo insatser's episodes from the
 * shapes in {@code demo/participants.yml} with one {@link Random} on a fixed seed, so the same
 * file gives the same episodes on every start. Pure: names of insatser, referrers, districts and
 * members stay names here; {@link DemoParticipants} resolves them and registers the episodes
 * through the follow-up services.
 */
final class SyntheticParticipants {

	/** What the generator needs to know about an insats of the demo data. */
	record Insats(LocalDate startDate, LocalDate endDate, List<String> memberNames) {
	}

	/** A start: person-level (with consent) or anonymous (reason set, nothing but gender and date). */
	record Episode(String association, String intervention, String anonymousReason, String gender, int birthYear,
			String personnummer, String referrer, String district, LocalDate referralDate, LocalDate startDate,
			String education, String timeWithoutWork, List<String> incomeSources, String occupation,
			Integer occupationExtent, String birthRegion, String disability, Exit exit, Plan plan) {

		boolean anonymous() {
			return anonymousReason != null;
		}

		Episode withIdentity(String personnummer, int birthYear) {
			return new Episode(association, intervention, anonymousReason, gender, birthYear, personnummer, referrer,
					district, referralDate, startDate, education, timeWithoutWork, incomeSources, occupation,
					occupationExtent, birthRegion, disability, exit, plan);
		}
	}

	record Exit(LocalDate endDate, String reason, String occupation, Integer occupationExtent, List<String> incomeSources,
			Boolean guideSupport) {
	}

	/** A FINSAM-team planning meeting; each activity's status at 2, 6 and 12 months, null where not yet assessed. */
	record Plan(LocalDate meetingDate, List<Activity> activities) {
	}

	record Activity(String description, String memberName, String after2, String after6, String after12) {
	}

	private final Map<String, Object> settings;
	private final Random random;
	private final LocalDate until;
	private final Set<String> personnummer = new HashSet<>();

	/**
	 * @param settings the contents of {@code demo/participants.yml}
	 * @param today the application's today: nothing is registered after it, nor after the file's {@code until}
	 */
	SyntheticParticipants(Map<String, Object> settings, LocalDate today) {
		this.settings = settings;
		this.random = new Random(((Number) settings.get("seed")).longValue());
		LocalDate configured = LocalDate.parse((String) settings.get("until"));
		this.until = configured.isAfter(today) ? today : configured;
	}

	String consentVersion() {
		return (String) settings.get("consentVersion");
	}

	/** The förbund and the voluntary questions each asks. */
	Map<String, List<String>> questions() {
		return Read.map(settings, "questions");
	}

	/**
	 * The episodes, in the order to register them: insats by insats as the file lists them, each by
	 * start date.
	 *
	 * @param insatser the demo insatser by "association/name"
	 * @param districts each förbund's district names
	 * @param referrerDistricts the district of a referring unit, by "association/referrer", where it has one
	 */
	List<Episode> generate(Map<String, Insats> insatser, Map<String, List<String>> districts,
			Map<String, String> referrerDistricts) {
		List<Episode> episodes = new ArrayList<>();
		Map<String, List<Episode>> byInsats = new LinkedHashMap<>();
		for (Map<String, Object> profile : Read.list(settings, "insatser")) {
			String association = (String) profile.get("association");
			String name = (String) profile.get("intervention");
			Insats insats = insatser.get(association + "/" + name);
			if (insats == null) {
				throw new IllegalStateException("demo/participants.yml names an unknown insats: " + association + "/" + name);
			}
			List<Episode> generated = insats(profile, insats, districts.getOrDefault(association, List.of()),
					referrerDistricts);
			byInsats.put(association + "/" + name, generated);
		}
		shareParticipants(byInsats);
		byInsats.values().forEach(episodes::addAll);
		return episodes;
	}

	private List<Episode> insats(Map<String, Object> profile, Insats insats, List<String> districts,
			Map<String, String> referrerDistricts) {
		String association = (String) profile.get("association");
		String name = (String) profile.get("intervention");
		Map<Object, Object> years = Read.map(profile, "years");
		List<Episode> episodes = new ArrayList<>();
		for (Map.Entry<Object, Object> entry : years.entrySet()) {
			int year = ((Number) entry.getKey()).intValue();
			LocalDate from = LocalDate.of(year, 1, 1);
			LocalDate to = LocalDate.of(year, 12, 31);
			if (insats.startDate() != null && insats.startDate().isAfter(from)) {
				from = insats.startDate();
			}
			if (insats.endDate() != null && insats.endDate().isBefore(to)) {
				to = insats.endDate();
			}
			if (until.isBefore(to)) {
				to = until;
			}
			if (to.isBefore(from)) {
				continue;
			}
			double shareOfYear = (ChronoUnit.DAYS.between(from, to) + 1) / (double) Year.of(year).length();
			int planned = ((Number) entry.getValue()).intValue();
			int starts = (int) Math.round(planned * shareOfYear * (0.9 + 0.2 * random.nextDouble()));
			List<LocalDate> dates = new ArrayList<>();
			for (int i = 0; i < starts; i++) {
				dates.add(weekday(from, to));
			}
			dates.sort(Comparator.naturalOrder());
			for (LocalDate start : dates) {
				episodes.add(person(profile, insats, association, name, start, districts, referrerDistricts));
			}
			List<Integer> range = Read.ints(settings, "anonymousPerYear");
			int anonymous = range.get(0) + random.nextInt(range.get(1) - range.get(0) + 1);
			for (int i = 0; i < anonymous; i++) {
				String gender = random.nextDouble() < women(profile) ? "WOMAN" : "MAN";
				String reason = random.nextInt(8) == 0 ? "PROTECTED_IDENTITY" : "NO_CONSENT";
				episodes.add(new Episode(association, name, reason, gender, 0, null, null, null, null, weekday(from, to),
						null, null, List.of(), null, null, null, null, null, null));
			}
		}
		episodes.sort(Comparator.comparing(Episode::startDate));
		return episodes;
	}

	private Episode person(Map<String, Object> profile, Insats insats, String association, String name, LocalDate start,
			List<String> districts, Map<String, String> referrerDistricts) {
		String gender = random.nextDouble() < women(profile) ? "WOMAN" : "MAN";
		List<Integer> ages = Read.ints(profile, "ages");
		// Ages lean towards the middle of the range, as they do in the insatser.
		int age = ages.get(0) + (random.nextInt(ages.get(1) - ages.get(0) + 1) + random.nextInt(ages.get(1) - ages.get(0) + 1)) / 2;
		int birthYear = start.getYear() - age;
		String pnr = random.nextDouble() < ((Number) settings.get("personnummerShare")).doubleValue()
				? personnummer(birthYear, gender) : null;
		String referrer = pick(Read.map(profile, "referrers"));
		String district = null;
		if (!districts.isEmpty() && random.nextInt(20) != 0) {
			String unitDistrict = referrerDistricts.get(association + "/" + referrer);
			district = unitDistrict != null && random.nextInt(4) != 0 ? unitDistrict
					: districts.get(random.nextInt(districts.size()));
		}
		LocalDate referral = start.minusDays(7 + random.nextInt(42));
		String education = pick(weights(profile, "education"));
		String timeWithoutWork = pick(weights(profile, "timeWithoutWork"));
		if (random.nextDouble() < ((Number) settings.get("missingShare")).doubleValue()) {
			if (random.nextBoolean()) {
				education = null;
			}
			else {
				timeWithoutWork = null;
			}
		}
		List<String> income = new ArrayList<>(List.of(pick(weights(profile, "incomeSources"))));
		if (random.nextInt(5) == 0) {
			String second = pick(weights(profile, "incomeSources"));
			if (!income.contains(second) && !"NONE".equals(second) && !income.contains("NONE")) {
				income.add(second);
			}
		}
		String occupation = pick(weights(profile, "occupation"));
		Integer extent = switch (occupation) {
			case "WORK" -> 25 * (1 + random.nextInt(2));
			case "STUDIES" -> 50 * (1 + random.nextInt(2));
			default -> null;
		};
		String birthRegion = null;
		String disability = null;
		List<String> asked = questions().getOrDefault(association, List.of());
		if (random.nextInt(10) < 7) {
			birthRegion = asked.contains("BIRTH_REGION") ? pick(weights(profile, "birthRegion")) : null;
			disability = asked.contains("DISABILITY") ? pick(weights(profile, "disability")) : null;
		}
		Plan plan = Boolean.TRUE.equals(profile.get("jointPlans")) ? plan(insats, start) : null;
		Exit exit = exit(profile, insats, gender, start, income);
		return new Episode(association, name, null, gender, birthYear, pnr, referrer, district, referral, start, education,
				timeWithoutWork, income, occupation, extent, birthRegion, disability, exit, plan);
	}

	/** Ended by the insats' end (or the file's endBy), else by its usual length; ongoing when that lies after today. */
	private Exit exit(Map<String, Object> profile, Insats insats, String gender, LocalDate start, List<String> incomeBefore) {
		List<Integer> days = Read.ints(profile, "days");
		LocalDate end = start.plusDays(days.get(0) + random.nextInt(days.get(1) - days.get(0) + 1));
		String reason = pick(Read.map(Read.map(settings, "exitReasons"), gender));
		if ("DROPPED_OUT".equals(reason) || "ILL_HEALTH".equals(reason) || "MOVED".equals(reason)) {
			end = start.plusDays(14 + random.nextInt(Math.max(1, days.get(0))));
		}
		LocalDate last = insats.endDate();
		if (profile.get("endBy") != null) {
			LocalDate endBy = LocalDate.parse((String) profile.get("endBy"));
			last = last == null || endBy.isBefore(last) ? endBy : last;
		}
		if (last != null && end.isAfter(last)) {
			end = last;
		}
		if (end.isAfter(until)) {
			return null;
		}
		String occupation;
		Integer extent = null;
		List<String> income = new ArrayList<>();
		switch (reason) {
			case "WORK" -> {
				occupation = "WORK";
				extent = 25 * (1 + random.nextInt(4));
				income.add("SALARY");
				if (extent < 100 && !incomeBefore.contains("SALARY")) {
					income.add(incomeBefore.get(0));
				}
			}
			case "STUDIES" -> {
				occupation = "STUDIES";
				extent = random.nextInt(4) == 0 ? 50 : 100;
				income.add("STUDY_GRANT");
			}
			case "JOB_SEEKING", "EMPLOYMENT_SERVICE", "MUNICIPAL_LABOUR_MARKET" -> {
				occupation = "JOB_SEEKING";
				income.add("EMPLOYMENT_SERVICE".equals(reason) ? "ACTIVITY_SUPPORT" : incomeBefore.get(0));
			}
			default -> {
				occupation = random.nextInt(5) == 0 ? "JOB_SEEKING" : "NONE";
				income.addAll(incomeBefore);
			}
		}
		if (random.nextInt(30) == 0) {
			income.clear();
		}
		Double guideShare = profile.get("guideShare") == null ? null : ((Number) profile.get("guideShare")).doubleValue();
		Boolean guide = guideShare == null ? null : random.nextDouble() < guideShare;
		return new Exit(end, reason, occupation, extent, List.copyOf(new java.util.LinkedHashSet<>(income)), guide);
	}

	/**
	 * The planning meeting soon after the start, with two to four activities for different members.
	 * Follow-ups already due are assessed, except about half of those due in the last six weeks and
	 * a few older ones, so that "follow-ups due" has something to show.
	 */
	private Plan plan(Insats insats, LocalDate start) {
		LocalDate meeting = start.plusDays(random.nextInt(15));
		if (meeting.isAfter(until)) {
			return null;
		}
		List<String> members = new ArrayList<>(insats.memberNames());
		members.sort(Comparator.naturalOrder());
		Map<String, List<String>> texts = Read.map(settings, "planActivities");
		members.removeIf(member -> !texts.containsKey(member));
		java.util.Collections.shuffle(members, random);
		int count = Math.min(members.size(), 2 + random.nextInt(3));
		boolean[] open = new boolean[3];
		int[] months = { 2, 6, 12 };
		for (int i = 0; i < 3; i++) {
			LocalDate due = meeting.plusMonths(months[i]);
			boolean recent = due.isAfter(until.minusWeeks(6));
			open[i] = due.isAfter(until) || (recent ? random.nextBoolean() : random.nextInt(25) == 0)
					|| (i > 0 && open[i - 1]);
		}
		List<Activity> activities = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String member = members.get(i);
			List<String> options = texts.get(member);
			String status2 = pick(new String[] { "NOT_STARTED", "PARTLY", "DONE" }, new int[] { 30, 45, 25 });
			String status6 = progress(status2, 30);
			String status12 = progress(status6, 50);
			activities.add(new Activity(options.get(random.nextInt(options.size())), member, open[0] ? null : status2,
					open[1] ? null : status6, open[2] ? null : status12));
		}
		return new Plan(meeting, activities);
	}

	/** The next assessment: what was done stays done; the rest moves on with the given chance of being done. */
	private String progress(String before, int doneChance) {
		if ("DONE".equals(before)) {
			return "DONE";
		}
		int roll = random.nextInt(100);
		if (roll < doneChance + ("PARTLY".equals(before) ? 25 : 0)) {
			return "DONE";
		}
		return roll < 80 || "PARTLY".equals(before) ? "PARTLY" : "NOT_STARTED";
	}

	/**
	 * Gives the same made-up personnummer to a person-level episode of one insats and a later one
	 * of another insats, same legal gender, so the participant has two episodes.
	 */
	private void shareParticipants(Map<String, List<Episode>> byInsats) {
		for (Map<String, Object> pair : Read.list(settings, "sharedParticipants")) {
			String association = (String) pair.get("association");
			List<Episode> first = byInsats.get(association + "/" + pair.get("first"));
			List<Episode> then = byInsats.get(association + "/" + pair.get("then"));
			int wanted = ((Number) pair.get("count")).intValue();
			List<Episode> ended = first.stream().filter(e -> !e.anonymous() && e.exit() != null)
				.sorted(Comparator.comparing((Episode e) -> e.exit().endDate())).toList();
			int shared = 0;
			for (Episode earlier : ended) {
				if (shared == wanted) {
					break;
				}
				for (int i = 0; i < then.size(); i++) {
					Episode later = then.get(i);
					if (!later.anonymous() && later.personnummer() == null && later.gender().equals(earlier.gender())
							&& later.startDate().isAfter(earlier.exit().endDate().plusDays(14))) {
						String pnr = earlier.personnummer() != null ? earlier.personnummer()
								: personnummer(earlier.birthYear(), earlier.gender());
						first.set(first.indexOf(earlier), earlier.withIdentity(pnr, earlier.birthYear()));
						then.set(i, later.withIdentity(pnr, earlier.birthYear()));
						shared++;
						break;
					}
				}
			}
			if (shared < wanted) {
				throw new IllegalStateException("demo/participants.yml: too few episodes to share between "
						+ pair.get("first") + " and " + pair.get("then"));
			}
		}
	}

	/**
	 * A made-up personnummer with a valid check digit: a date in the birth year, a födelsenummer
	 * from 980–999 (odd third digit for a man, even for a woman) and the Luhn digit. Never one given twice.
	 */
	String personnummer(int birthYear, String gender) {
		while (true) {
			LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(random.nextInt(Year.of(birthYear).length()));
			int last = random.nextInt(5) * 2 + ("MAN".equals(gender) ? 1 : 0);
			String nine = String.format("%02d%02d%02d%s%d", birth.getYear() % 100, birth.getMonthValue(),
					birth.getDayOfMonth(), random.nextBoolean() ? "98" : "99", last);
			String full = birth.getYear() / 100 + nine.substring(0, 6) + "-" + nine.substring(6) + luhn(nine);
			if (personnummer.add(full)) {
				return full;
			}
		}
	}

	static int luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		return (10 - sum % 10) % 10;
	}

	private LocalDate weekday(LocalDate from, LocalDate to) {
		long span = ChronoUnit.DAYS.between(from, to) + 1;
		LocalDate date = from.plusDays(random.nextInt((int) span));
		// Starts are on weekdays; a weekend moves back to Friday, or forward when that leaves the range.
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.minusDays(1);
		}
		return date.isBefore(from) ? from : date;
	}

	private double women(Map<String, Object> profile) {
		return ((Number) profile.get("women")).doubleValue();
	}

	private Map<Object, Object> weights(Map<String, Object> profile, String key) {
		Map<Object, Object> own = Read.map(profile, key);
		return own.isEmpty() ? Read.map(Read.map(settings, "defaults"), key) : own;
	}

	private String pick(Map<?, ?> weights) {
		double total = 0;
		for (Object weight : weights.values()) {
			total += ((Number) weight).doubleValue();
		}
		double roll = random.nextDouble() * total;
		String last = null;
		for (Map.Entry<?, ?> entry : weights.entrySet()) {
			last = String.valueOf(entry.getKey());
			roll -= ((Number) entry.getValue()).doubleValue();
			if (roll < 0) {
				return last;
			}
		}
		return last;
	}

	private String pick(String[] values, int[] weights) {
		Map<String, Integer> map = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			map.put(values[i], weights[i]);
		}
		return pick(map);
	}

	/** Typed reads of the parsed YAML. */
	static final class Read {

		private Read() {
		}

		@SuppressWarnings("unchecked")
		static <K, V> Map<K, V> map(Map<?, ?> map, Object key) {
			Object value = map.get(key);
			return value == null ? Map.of() : (Map<K, V>) value;
		}

		@SuppressWarnings("unchecked")
		static List<Map<String, Object>> list(Map<String, Object> map, String key) {
			Object value = map.get(key);
			return value == null ? List.of() : (List<Map<String, Object>>) value;
		}

		@SuppressWarnings("unchecked")
		static List<Integer> ints(Map<String, Object> map, String key) {
			return ((List<Number>) map.get(key)).stream().map(Number::intValue).toList();
		}
	}
}
