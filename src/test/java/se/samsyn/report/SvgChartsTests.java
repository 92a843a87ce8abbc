package se.samsyn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import se.samsyn.report.SvgCharts.Series;
import se.samsyn.report.SvgCharts.Value;

class SvgChartsTests {

	private static final List<String> EDUCATION = List.of("Grundskola", "Gymnasium & <yrkesprogram>",
			"Eftergymnasial utbildning 3 år eller längre");

	private final String svg = SvgCharts.groupedBars("Utbildningsnivå vid start", "Kvinnor och män per utbildningsnivå", EDUCATION,
			List.of(new Series("Kvinnor", SvgCharts.TEAL, List.of(Value.of(1234), Value.hiddenCount(), Value.of(0))),
					new Series("Män", SvgCharts.ORANGE, List.of(Value.of(56), Value.of(7), Value.of(12)))));

	@Test
	void theChartIsWellFormedSvgWithAnAccessibleNameAndDescription() throws Exception {
		Element root = parse(svg).getDocumentElement();

		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getAttribute("width")).isEqualTo("640");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 " + root.getAttribute("height"));
		String[] labelledBy = root.getAttribute("aria-labelledby").split(" ");
		assertThat(labelledBy).hasSize(2);
		Element title = (Element) root.getElementsByTagName("title").item(0);
		Element desc = (Element) root.getElementsByTagName("desc").item(0);
		assertThat(title.getAttribute("id")).isEqualTo(labelledBy[0]);
		assertThat(title.getTextContent()).isEqualTo("Utbildningsnivå vid start");
		assertThat(desc.getAttribute("id")).isEqualTo(labelledBy[1]);
		assertThat(desc.getTextContent()).isEqualTo("Kvinnor och män per utbildningsnivå");
	}

	@Test
	void labelsWithAmpersandAndLessThanAreEscaped() throws Exception {
		assertThat(svg).contains("Gymnasium &amp; &lt;yrkesprogram&gt;");
		assertThat(texts(parse(svg))).contains("Gymnasium & <yrkesprogram>");
	}

	@Test
	void categoriesAndTheLegendAreShownAndALongLabelIsWrappedWithTheFullTextInATooltip() throws Exception {
		Document chart = parse(svg);
		List<String> texts = texts(chart);

		assertThat(texts).contains("Grundskola", "Kvinnor", "Män", "Eftergymnasial utbildning 3 år", "eller längre");
		String cut = SvgCharts.groupedBars("t", "d", List.of("Eftergymnasial utbildning kortare än tre år, med eller utan examen, i Sverige eller utomlands"),
				List.of(new Series("Kvinnor", SvgCharts.TEAL, List.of(Value.of(9)))));
		assertThat(texts(parse(cut))).anyMatch(text -> text.endsWith("…"));
		NodeList titles = parse(cut).getElementsByTagName("title");
		assertThat(titles.item(titles.getLength() - 1).getTextContent())
				.isEqualTo("Eftergymnasial utbildning kortare än tre år, med eller utan examen, i Sverige eller utomlands");
	}

	@Test
	void aHiddenCountReadsLessThanFiveAndHasNoBar() throws Exception {
		Document chart = parse(svg);

		assertThat(texts(chart)).contains("<5");
		// bars: 1 234, 56, 7, 12 – the hidden count and the 0 have none; the rest are the white background and the legend
		List<String> fills = new ArrayList<>();
		NodeList rects = chart.getElementsByTagName("rect");
		for (int i = 0; i < rects.getLength(); i++) {
			fills.add(((Element) rects.item(i)).getAttribute("fill"));
		}
		assertThat(fills).containsExactly("#ffffff", SvgCharts.TEAL, SvgCharts.ORANGE, SvgCharts.TEAL, SvgCharts.ORANGE,
				SvgCharts.ORANGE, SvgCharts.ORANGE);
	}

	@Test
	void countsAreWrittenTheSwedishWay() throws Exception {
		assertThat(texts(parse(svg))).anyMatch(text -> text.matches("1[ \u00A0]234")).contains("56", "0");
	}

	@Test
	void theSameInputGivesTheSameMarkupAndMoreCategoriesMakeATallerChart() throws Exception {
		String again = SvgCharts.groupedBars("Utbildningsnivå vid start", "Kvinnor och män per utbildningsnivå", EDUCATION,
				List.of(new Series("Kvinnor", SvgCharts.TEAL, List.of(Value.of(1234), Value.hiddenCount(), Value.of(0))),
						new Series("Män", SvgCharts.ORANGE, List.of(Value.of(56), Value.of(7), Value.of(12)))));
		String one = SvgCharts.groupedBars("t", "d", List.of("Grundskola"), List.of(new Series("Kvinnor", SvgCharts.TEAL, List.of(Value.of(9)))));

		assertThat(again).isEqualTo(svg);
		assertThat(Integer.parseInt(parse(one).getDocumentElement().getAttribute("height")))
				.isLessThan(Integer.parseInt(parse(svg).getDocumentElement().getAttribute("height")));
	}

	@Test
	void aHiddenCellBecomesAHiddenValue() {
		ProtectedTable table = Protection.exact(CountTable.withoutTotals(List.of("a"), List.of("x", "y"), new long[][] { { 3, 8 } },
				new long[][] { { 0, 0 } }));
		assertThat(Value.of(table.cell(0, 0))).isEqualTo(Value.of(3));
		assertThat(Value.of(new ProtectedTable.Cell(3, true))).isEqualTo(Value.hiddenCount());
		assertThat(Value.of(table.cell(0, 1))).isEqualTo(Value.of(8));
	}

	@Test
	void aColourThatIsNotAHexColourIsRefused() {
		assertThatThrownBy(() -> new Series("Kvinnor", "red\" onload=\"x", List.of())).isInstanceOf(IllegalArgumentException.class);
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> texts(Document chart) {
		List<String> texts = new ArrayList<>();
		NodeList nodes = chart.getElementsByTagName("text");
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}
}
