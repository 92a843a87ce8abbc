package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import tools.jackson.databind.JsonNode;

/** The export in the import's layout, read back with fastexcel-reader, and the empty template. */
class FollowupExportIntegrationTests extends ImportTestSupport {

	@Test
	void theInsatsExportHasTheImportsHeadersNumbersAsNumbersAndDatesAsDatesAndReadsBackIn() throws Exception {
		long ips = ips();
		String person = personnummer(LocalDate.of(1982, 4, 20));
		JsonNode uploaded = body(upload(ips, "Personnummer;Utbildning;Startdatum;Slutdatum;Avslutsorsak;Omfattning efter;Samtycke\n"
				+ person + ";Gymnasial utbildning 3 år;2024-04-02;2024-10-31;Arbete;75 %;Ja\n"));
		assertThat(uploaded.get("errors")).as(uploaded.toString()).isEmpty();
		long id = uploaded.get("id").asLong();
		mvc.perform(post(API + "/" + id + "/commit").header("Authorization", "Bearer samsyn-demo-kansli"));
		String code = jdbc.sql("select p.code from participant p join enrollment e on e.participant_id = p.id where e.import_id = ?")
			.param(id).query(String.class).single();

		MockHttpSession session = login("demo-kansli");
		var response = mvc.perform(get("/forbund/stockholm/insatser/" + ips + "/deltagare.xlsx").session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		byte[] xlsx = response.getContentAsByteArray();
		assertThat(unzippedText(xlsx)).as("no personnummer in the file").doesNotContain(person.substring(2, 8))
			.doesNotContain("Personnummer");

		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
			List<Row> rows = workbook.getFirstSheet().read();
			List<String> headers = rows.get(0).stream().map(c -> c.getText()).toList();
			assertThat(headers).startsWith("Deltagarkod", "Insats", "Kön", "Födelseår", "Utbildning", "Tid utan arbete")
				.contains("Startdatum", "Slutdatum", "Avslutsorsak", "Anmälande part", "Lots");
			Row row = rows.stream().filter(r -> code.equals(r.getCellText(0))).findFirst().orElseThrow();
			assertThat(row.getCellText(1)).isEqualTo(IPS);
			assertThat(row.getCellText(2)).isEqualTo("Man".equals(row.getCellText(2)) ? "Man" : "Kvinna");
			var birthYear = row.getCell(headers.indexOf("Födelseår"));
			assertThat(birthYear.getType()).isEqualTo(CellType.NUMBER);
			assertThat(birthYear.asNumber().intValue()).isEqualTo(1982);
			var start = row.getCell(headers.indexOf("Startdatum"));
			assertThat(start.getType()).isEqualTo(CellType.NUMBER);
			assertThat(start.asDate().toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 2));
			assertThat(start.getDataFormatString()).contains("yy");
			assertThat(row.getCellText(headers.indexOf("Utbildning"))).isEqualTo("Gymnasial utbildning 3 år");
			assertThat(row.getCellText(headers.indexOf("Avslutsorsak"))).isEqualTo("Arbete");
			assertThat(row.getCell(headers.indexOf("Omfattning efter")).asNumber().intValue()).isEqualTo(75);
		}

		// The same layout reads back in: into another insats, the participants are known by their codes.
		JsonNode again = body(upload("samsyn-demo-kansli", notLed(), "export.xlsx", xlsx));
		assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("PREVIEW");
		assertThat(again.get("errors")).as(again.toString()).isEmpty();
		assertThat(again.get("columns").get("Deltagarkod").asString()).isEqualTo("participantCode");
		assertThat(again.get("columns").get("Insats").asString()).isEqualTo("IGNORE");
		mvc.perform(delete(API + "/" + again.get("id").asLong()).header("Authorization", "Bearer samsyn-demo-kansli"));
		mvc.perform(delete(API + "/" + id).header("Authorization", "Bearer samsyn-demo-kansli"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PARTICIPANT_EXPORT'").query(Long.class).single()).isPositive();
	}

	@Test
	void theTemplateHasTheHeadersAndASheetOfAllowedValues() throws Exception {
		byte[] xlsx = mvc.perform(get("/forbund/stockholm/uppfoljning/mall.xlsx").session(login("demo-projektledare")))
			.andReturn().getResponse().getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheets = workbook.getSheets().toList();
			assertThat(sheets).hasSize(2);
			List<Row> data = sheets.get(0).read();
			assertThat(data).hasSize(1);
			assertThat(data.get(0).stream().map(c -> c.getText()).toList()).startsWith("Deltagarkod", "Personnummer", "Kön", "Ålder")
				.contains("Tid utan arbete", "Anmälande part", "Startdatum", "Slutdatum", "Avslutsorsak");
			assertThat(sheets.get(1).getName()).isEqualTo("Tillåtna värden");
			String allowed = String.join("|", sheets.get(1).read().stream().flatMap(r -> r.stream())
				.filter(c -> c != null).map(c -> c.getText()).toList());
			assertThat(allowed).contains("Gymnasial utbildning 3 år").contains("Mer än 5 år").contains("Kvinna")
				.contains("Södermalms psykosmottagning").contains("Avbrutet av deltagaren");
		}
		// The empty template reads as a file without rows, not as a broken one.
		assertThat(text(upload("samsyn-demo-kansli", ips(), "mall.xlsx", xlsx))).contains("inga rader");
	}

	@Test
	void exportsFollowTheUsersInsatser() throws Exception {
		assertThat(mvc.perform(get("/forbund/stockholm/uppfoljning/export.xlsx").session(login("demo-styrelse"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		MockHttpSession leader = login("demo-projektledare");
		assertThat(mvc.perform(get("/forbund/stockholm/insatser/" + notLed() + "/deltagare.xlsx").session(leader)).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/forbund/stockholm/insatser/" + sodertaljeInsats() + "/deltagare.xlsx").session(leader)).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/forbund/stockholm/uppfoljning/export.xlsx").session(leader)).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
	}

	private static String unzippedText(byte[] xlsx) throws Exception {
		StringBuilder text = new StringBuilder();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
		try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(java.nio.file.Files.write(file, xlsx).toFile())) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				try (var in = zip.getInputStream(entry)) {
					text.append(entry.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
		return text.toString();
	}
}
