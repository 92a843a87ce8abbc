package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The import pages: upload, mapping with selects, preview, commit with a progress state, undo after confirmation. */
class ImportPagesIntegrationTests extends ImportTestSupport {

	private static final String PAGES = "/forbund/stockholm/uppfoljning/import";

	@Test
	void uploadMapCommitAndUndoThroughThePages() throws Exception {
		MockHttpSession session = login("demo-kansli");
		String list = text(mvc.perform(get(PAGES).session(session)).andReturn());
		assertThat(list).contains("Importera deltagare").contains("Ladda upp och granska").contains(IPS)
			.contains("mall.xlsx").contains("<progress");

		String csv = "Kön;Ålder;Startdatum;Skostorlek\nK;30;2024-02-01;38\nFlicka;22;2024-02-02;37\n";
		MvcResult uploaded = mvc.perform(multipart(PAGES).file(new MockMultipartFile("file", "lista.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).param("interventionId", String.valueOf(ips())).session(session).with(csrf()))
			.andReturn();
		assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
		String location = uploaded.getResponse().getRedirectedUrl();
		assertThat(location).startsWith(PAGES + "/");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		String page = text(mvc.perform(get(location).session(session)).andReturn());
		assertThat(page).contains("Import av lista.csv").contains("Behöver kopplas").contains("Kolumnen känns inte igen")
			.contains("Värdet ”Flicka” känns inte igen").contains("Rätta felen").doesNotContain("Spara 2 rader")
			.contains("Samtycke för hela filen");

		MvcResult mapped = mvc.perform(post(location + "/koppling").session(session).with(csrf())
			.param("header0", "Kön").param("field0", "gender").param("header1", "Ålder").param("field1", "age")
			.param("header2", "Startdatum").param("field2", "startDate").param("header3", "Skostorlek").param("field3", "IGNORE")
			.param("vfield0", "gender").param("vraw0", "Flicka").param("vcode0", "WOMAN")
			.param("consent", "ALL_CONSENTED").param("consentDate", "2024-01-20")).andReturn();
		assertThat(mapped.getResponse().getRedirectedUrl()).isEqualTo(location);
		page = text(mvc.perform(get(location).session(session)).andReturn());
		assertThat(page).contains("Granskas").contains("Inga fel").contains("Spara 2 rader").contains("data-progress=\"commit-progress\"")
			.contains("Sparar 2 rader");

		String before = counts();
		MvcResult committed = mvc.perform(post(location + "/spara").session(session).with(csrf())).andReturn();
		assertThat(committed.getFlashMap().get("notice")).isEqualTo("2 rader sparades.");
		page = text(mvc.perform(get(location).session(session)).andReturn());
		assertThat(page).contains("Sparad").contains("Ångra importen").contains("data-confirm=\"Ångra importen? 2 rader");
		assertThat(count("enrollment")).isEqualTo(Long.parseLong(before.split("/")[1]) + 2);

		mvc.perform(post(location + "/ta-bort").session(session).with(csrf()));
		assertThat(counts()).isEqualTo(before);
		assertThat(text(mvc.perform(get(PAGES).session(session)).andReturn())).contains("lista.csv").contains("Ångrad");
		assertThat(jdbc.sql("select status from followup_import where id = ?").param(id).query(String.class).single()).isEqualTo("UNDONE");
	}

	@Test
	void aRefusedFileIsExplainedOnTheUploadPage() throws Exception {
		MockHttpSession session = login("demo-kansli");
		String page = text(mvc.perform(multipart(PAGES).file(new MockMultipartFile("file", "bild.png", "image/png",
				new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 1 }))
			.param("interventionId", String.valueOf(ips())).session(session).with(csrf())).andReturn());
		assertThat(page).contains("Filen är varken en xlsx-fil eller en CSV-fil").contains("error-summary");
		page = text(mvc.perform(multipart(PAGES).file(new MockMultipartFile("file", "a.csv", "text/csv", "Kön\nK\n".getBytes()))
			.param("interventionId", "").session(session).with(csrf())).andReturn());
		assertThat(page).contains("error-summary");
	}

	@Test
	void aProjectLeaderSeesOnlyTheirInsatserAndABoardMemberNothing() throws Exception {
		String page = text(mvc.perform(get(PAGES).session(login("demo-projektledare"))).andReturn());
		assertThat(page).contains(IPS).doesNotContain(jdbc.sql("select name from intervention where id = ?").param(notLed())
			.query(String.class).single());
		assertThat(mvc.perform(get(PAGES).session(login("demo-styrelse"))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}
}
