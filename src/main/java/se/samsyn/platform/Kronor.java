package se.samsyn.platform;

/**
 * An amount of money in whole kronor. Shown as tkr (thousands) in budget tables, or as kr, with a
 * non-breaking space between thousands as Swedish typography wants it.
 */
public record Kronor(long value) implements Comparable<Kronor> {

	public static final Kronor ZERO = new Kronor(0);
	private static final char NBSP = '\u00A0';

	public static Kronor of(long value) {
		return new Kronor(value);
	}

	public Kronor plus(Kronor other) {
		return new Kronor(Math.addExact(value, other.value));
	}

	/** Whole thousands, rounded half up: {@code 30 515 tkr}. */
	public String tkr() {
		return group(Math.round(value / 1000.0)) + NBSP + "tkr";
	}

	/** The number of thousands alone, for table cells under a "tkr" heading. */
	public String tkrNumber() {
		return group(Math.round(value / 1000.0));
	}

	public String kr() {
		return group(value) + NBSP + "kr";
	}

	@Override
	public int compareTo(Kronor other) {
		return Long.compare(value, other.value);
	}

	static String group(long number) {
		String digits = Long.toString(Math.abs(number));
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				out.append(NBSP);
			}
			out.append(digits.charAt(i));
		}
		return (number < 0 ? "−" : "") + out;
	}
}
