package se.samsyn.followup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the values in people's files are compared with Samsyn's choices: a key without case, accents, dashes,
 * punctuation and filler words; the synonym file of each list ({@code followup/synonyms/LIST.txt}, read once);
 * time spans such as "6-12 mån" read by their bounds; and the closeness of two texts for a proposal.
 */
final class ValueWords {

	/** Words that carry no meaning in any list ("AF:s" is "AF"). */
	private static final Set<String> FILLERS = Set.of("och", "s", "the", "st");

	private static final Map<String, Synonyms> LOADED = new ConcurrentHashMap<>();

	private ValueWords() {
	}

	/** The synonyms of one list, read once from its file; an empty set when the list has none. */
	static Synonyms synonyms(String list) {
		return LOADED.computeIfAbsent(list, ValueWords::read);
	}

	/**
	 * One list's synonym file: for each code (or name) the other ways of writing it, and the words the list ignores.
	 * A synonym written for two codes means neither and is dropped.
	 */
	record Synonyms(Map<String, List<String>> names, Set<String> ignored, Map<String, String> byKey) {

		/** The code (or name) a text is another way of writing, if the file says so. */
		String code(String text) {
			return byKey.get(key(text, ignored));
		}
	}

	private static Synonyms read(String list) {
		String path = "/followup/synonyms/" + list + ".txt";
		Map<String, List<String>> names = new LinkedHashMap<>();
		Set<String> ignored = new HashSet<>();
		try (InputStream in = ValueWords.class.getResourceAsStream(path)) {
			if (in == null) {
				return new Synonyms(Map.of(), Set.of(), Map.of());
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String text = line.strip();
				int colon = text.indexOf(':');
				if (text.isEmpty() || text.startsWith("#") || colon <= 0) {
					continue;
				}
				String code = text.substring(0, colon).strip();
				List<String> synonyms = Arrays.stream(text.substring(colon + 1).split(";")).map(String::strip)
					.filter(s -> !s.isEmpty()).toList();
				if ("IGNORE".equals(code)) {
					synonyms.forEach(s -> ignored.addAll(tokens(s, Set.of())));
				}
				else {
					names.computeIfAbsent(code, c -> new ArrayList<>()).addAll(synonyms);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> byKey = new LinkedHashMap<>();
		Set<String> twice = new HashSet<>();
		names.forEach((code, synonyms) -> {
			for (String synonym : synonyms) {
				String key = key(synonym, ignored);
				String before = byKey.putIfAbsent(key, code);
				if (before != null && !before.equals(code)) {
					twice.add(key);
				}
			}
		});
		twice.forEach(byKey::remove);
		names.replaceAll((code, synonyms) -> List.copyOf(synonyms));
		return new Synonyms(Collections.unmodifiableMap(names), Set.copyOf(ignored), Map.copyOf(byKey));
	}

	/** The words of a text: lower case, no accents, dashes and punctuation as spaces, filler and ignored words left out. */
	static List<String> tokens(String text, Set<String> ignored) {
		String plain = ImportField.normalise(text).replaceAll("[^\\p{L}\\p{N}<>+]+", " ")
			.replaceAll("(?<=\\p{L})(?=[<>+\\p{N}])|(?<=[<>+\\p{N}])(?=\\p{L})", " ");
		List<String> words = new ArrayList<>();
		for (String word : plain.strip().split(" ")) {
			if (!word.isEmpty() && !FILLERS.contains(word) && !ignored.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

	/** The text as a key to compare by: its words in order, single spaces. */
	static String key(String text, Set<String> ignored) {
		return String.join(" ", tokens(text, ignored));
	}

	/** The words in alphabetical order without a genitive s ("Södermalms SDF" = "SDF Södermalm"). */
	static String looseKey(String text, Set<String> ignored) {
		return tokens(text, ignored).stream().map(w -> w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w)
			.sorted().collect(Collectors.joining(" "));
	}

	/**
	 * How close two texts are, 0 to 1: the larger of the share of words they have in common (a word a letter or
	 * two off counts) and one less the edit distance over the longer text.
	 */
	static double closeness(String a, String b, Set<String> ignored) {
		List<String> left = tokens(a, ignored);
		List<String> right = tokens(b, ignored);
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		int common = 0;
		List<String> rest = new ArrayList<>(right);
		for (String word : left) {
			for (int i = 0; i < rest.size(); i++) {
				if (sameWord(word, rest.get(i))) {
					common++;
					rest.remove(i);
					break;
				}
			}
		}
		double words = 2.0 * common / (left.size() + right.size());
		String x = String.join(" ", left);
		String y = String.join(" ", right);
		double letters = 1.0 - (double) distance(x, y) / Math.max(x.length(), y.length());
		return Math.max(words, letters);
	}

	private static boolean sameWord(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		int shorter = Math.min(a.length(), b.length());
		if (shorter < 4) {
			return false;
		}
		return distance(a, b) <= (shorter >= 8 ? 2 : 1) || a.startsWith(b) || b.startsWith(a);
	}

	/** The Levenshtein distance. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** A span of time in months; a bound may be open (not included); {@code hi} infinite when there is no upper bound. */
	record Span(double lo, boolean loOpen, double hi, boolean hiOpen) {

		boolean point() {
			return lo == hi;
		}

		/**
		 * Whether this span (as a file writes it) lies in a band (as a label writes it). A range is compared by its
		 * bounds alone, since "1-2 år" means the band "more than 1 year, at most 2"; a single length by the band's
		 * open and closed bounds, so "6 mån" is 6–12 and not "shorter than 6".
		 */
		boolean within(Span band) {
			if (point()) {
				return (band.loOpen ? lo > band.lo : lo >= band.lo) && (band.hiOpen ? lo < band.hi : lo <= band.hi);
			}
			return band.lo <= lo && hi <= band.hi;
		}
	}

	private static final String NUMBER = "(\\d+(?:[.,]\\d+)?)";
	private static final String UNIT = "(manader|manaders|manad|man|mnd|m|ar|veckor|vecka|v|dagar|dag|d)\\.?";
	private static final Pattern RANGE = Pattern.compile(
			"(?:mellan\\s*)?" + NUMBER + "\\s*(?:" + UNIT + ")?\\s*(?:-|till|och)\\s*" + NUMBER + "\\s*" + UNIT);
	private static final Pattern CLAUSE = Pattern.compile("(mer an|over|langre an|fler an|>=|>|minst|kortare an|mindre an|"
			+ "under|<=|<|hogst|max|maximalt|upp till|)\\s*" + NUMBER + "\\s*" + UNIT
			+ "\\s*(\\+|eller mer|eller langre|eller mindre|eller kortare|)");

	/** A length of time as files write it ("<6 mån", "6–12 månader", "1-2 år", "över 5 år", "mer än 1 år, högst 2 år"). */
	static Span span(String text) {
		String plain = ImportField.normalise(text).replaceAll("[\u2010-\u2015\u2212]", "-").replaceAll("\\s+", " ").strip()
			.replaceAll("(\\d)\\s*\\+\\s*(\\p{L}+\\.?)$", "$1 $2+");
		if (plain.isEmpty()) {
			return null;
		}
		Matcher range = RANGE.matcher(plain);
		if (range.matches()) {
			String firstUnit = range.group(2) == null ? range.group(4) : range.group(2);
			return new Span(months(range.group(1), firstUnit), false, months(range.group(3), range.group(4)), false);
		}
		double lo = 0;
		boolean loOpen = false;
		double hi = Double.POSITIVE_INFINITY;
		boolean hiOpen = true;
		String[] clauses = plain.split("\\s*(?:,|;| och )\\s*");
		for (String clause : clauses) {
			Matcher m = CLAUSE.matcher(clause);
			if (!m.matches()) {
				return null;
			}
			double value = months(m.group(2), m.group(3));
			String before = m.group(1);
			String after = m.group(4);
			if (before.isEmpty() && after.isEmpty()) {
				if (clauses.length > 1) {
					return null;
				}
				return new Span(value, false, value, false);
			}
			switch (before.isEmpty() ? after : before) {
				case "mer an", "over", "langre an", "fler an", ">" -> {
					lo = value;
					loOpen = true;
				}
				case "minst", ">=", "+", "eller mer", "eller langre" -> {
					lo = value;
					loOpen = false;
				}
				case "kortare an", "mindre an", "under", "<" -> {
					hi = value;
					hiOpen = true;
				}
				default -> {
					hi = value;
					hiOpen = false;
				}
			}
		}
		return lo <= hi ? new Span(lo, loOpen, hi, hiOpen) : null;
	}

	private static double months(String number, String unit) {
		double value = Double.parseDouble(number.replace(',', '.'));
		return switch (unit) {
			case "ar" -> value * 12;
			case "veckor", "vecka", "v" -> value * 12 / 52;
			case "dagar", "dag", "d" -> value * 12 / 365;
			default -> value;
		};
	}
}
