package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Logs in, switches förbund and logs out in Debian's Chromium, checking each page with axe-core. */
class LoginBrowserTests extends BrowserTest {

	private Page page;

	@BeforeEach
	void openPage() {
		page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
	}

	@AfterEach
	void closePage() {
		page.close();
	}

	@Test
	void logsInSwitchesFörbundAndLogsOut() {
		page.navigate(url("/login"));
		assertAccessible(page, "login");
		page.getByLabel("Användarnamn").fill("demo-kansli");
		page.getByLabel("Lösenord").fill("samsyn-demo");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Logga in")).click();

		assertThat(page.locator("h1").textContent()).contains("Välkommen");
		assertAccessible(page, "start");

		page.selectOption("#switch-association", "ostra-sodertorn");
		page.waitForURL(url("/forbund/ostra-sodertorn"));
		assertThat(page.locator("h1").textContent()).isEqualTo("Samordningsförbundet Östra Södertörn");
		assertThat(page.locator("main").textContent()).contains("Tyresö", "Nynäshamn", "Haninge");
		assertAccessible(page, "overview");

		page.selectOption("#switch-association", "stockholm");
		page.waitForURL(url("/forbund/stockholm"));
		assertThat(page.locator("main").textContent()).contains("Enskede-Årsta-Vantör");

		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Logga ut")).click();
		page.waitForURL(url("/login?logout"));
		assertThat(page.locator("main").textContent()).contains("Du är utloggad.");
		page.navigate(url("/forbund/stockholm"));
		assertThat(page.url()).isEqualTo(url("/login"));
	}

	@Test
	void theSwitcherWorksWithoutJavaScript() {
		var context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		Page plain = context.newPage();
		plain.navigate(url("/login"));
		plain.fill("#username", "demo-kansli");
		plain.fill("#password", "samsyn-demo");
		plain.click("button[type=submit]");
		plain.selectOption("#switch-association", "ostra-sodertorn");
		plain.click(".switcher button");
		assertThat(plain.url()).isEqualTo(url("/forbund/ostra-sodertorn"));
		context.close();
	}

	@Test
	void anAdminPageIsAccessibleOnAPhone() {
		Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
		phone.navigate(url("/login"));
		phone.fill("#username", "demo-admin");
		phone.fill("#password", "samsyn-demo");
		phone.click("button[type=submit]");
		phone.waitForLoadState();
		phone.navigate(url("/forbund/stockholm/anvandare/ny"));
		phone.click("main form button[type=submit]");
		phone.waitForLoadState();
		assertThat(phone.locator("#error-summary").textContent()).contains("Välj minst en roll");
		Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
		assertAccessible(phone, "the user form on a phone");
		phone.close();
	}

}
