package se.samsyn.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

class BudgetExportIntegrationTests extends IntegrationTest {

	@Test
	void theBudgetDownloadsAsAnExcelWorkbookWithComputedFigures() throws Exception {
		byte[] xlsx = mvc.perform(get("/forbund/stockholm/ekonomi/2025.xlsx").session(login("demo-styrelse")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("stockholm-budget-2025.xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			Row frame = rows.stream().filter(row -> row.getCellText(0).startsWith("Ekonomisk ram")).findFirst().orElseThrow();
			assertThat(frame.getCellAsNumber(1).orElseThrow().longValue()).isEqualTo(42_127_000);
			Row individual = rows.stream().filter(row -> row.getCellText(0).equals("Individinriktade insatser") && row.getCellCount() > 1
					&& row.getCellAsNumber(1).isPresent() && row.getCellAsNumber(1).get().doubleValue() < 1).findFirst().orElseThrow();
			assertThat(individual.getCellAsNumber(1).orElseThrow().doubleValue()).isEqualTo(0.7244);
		}
	}

	@Test
	void theBudgetDownloadsAsAPdfOfTheSameTable() throws Exception {
		byte[] pdf = mvc.perform(get("/forbund/stockholm/ekonomi/2025.pdf").session(login("demo-styrelse")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00A0', ' ');
			assertThat(text).contains("Budget 2025", "Samordningsförbundet Stockholms stad", "42 127", "72,44 %", "-781");
		}
	}

	@Test
	void anotherFörbundsBudgetDoesNotDownload() throws Exception {
		mvc.perform(get("/forbund/sodertalje/ekonomi/2018.pdf").session(login("demo-admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/forbund/sodertalje/ekonomi/2018.xlsx").session(login("demo-admin"))).andExpect(status().isForbidden());
	}
}
