package se.samsyn.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Snowball stemming algorithm for Swedish (snowballstem.org), so that a search for "unga"
 * finds "ung" and "ungdomar": words are reduced to stems and a query stem matches stems that
 * start with it.
 */
public final class SwedishStemmer {

	private static final String VOWELS = "aeiouyäåö";
	private static final String[] STEP1 = { "heterna", "hetens", "anden", "heten", "heter", "arnas", "ernas", "ornas",
			"andes", "arens", "andet", "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ade",
			"are", "ern", "ens", "het", "ast", "ad", "en", "ar", "er", "or", "as", "es", "at", "a", "e" };
	private static final String S_ENDINGS = "bcdfghjklmnoprtvy";
	private static final String[] STEP2 = { "dd", "gd", "nn", "dt", "gt", "kt", "tt" };

	private SwedishStemmer() {
	}

	public static String stem(String word) {
		String w = word.toLowerCase(Locale.ROOT);
		int r1 = r1(w);
		w = step1(w, r1);
		w = step2(w, r1);
		return step3(w, r1);
	}

	/** The distinct stems of a text's words, in order. */
	public static List<String> stems(String text) {
		Set<String> out = new LinkedHashSet<>();
		for (String word : words(text)) {
			out.add(stem(word));
		}
		return new ArrayList<>(out);
	}

	/** Lower-case words of letters and digits; accents other than å, ä, ö are folded (é → e). */
	public static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		String folded = fold(text.toLowerCase(Locale.ROOT));
		for (String word : folded.split("[^\\p{L}\\p{Nd}]+")) {
			if (word.length() >= 2) {
				words.add(word);
			}
		}
		return words;
	}

	private static String fold(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if ("åäö".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
			}
		}
		return out.toString();
	}

	/** R1 starts after the first non-vowel that follows a vowel, but at least three letters in. */
	private static int r1(String w) {
		for (int i = 1; i < w.length(); i++) {
			if (!vowel(w.charAt(i)) && vowel(w.charAt(i - 1))) {
				return Math.max(i + 1, 3);
			}
		}
		return w.length();
	}

	private static String step1(String w, int r1) {
		for (String suffix : STEP1) {
			if (w.endsWith(suffix) && w.length() - suffix.length() >= r1) {
				return w.substring(0, w.length() - suffix.length());
			}
		}
		if (w.endsWith("s") && w.length() - 1 >= r1 && w.length() >= 2 && S_ENDINGS.indexOf(w.charAt(w.length() - 2)) >= 0) {
			return w.substring(0, w.length() - 1);
		}
		return w;
	}

	private static String step2(String w, int r1) {
		for (String suffix : STEP2) {
			if (w.endsWith(suffix) && w.length() - suffix.length() >= r1) {
				return w.substring(0, w.length() - 1);
			}
		}
		return w;
	}

	private static String step3(String w, int r1) {
		if (w.endsWith("fullt") && w.length() - 5 >= r1) {
			return w.substring(0, w.length() - 1);
		}
		if (w.endsWith("löst") && w.length() - 4 >= r1) {
			return w.substring(0, w.length() - 1);
		}
		for (String suffix : new String[] { "lig", "els", "ig" }) {
			if (w.endsWith(suffix) && w.length() - suffix.length() >= r1) {
				return w.substring(0, w.length() - suffix.length());
			}
		}
		return w;
	}

	private static boolean vowel(char c) {
		return VOWELS.indexOf(c) >= 0;
	}
}
