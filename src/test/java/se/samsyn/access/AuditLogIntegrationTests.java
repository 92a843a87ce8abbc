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
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;

class AuditLogIntegrationTests extends IntegrationTest {

	@Test
	void theAssociationAdminSearchesTheirFörbundsLogByEvent() throws Exception {
		long userId = users.idOf(newUser("logged", "stockholm", Role.VIEWER)).orElseThrow();
		var admin = login("demo-admin");
		String page = mvc.perform(get("/forbund/stockholm/logg").session(admin).param("action", "ROLE_GRANTED"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String rows = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
		int events = rows.split("<tr>", -1).length - 1;
		assertThat(events).as("the role just granted is in the log").isPositive();
		assertThat(rows.split("<td>Roll tilldelad</td>", -1).length - 1).as("every event found is a role granted").isEqualTo(events);
		assertThat(page).contains("<option value=\"ROLE_GRANTED\" selected=\"selected\">Roll tilldelad</option>");
		assertThat(rows.split("<tr>")[1]).as("newest first: the role just granted to the new user")
			.contains("<td>Användare " + userId + "</td>").contains("<td>VIEWER</td>");
	}

	@Test
	void aSearchByKindFindsEventsWrittenBeforeTheKindsWereTyped() throws Exception {
		long stockholm = associationId("stockholm");
		String marker = "old-" + System.nanoTime();
		jdbc.sql("insert into audit_event (occurred_at, actor, association_id, action, target_type, target_id, detail)"
				+ " values (current_timestamp, 'demo-kansli', ?, 'PARTICIPANT_LIST_READ', 'intervention', '1', ?)")
			.params(stockholm, marker).update();
		jdbc.sql("insert into audit_event (occurred_at, actor, association_id, action, target_type, target_id, detail)"
				+ " values (current_timestamp, 'demo-kansli', ?, 'INTERVENTION_UPDATED', 'INTERVENTION', '1', ?)")
			.params(stockholm, marker + "-typed").update();
		String page = mvc.perform(get("/forbund/stockholm/logg").session(login("demo-admin")).param("target", "INTERVENTION")
				.param("actor", "demo-kansli"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains(marker + "<", marker + "-typed<").contains("<td>Insats 1</td>")
			.contains("<td>Deltagarlista läst</td>");
	}

	@Test
	void anUnknownEventInTheSearchIsRefused() throws Exception {
		mvc.perform(get("/forbund/stockholm/logg").session(login("demo-admin")).param("action", "NO_SUCH_EVENT"))
			.andExpect(status().isBadRequest());
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
			.andExpect(content().string(containsString("<td>Inloggning</td>")));
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
		var entry = new AuditLog.AuditEntry(1, Instant.parse("2026-03-01T23:30:00Z"), "demo-admin", 7L,
				AuditAction.MEMBER_UPDATED, AuditTarget.MEMBER, "42", detail);
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
