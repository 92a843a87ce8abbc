package se.samsyn.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import se.samsyn.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The follow-up report's downloads: the workbook holds the JSON API's numbers as numbers and hidden
 * counts as "<5" text, the PDF carries the same tables with Swedish letters intact, and the API answers
 * by Accept.
 */
class FollowupReportExportIntegrationTests extends IntegrationTest {

	private static final String PERIOD = "from=2025-01-01&to=2025-12-31";
	private static final String PAGE = "/forbund/stockholm/rapporter/uppfoljning";
	private static final String API = "/api/v1/associations/stockholm/reports/followup?" + PERIOD;
	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	@Test
	void theKanslisWorkbookHoldsTheApisExactNumbersAsNumbers() throws Exception {
		byte[] xlsx = download(PAGE + ".xlsx?" + PERIOD, login("demo-kansli"), "uppfoljning-stockholm-2025-01-01-2025-12-31.xlsx");
		JsonNode json = api(API, "samsyn-demo-kansli");
		int compared = compare(xlsx, json, false);
		assertThat(compared).as("cells compared").isGreaterThan(200);
	}

	@Test
	void theBoardsWorkbookHidesSmallCountsAsTextAndHoldsNoNumberFromOneToFour() throws Exception {
		byte[] xlsx = download(PAGE + ".xlsx?" + PERIOD, login("demo-styrelse"), "uppfoljning-stockholm-2025-01-01-2025-12-31.xlsx");
		JsonNode json = api(API, "samsyn-demo-styrelse");
		assertThat(json.get("suppressed").asBoolean()).isTrue();
		compare(xlsx, json, true);
		assertNoSmallNumber(xlsx);
	}

	@Test
	void aPublicationWorkbookOfTheKansliIsSuppressedAndSaysSo() throws Exception {
		byte[] xlsx = download(PAGE + ".xlsx?" + PERIOD + "&publicering=true", login("demo-kansli"),
				"uppfoljning-stockholm-publicering-2025-01-01-2025-12-31.xlsx");
		compare(xlsx, api(API + "&publication=true", "samsyn-demo-kansli"), true);
		assertNoSmallNumber(xlsx);
	}

	@Test
	void oneInsatsIsNamedInTheFileName() throws Exception {
		long id = jdbc.sql("select id from intervention where name = 'Aktivitetsplatsen'").query(Long.class).single();
		download(PAGE + ".pdf?" + PERIOD + "&insats=" + id, login("demo-kansli"),
				"uppfoljning-stockholm-aktivitetsplatsen-2025-01-01-2025-12-31.pdf");
	}

