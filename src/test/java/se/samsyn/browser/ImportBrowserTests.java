package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.samsyn.followup.ImportTestSupport;

/** A project leader imports a follow-up file through the pages with the keyboard, with axe-core on every step. */
class ImportBrowserTests extends BrowserTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aProjectLeaderUploadsMapsSavesAndUndoesAFile() throws Exception {
		ImportTestSupport.moveImportIds(jdbc);
		Path file = Files.createTempFile("uppfoljning", ".csv");
		Files.writeString(file, "Kön;Ålder;Utbildning;Startdatum;Handläggare\nKvinna;34;Grundskola;2024-01-15;Anna\nMan;28;Gymnasial utbildning 3 år;2024-01-22;Anna\n");
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		List<String> dialogs = new ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.accept();
		});
		page.navigate(url("/login"));
		page.fill("#username", "demo-projektledare");
		page.fill("#password", "samsyn-demo");
		page.click("main button[type=submit]");
		page.waitForLoadState();
		page.navigate(url("/forbund/stockholm/uppfoljning/import"));
		assertThat(page.locator("h1").textContent()).isEqualTo("Importera deltagare");
		assertAccessible(page, "upload");

		page.locator("#f-interventionId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
		page.setInputFiles("#f-file", file);
		page.locator("#f-file").focus();
		page.keyboard().press("Tab");
		page.waitForLoadState();
		page.keyboard().press("Enter");
		page.waitForLoadState();
		page.waitForURL("**/uppfoljning/import/*");
		page.waitForSelector("text=Spara kopplingarna och granska igen");
		page.waitForLoadState();
		assertThat(page.locator("main").textContent()).contains("Behöver kopplas", "Kolumnen känns inte igen", "Värdet ”Grundskola” känns inte igen");
		assertAccessible(page, "mapping");

		page.locator("select[name=field4]").selectOption("IGNORE");
		page.locator("select[name=vcode0]").selectOption("PRIMARY_9");
		page.check("input[name=consent][value=ALL_CONSENTED]");
		page.fill("#f-consentDate", "2024-01-10");
		page.click("text=Spara kopplingarna och granska igen");
		page.waitForLoadState();
		page.waitForSelector("text=Kopplingarna är sparade");
		page.waitForSelector("text=Kasta importen");
		page.waitForLoadState();
		assertThat(page.locator("main").textContent()).contains("Granskas", "Inga fel");
		assertAccessible(page, "preview");

		page.click("text=Spara 2 rader");
		page.waitForLoadState();
		page.waitForSelector("text=2 rader sparades.");
		page.waitForSelector("button.danger");
		page.waitForLoadState();
		assertAccessible(page, "committed");
		page.click("button.danger");
		page.waitForLoadState();
		page.waitForSelector("text=Importen är ångrad");
		assertThat(dialogs).singleElement().asString().startsWith("Ångra importen? 2 rader");
		page.close();
		Files.deleteIfExists(file);
	}
}
