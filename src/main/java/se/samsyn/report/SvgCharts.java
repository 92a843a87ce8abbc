package se.samsyn.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import se.samsyn.platform.SwedishFormat;

/**
 * Charts for the follow-up report as SVG markup, rendered on the server so that the page and the PDF
 * (openhtmltopdf's SVG support) show the same picture without scripts. The markup is deliberately
 * plain – {@code g}, {@code rect}, {@code line}, {@code text}, with explicit sizes, colours and fonts
 * and no CSS – and the same input always gives the same string.
 */
public final class SvgCharts {

	/** Colours with enough contrast on white for bars (WCAG 1.4.11), e.g. for women and men. */
	public static final String TEAL = "#0b5d6b";
	public static final String ORANGE = "#c2572b";

	private static final SwedishFormat FORMAT = new SwedishFormat();
	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
	private static final String TEXT_COLOUR = "#222222";
	private static final int WIDTH = 640;
	private static final int PLOT_X = 236;
	private static final int PLOT_WIDTH = WIDTH - PLOT_X - 64; // room for the value label after the longest bar
	private static final int LABEL_CHARS = 34; // what fits left of the bars at 12px sans-serif
	private static final int LINE_HEIGHT = 15;
	private static final int BAR = 14;
	private static final int BAR_GAP = 2;
	private static final int GROUP_GAP = 12;
	private static final int TOP = 58;
	private static final int MARGIN = 8;

	private SvgCharts() {
	}

	/** One bar's count, or a hidden count shown as "<5" and drawn without a bar. */
	public record Value(long count, boolean hidden) {

		public static Value of(long count) {
			return new Value(count, false);
		}

		public static Value hiddenCount() {
			return new Value(0, true);
		}

		/** A cell of a suppressed table as a chart shows it. */
		public static Value of(ProtectedTable.Cell cell) {
			return cell.hidden() ? hiddenCount() : of(cell.value());
		}
	}

	/** One bar per category in one colour, e.g. the women of each category. */
	public record Series(String name, String colour, List<Value> values) {

		public Series {
			if (!COLOUR.matcher(colour).matches()) {
				throw new IllegalArgumentException("colour must be #rrggbb: " + colour);
			}
			values = List.copyOf(values);
		}
	}

	/**
	 * A horizontal grouped bar chart: per category one bar per series, the category's label at the left
	 * (wrapped to two lines, cut with an ellipsis beyond that, the full text then in a tooltip), the count
	 * at the end of each bar, and a legend under the title. {@code title} and {@code description} are the
	 * chart's accessible name and description, in the user's language.
	 */
	public static String groupedBars(String title, String description, List<String> categories, List<Series> series) {
		for (Series one : series) {
			if (one.values().size() != categories.size()) {
				throw new IllegalArgumentException("series " + one.name() + " has " + one.values().size() + " values for "
						+ categories.size() + " categories");
			}
		}
		long max = series.stream().flatMap(one -> one.values().stream()).filter(value -> !value.hidden())
				.mapToLong(Value::count).max().orElse(0);
		int barsHeight = Math.max(series.size() * (BAR + BAR_GAP) - BAR_GAP, LINE_HEIGHT);

		StringBuilder body = new StringBuilder();
		int y = TOP;
		for (int category = 0; category < categories.size(); category++) {
			List<String> lines = new ArrayList<>();
			boolean cut = wrap(categories.get(category), lines);
			int height = Math.max(barsHeight, lines.size() * LINE_HEIGHT);
			body.append("<g>");
			if (cut) {
				body.append("<title>").append(escape(categories.get(category))).append("</title>");
			}
			int labelY = y + (height - lines.size() * LINE_HEIGHT) / 2 + LINE_HEIGHT - 3;
			for (String line : lines) {
				body.append(text(PLOT_X - 8, labelY, 12, "end", line));
				labelY += LINE_HEIGHT;
			}
			int barY = y + (height - barsHeight) / 2;
			for (Series one : series) {
				Value value = one.values().get(category);
				if (value.hidden()) {
					body.append(text(PLOT_X + 4, barY + BAR - 3, 11, "start", ProtectedTable.HIDDEN));
				} else {
					long width = max == 0 ? 0 : Math.max(value.count() * PLOT_WIDTH / max, value.count() > 0 ? 1 : 0);
					if (width > 0) {
						body.append("<rect x=\"").append(PLOT_X).append("\" y=\"").append(barY).append("\" width=\"").append(width)
								.append("\" height=\"").append(BAR).append("\" fill=\"").append(one.colour()).append("\"/>");
					}
					body.append(text(PLOT_X + (int) width + 4, barY + BAR - 3, 11, "start", FORMAT.number(BigDecimal.valueOf(value.count()))));
				}
				barY += BAR + BAR_GAP;
			}
			body.append("</g>");
			y += height + GROUP_GAP;
		}
		int plotBottom = Math.max(y - GROUP_GAP, TOP);
		int height = plotBottom + 8;

		String id = "chart-" + Integer.toHexString((title + '\u0000' + description + '\u0000' + String.join("\u0000", categories)).hashCode());
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
				.append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"")
				.append(id).append("-title ").append(id).append("-desc\">");
		svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
		svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
		svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>");
		svg.append(text(MARGIN, 18, 14, "start", "bold", title));
		svg.append(legend(series));
		svg.append("<line x1=\"").append(PLOT_X).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(PLOT_X)
				.append("\" y2=\"").append(plotBottom + 4).append("\" stroke=\"#595959\" stroke-width=\"1\"/>");
		svg.append(body);
		return svg.append("</svg>").toString();
	}

	private static String legend(List<Series> series) {
		StringBuilder legend = new StringBuilder("<g>");
		int x = MARGIN;
		for (Series one : series) {
			legend.append("<rect x=\"").append(x).append("\" y=\"30\" width=\"12\" height=\"12\" fill=\"").append(one.colour()).append("\"/>");
			legend.append(text(x + 16, 40, 12, "start", one.name()));
			x += 16 + one.name().length() * 7 + 20;
		}
		return legend.append("</g>").toString();
	}

	/** Fills {@code lines} with at most two lines of the label; true if the label had to be cut. */
	private static boolean wrap(String label, List<String> lines) {
		StringBuilder line = new StringBuilder();
		for (String word : label.trim().split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > LABEL_CHARS) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.length() > 0 ? " " : "").append(word);
		}
		lines.add(line.toString());
		boolean cut = lines.size() > 2 || lines.stream().anyMatch(one -> one.length() > LABEL_CHARS);
		if (cut) {
			String second = lines.size() > 1 ? String.join(" ", lines.subList(1, lines.size())) : "";
			String first = lines.get(0);
			lines.clear();
			lines.add(first.length() > LABEL_CHARS ? first.substring(0, LABEL_CHARS - 1) + "…" : first);
			if (!second.isEmpty()) {
				lines.add(second.length() > LABEL_CHARS ? second.substring(0, LABEL_CHARS - 1) + "…" : second);
			}
		}
		return cut;
	}

	private static String text(int x, int y, int size, String anchor, String content) {
		return text(x, y, size, anchor, "normal", content);
	}

	private static String text(int x, int y, int size, String anchor, String weight, String content) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" font-family=\"sans-serif\" font-size=\"" + size + "\" font-weight=\""
				+ weight + "\" text-anchor=\"" + anchor + "\" fill=\"" + TEXT_COLOUR + "\">" + escape(content) + "</text>";
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
