package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;

/** The public ideal-allocation calculator and the kansli's contributions page, with axe-core. */
class FinanceBrowserTests extends BrowserTest {

	@Test
	void anyoneCalculatesTheIdealAllocation() {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		page.navigate(url("/idealfordelning"));
		page.locator("#f-stateTotalKr").fill("10 000 000");
		page.locator("#f-rows").fill("stockholm; 100000; 3000\nsodertalje; 300000; 1000");
		page.click("main form button[type=submit]");
		page.waitForLoadState();
		assertThat(page.locator("main table").textContent()).contains("stockholm", "6\u00A0150\u00A0000\u00A0kr", "12\u00A0300\u00A0000\u00A0kr");
		assertAccessible(page, "calculator");
		page.close();
	}

	@Test
	void theKansliSeesEachMembersContribution() {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		page.navigate(url("/login"));
		page.fill("#username", "demo-kansli");
		page.fill("#password", "samsyn-demo");
		page.click("main button[type=submit]");
		page.waitForLoadState();
		page.navigate(url("/forbund/stockholm/medlemsavgifter?year=2025"));
		assertThat(page.locator("main table").textContent()).contains("Försäkringskassan", "18\u00A0084\u00A0000\u00A0kr", "50,0\u00A0%");
		assertAccessible(page, "contributions");
		page.navigate(url("/forbund/stockholm/ekonomi/2025"));
		assertThat(page.locator("main").textContent()).contains("72,44\u00A0%", "42\u00A0127");
		assertAccessible(page, "budget");
		page.navigate(url("/forbund/stockholm/ekonomi/2025/utfall"));
		assertAccessible(page, "outcome");
		page.close();
	}
}
