package se.samsyn.platform;

/**
 * Which characters a stored text may hold. Text input never holds control characters: no C0 or C1 controls,
 * no DEL, no lone surrogate halves and no Unicode non-characters, which nothing can show or print (a single
 * NUL used to stop the förbund's PDFs). Tab and line breaks belong only in multi-line fields.
 */
public final class PlainText {

	/** Message key: the text holds a control character or an invalid one. */
	public static final String CONTROL = "validation.text.control";

	/** Message key: a single-line field holds a line break or a tab. */
	public static final String LINE_BREAK = "validation.text.lineBreak";

	private PlainText() {
	}

	/** Whether the text may be stored in a single-line field; null counts as empty. */
	public static boolean singleLine(CharSequence value) {
		return problem(value, false) == null;
	}

	/** Null when the text may be stored, else the message key that says why not. */
	public static String problem(CharSequence value, boolean multiLine) {
		if (value == null) {
			return null;
		}
		boolean lineBreak = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				if (nonCharacter(Character.toCodePoint(c, value.charAt(i + 1)))) {
					return CONTROL;
				}
				i++;
			}
			else if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
				lineBreak |= !multiLine;
			}
			else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || nonCharacter(c)) {
				return CONTROL;
			}
		}
		return lineBreak ? LINE_BREAK : null;
	}

	/**
	 * The text without the characters XML cannot hold, for rendering text stored before these rules
	 * (the PDFs' HTML is parsed as XML, and one such character would stop the whole document).
	 */
	public static String printable(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				out.append(c).append(value.charAt(++i));
			}
			else if ((c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF') || c == '\t' || c == '\n'
					|| c == '\r') {
				out.append(c);
			}
		}
		return out.length() == value.length() ? value : out.toString();
	}

	private static boolean nonCharacter(int codePoint) {
		return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
	}
}
