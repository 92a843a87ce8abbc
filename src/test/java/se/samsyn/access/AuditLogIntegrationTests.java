package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;
import se.samsyn.access.web.AuditLogControllerAccess;
import se.samsyn.audit.AuditLog;

class AuditLogIntegrationTests extends IntegrationTest {

	@Test
	void theAssociationAdminSearchesTheirFörbundsLog() throws Exception {
		String username = newUser("logged", "stockholm", Role.VIEWER);
		long userId = users.idOf(username).orElseThrow();
		var admin = login("demo-admin");
		String page = mvc.perform(get("/forbund/stockholm/logg").session(admin).param("action", "ROLE_GRANTED"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// Only role grants, newest first: the first row is the role just granted to the new user.
		String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
		String[] rows = body.split("<tr>");
		assertThat(rows).hasSizeGreaterThan(1);
		assertThat(body.split("<code>", -1)).hasSameSizeAs(body.split("<code>ROLE_GRANTED</code>", -1));
		assertThat(rows[1]).contains("<code>ROLE_GRANTED</code>").contains("<td>USER " + userId + "</td>")
			.contains("<td>VIEWER</td>");
	}

	@Test
	void theLogExportsAsCsvAndTheExportIsItselfAudited() throws Exception {
		var admin = login("demo-admin");
		long exportsBefore = exports();
		String csv = mvc.perform(get("/forbund/stockholm/logg.csv").session(admin))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("granskningslogg-stockholm")))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFtid;användare;förbund;händelse").contains("MEMBER_CREATED");
		assertThat(exports()).isEqualTo(exportsBefore + 1);
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_event where action = 'AUDIT_LOG_EXPORTED' and actor = 'demo-admin'")
			.query(Long.class).single();
	}

	@Test
	void onlyTheAssociationAdminReadsTheLog() throws Exception {
		mvc.perform(get("/forbund/stockholm/logg").session(login("demo-kansli"))).andExpect(status().isForbidden());
		mvc.perform(get("/forbund/stockholm/logg").session(login("demo-styrelse"))).andExpect(status().isForbidden());
		mvc.perform(get("/system/logg").session(login("demo-admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/system/logg").session(login("demo-sysadmin"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("LOGIN_SUCCEEDED")));
	}

	@Test
	void aSpreadsheetFormulaInTheLogIsDefused() {
		for (String formula : List.of("=HYPERLINK(\"x\")", "+46 8 123", "-1+1", "@SUM(A1)", "\tkod")) {
			assertThat(AuditLogControllerAccess.cell(formula)).isEqualTo("'" + formula);
		}
		assertThat(AuditLogControllerAccess.cell("vanlig text")).isEqualTo("vanlig text");
		assertThat(AuditLogControllerAccess.cell(null)).isEmpty();
	}

	@Test
	void aCellWithSemicolonsQuotesAndLineBreaksReadsBackAsWritten() throws Exception {
		String detail = "rad 1; \"citat\"\r\nrad 2\nrad 3";
		var entry = new AuditLog.AuditEntry(1, Instant.parse("2026-03-01T23:30:00Z"), "demo-admin", 7L, "MEMBER_UPDATED",
				"MEMBER", "42", detail);
		byte[] csv = AuditLogControllerAccess.csv(List.of(entry));
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFtid;användare;förbund;händelse;objekttyp;objekt;detalj\r\n");
		try (CSVParser parser = CSVParser.parse(text.substring(1),
				CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get())) {
			List<CSVRecord> records = parser.getRecords();
			assertThat(records).hasSize(1);
			assertThat(records.get(0).toList()).as("the time in Swedish time")
				.containsExactly("2026-03-02 00:30:00", "demo-admin", "7", "MEMBER_UPDATED", "MEMBER", "42", detail);
		}
	}
}