	@Test
	void thePdfCarriesTheReportWithSwedishLettersAndCharts() throws Exception {
		byte[] pdf = download(PAGE + ".pdf?" + PERIOD, login("demo-styrelse"), "uppfoljning-stockholm-2025-01-01-2025-12-31.pdf");
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4 width in points").isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
			String text = new PDFTextStripper().getText(document).replace('\u00A0', ' ').replaceAll("\\s+", " ");
			assertThat(text).contains("Uppföljningsrapport", "Samordningsförbundet Stockholms stad", "Kvinnor", "Män",
					"Ålder vid start", "Försörjning vid start", "Skyddade tal (1–4 visas som <5; varje tal är lätt slumpvis justerat, så summor behöver inte stämma)", "Förväntade resultat");
			assertThat(document.getNumberOfPages()).isGreaterThan(2);
		}
		Path dir = Path.of("target", "shots-export");
		Files.createDirectories(dir);
		Files.write(dir.resolve("uppfoljning.pdf"), pdf);
	}

	@Test
	void theApiAnswersByAccept() throws Exception {
		String bearer = "Bearer samsyn-demo-styrelse";
		byte[] xlsx = mvc.perform(get(API).header("Authorization", bearer).accept(XLSX))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", XLSX.toString()))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("uppfoljning-stockholm-2025-01-01-2025-12-31.xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		compare(xlsx, api(API, "samsyn-demo-styrelse"), true);
		byte[] pdf = mvc.perform(get(API).header("Authorization", bearer).accept(MediaType.APPLICATION_PDF))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		String json = mvc.perform(get(API).header("Authorization", bearer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(json).as("no Accept header still gives JSON").startsWith("{").contains("\"suppressed\":true");
		mvc.perform(get(API).header("Authorization", bearer).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")));
		mvc.perform(get(API.replace("2025-12-31", "2024-12-31").replace("2025-01-01", "2025-06-30")).header("Authorization", bearer)
				.accept(XLSX))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
		mvc.perform(get(API.replace("stockholm", "sodertalje")).header("Authorization", "Bearer samsyn-demo-kansli").accept(XLSX))
			.andExpect(status().isForbidden());
		mvc.perform(get(API.replace("stockholm", "sodertalje")).header("Authorization", "Bearer samsyn-demo-kansli")
				.accept(MediaType.APPLICATION_PDF))
			.andExpect(status().isForbidden());
	}

	@Test
	void theReportPageLinksToBothDownloads() throws Exception {
		String page = mvc.perform(get(PAGE + "?" + PERIOD + "&publicering=true").session(login("demo-kansli")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"/forbund/stockholm/rapporter/uppfoljning.xlsx?from=2025-01-01&amp;to=2025-12-31&amp;publicering=true\"")
			.contains("href=\"/forbund/stockholm/rapporter/uppfoljning.pdf?from=2025-01-01&amp;to=2025-12-31&amp;publicering=true\"")
			.contains("Ladda ner Excel").contains("Ladda ner PDF");
	}

	@Test
	void anotherFörbundsReportDoesNotDownload() throws Exception {
		mvc.perform(get("/forbund/sodertalje/rapporter/uppfoljning.xlsx?" + PERIOD).session(login("demo-styrelse")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/forbund/sodertalje/rapporter/uppfoljning.pdf?" + PERIOD).session(login("demo-styrelse")))
			.andExpect(status().isForbidden());
	}

	private byte[] download(String url, MockHttpSession session, String fileName) throws Exception {
		return mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename=\"" + fileName + "\"")))
			.andReturn().getResponse().getContentAsByteArray();
	}

	private JsonNode api(String url, String token) throws Exception {
		String body = mvc.perform(get(url).header("Authorization", "Bearer " + token)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return JsonMapper.shared().readTree(body);
	}

	/**
	 * Every row of every table of the JSON sits in the workbook's matching sheet with the same label,
	 * the same counts as numbers and the same hidden cells as "<5". Returns how many cells were compared.
	 */
	private static int compare(byte[] xlsx, JsonNode json, boolean suppressed) throws Exception {
		int compared = 0;
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			List<JsonNode> tables = new ArrayList<>();
			tables.add(json.get("overview"));
			json.get("tables").forEach(tables::add);
			assertThat(sheets).as("overview, one sheet per table, targets").hasSize(tables.size() + 1);
			assertThat(sheets.get(0).getName()).isEqualTo("Översikt");
			assertThat(sheets.get(sheets.size() - 1).getName()).isEqualTo("Mål");
			Set<String> names = new HashSet<>();
			for (Sheet sheet : sheets) {
				assertThat(sheet.getName()).hasSizeLessThanOrEqualTo(31).doesNotContainPattern("[\\[\\]:*?/\\\\]");
				assertThat(names.add(sheet.getName().toLowerCase())).as("unique sheet name %s", sheet.getName()).isTrue();
			}
			for (int t = 0; t < tables.size(); t++) {
				JsonNode table = tables.get(t);
				List<Row> rows = sheets.get(t).read();
				assertThat(rows.get(0).getCellText(0)).contains("Samordningsförbundet Stockholms stad");
				assertThat(rows.stream().map(r -> r.getCellText(0)).toList()).as("the sheet says how counts are shown")
					.contains(suppressed ? "Skyddade tal (1–4 visas som <5; varje tal är lätt slumpvis justerat, så summor behöver inte stämma)" : "Exakta tal")
					.contains("Period");
				int header = indexOf(rows, "Kategori");
				List<String> headers = texts(rows.get(header));
				assertThat(headers).contains("Kvinnor", "Män", "Totalt", "Föregående period");
				int previous = headers.indexOf("Föregående period");
				List<JsonNode> expected = new ArrayList<>();
				table.get("rows").forEach(expected::add);
				if (table.hasNonNull("total")) {
					expected.add(table.get("total"));
				}
				for (int i = 0; i < expected.size(); i++) {
					JsonNode row = expected.get(i);
					Row actual = rows.get(header + 1 + i);
					String label = row.hasNonNull("label") ? row.get("label").asString() : "Totalt";
					assertThat(actual.getCellText(0)).as("sheet %s row %d", sheets.get(t).getName(), i).isEqualTo(label);
					compared += same(actual.getCell(1), row.get("women"));
					compared += same(actual.getCell(2), row.get("men"));
					compared += same(actual.getCell(3), row.get("total"));
					compared += same(actual.getCell(previous), row.get("previousTotal"));
				}
			}
			List<Row> targets = sheets.get(sheets.size() - 1).read();
			assertThat(targets.size() - indexOf(targets, "Insats") - 1).as("one row per target")
				.isEqualTo(json.get("targets").size());
		}
		return compared;
	}

	private static int same(Cell cell, JsonNode expected) {
		if (expected.isString()) {
			assertThat(expected.asString()).isEqualTo("<5");
			assertThat(cell.getType()).isEqualTo(CellType.STRING);
			assertThat(cell.getText()).isEqualTo("<5");
		}
		else {
			assertThat(cell.getType()).as("a count is a number in Excel").isEqualTo(CellType.NUMBER);
			assertThat(cell.asNumber().longValueExact()).isEqualTo(expected.asLong());
		}
		return 1;
	}

	private static void assertNoSmallNumber(byte[] xlsx) throws Exception {
		int hidden = 0;
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				boolean targets = sheet.getName().equals("Mål");
				for (Row row : sheet.read()) {
					for (Cell cell : row) {
						if (cell == null) {
							continue;
						}
						if (cell.getType() == CellType.NUMBER && !targets) {
							var value = cell.asNumber();
							assertThat(value.compareTo(java.math.BigDecimal.ONE) >= 0 && value.compareTo(java.math.BigDecimal.valueOf(4)) <= 0)
								.as("%s %s holds %s", sheet.getName(), cell.getAddress(), value).isFalse();
						}
						if (cell.getType() == CellType.STRING && "<5".equals(cell.getText())) {
							hidden++;
						}
					}
				}
			}
		}
		assertThat(hidden).as("the demo year has small counts to hide").isGreaterThan(0);
	}

	private static int indexOf(List<Row> rows, String firstCell) {
		for (int i = 0; i < rows.size(); i++) {
			if (firstCell.equals(rows.get(i).getCellText(0))) {
				return i;
			}
		}
		throw new AssertionError("no row starting with " + firstCell);
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getCellCount(); i++) {
			texts.add(row.getCellText(i));
		}
		return texts;
	}
}
