package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/**
 * A project leader registers a start and an exit from the keyboard, the form checks the
 * personnummer while it is typed, and the kansli then sees the participant in the insats' list.
 */
class FollowupBrowserTests extends BrowserTest {

	private static Page signIn(Browser browser, String username, String baseUrl) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
		Page page = context.newPage();
		page.navigate(baseUrl + "/login");
		page.fill("#username", username);
		page.fill("#password", "samsyn-demo");
		page.click("main button[type=submit]");
		page.waitForLoadState();
		return page;
	}

	@Test
	void aProjectLeaderRegistersAStartAndAnExitAndTheKansliSeesIt() {
		Page page = signIn(browser, "demo-projektledare", url(""));
		Instant began = Instant.now();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deltagare").setExact(true)).click();
		page.waitForLoadState();
		assertAccessible(page, "follow-up overview");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Integrering av IPS i psykosvården")).click();
		page.waitForLoadState();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrera start")).first().click();
		page.waitForLoadState();
		assertAccessible(page, "start form");

		// A wrong check digit is pointed out while typing.
		page.getByLabel("Personnummer eller samordningsnummer").fill("19811218-9877");
		assertThat(page.locator("#f-personnummer-live").textContent()).contains("Kontrollsiffran");
		page.getByLabel("Personnummer eller samordningsnummer").fill("19811218-9876");
		assertThat(page.locator("#f-personnummer-live").textContent()).isEmpty();
		assertThat(page.getByLabel("Man", new Page.GetByLabelOptions().setExact(true)).isChecked())
			.as("legal gender read from the number").isTrue();

		String start = LocalDate.now().minusMonths(3).toString();
		page.getByLabel("Startdatum").fill(start);
		page.getByLabel("Datum för samtycke").fill(start);
		page.getByLabel("Anmälande part").selectOption(new com.microsoft.playwright.options.SelectOption()
			.setLabel("Södermalms psykosmottagning (Region Stockholm)"));
		page.getByLabel("Utbildning").selectOption("UPPER_SECONDARY_3");
		page.getByLabel("Tid utan arbete eller studier").selectOption("OVER_5_YEARS");
		page.getByLabel("Sysselsättning vid start").selectOption("NONE");
		page.getByLabel("Sjukersättning").check();
		page.getByLabel("Sjukersättning").press("Enter");
		page.waitForLoadState();

		assertThat(page.locator(".flash.notice").textContent()).contains("Starten är registrerad");
		String code = page.locator("h1 span").first().textContent();
		assertThat(code).startsWith("D-");
		assertThat(page.locator("main").textContent()).doesNotContain("9876");
		assertAccessible(page, "episode");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrera avslut")).click();
		page.waitForLoadState();
		assertAccessible(page, "exit form");
		page.getByLabel("Avslutsorsak").selectOption("WORK");
		page.getByLabel("Sysselsättning efter").selectOption("WORK");
		page.getByLabel("Omfattning (%)").fill("50");
		page.getByLabel("Lön").check();
		page.getByLabel("Omfattning (%)").press("Enter");
		page.waitForLoadState();
		assertThat(page.locator(".flash.notice").textContent()).contains("Avslutet är registrerat");
		Duration took = Duration.between(began, Instant.now());
		// The issue asks for a start and an exit in under a minute; the time is reported, not asserted.
		System.out.println("Start and exit registered by the project leader in " + took.toMillis() + " ms");
		page.context().close();

		Page kansli = signIn(browser, "demo-kansli", url(""));
		kansli.navigate(url("/forbund/stockholm/uppfoljning"));
		kansli.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Integrering av IPS i psykosvården")).click();
		kansli.waitForLoadState();
		kansli.getByLabel("Visa", new Page.GetByLabelOptions().setExact(true)).selectOption("ENDED");
		kansli.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa")).click();
		kansli.waitForLoadState();
		PlaywrightAssertions.assertThat(kansli.locator("main table").first()).containsText(code);
		PlaywrightAssertions.assertThat(kansli.locator("main table").first()).containsText("Arbete");
		PlaywrightAssertions.assertThat(kansli.locator("#status")).hasValue("ENDED");
		assertAccessible(kansli, "participant list");
		kansli.context().close();
	}
}
