package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/** The kansli registers an insats through the pages, takes it through beredning and the board's decision. */
class InterventionBrowserTests extends BrowserTest {

	@Test
	void anInsatsIsRegisteredPreparedDecidedAndListed() {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		page.navigate(url("/login"));
		page.fill("#username", "demo-kansli");
		page.fill("#password", "samsyn-demo");
		page.click("main button[type=submit]");
		page.waitForLoadState();
		page.navigate(url("/forbund/stockholm/insatser"));
		assertAccessible(page, "list");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny insats")).click();
		page.waitForLoadState();

		page.getByLabel("Insats", new Page.GetByLabelOptions().setExact(true)).fill("Jobbspåret Järva");
		page.getByLabel("Kort beskrivning").fill("Stöd till arbete för unga vuxna i Järva.");
		page.getByLabel("Individinriktad").check();
		page.getByLabel("Arbetsförmedlingen").check();
		page.getByLabel("Stockholms stad").check();
		page.getByLabel("Unga vuxna 16–29 år").check();
		page.getByLabel("Järva").check();
		assertAccessible(page, "form");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
		page.waitForLoadState();

		assertThat(page.locator("h1").textContent()).isEqualTo("Jobbspåret Järva");
		assertThat(page.locator("main").textContent()).contains("Förslag", "Insatsen är registrerad som förslag.");
		assertAccessible(page, "detail");

		page.getByLabel("Beredd av beredningsgruppen").check();
		page.locator("#decision-decidedOn").fill("2026-10-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera")).click();
		page.waitForLoadState();
		PlaywrightAssertions.assertThat(page.locator("main p .tag").first()).hasText("Beredd");

		page.getByLabel("Beviljad av styrelsen").check();
		page.locator("#decision-decidedOn").fill("2026-10-20");
		page.locator("#decision-reference").fill("§ 14");
		page.locator("#decision-amountKr").fill("1 800 000");
		page.locator("#decision-periodStart").fill("2027-01-01");
		page.locator("#decision-periodEnd").fill("2027-12-31");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera")).click();
		page.waitForLoadState();
		PlaywrightAssertions.assertThat(page.locator("main p .tag").first()).hasText("Beslutad");
		// The assertions from Playwright wait for the page that the click loads, however busy the machine is.
		PlaywrightAssertions.assertThat(page.locator("main")).containsText("Beviljad");
		PlaywrightAssertions.assertThat(page.locator("main")).containsText("§ 14");
		PlaywrightAssertions.assertThat(page.locator("main")).containsText("1\u00A0800\u00A0000\u00A0kr");

		page.navigate(url("/forbund/stockholm/insatser?status=DECIDED"));
		assertThat(page.locator("main table").textContent()).contains("Jobbspåret Järva");
		page.navigate(url("/forbund/stockholm/beslut"));
		assertThat(page.locator("main table").textContent()).contains("Jobbspåret Järva", "Beredningsgruppen", "Styrelsen");
		page.navigate(url("/forbund/stockholm/budget?from=2024"));
		assertAccessible(page, "budget table");
		page.close();
	}

}
