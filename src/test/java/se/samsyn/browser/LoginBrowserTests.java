package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logs in, switches förbund and logs out in Debian's Chromium, checking each page with axe-core. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBrowserTests {

	private static Playwright playwright;
	private static Browser browser;

	@LocalServerPort
	private int port;

	private Page page;

	@BeforeAll
	static void launch() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
			.setExecutablePath(Path.of("/usr/bin/chromium"))
			.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	@AfterAll
	static void close() {
		browser.close();
		playwright.close();
	}

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
		assertAccessible("login");
		page.getByLabel("Användarnamn").fill("demo-kansli");
		page.getByLabel("Lösenord").fill("samsyn-demo");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Logga in")).click();

		assertThat(page.locator("h1").textContent()).contains("Välkommen");
		assertAccessible("start");

		page.selectOption("#switch-association", "ostra-sodertorn");
		page.waitForURL(url("/forbund/ostra-sodertorn"));
		assertThat(page.locator("h1").textContent()).isEqualTo("Samordningsförbundet Östra Södertörn");
		assertThat(page.locator("main").textContent()).contains("Tyresö", "Nynäshamn", "Haninge");
		assertAccessible("overview");

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
		phone.navigate(url("/forbund/stockholm/anvandare/ny"));
		phone.click("main form button[type=submit]");
		assertThat(phone.locator("#error-summary").textContent()).contains("Välj minst en roll");
		Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
		AxeResults results = new AxeBuilder(phone).analyze();
		assertThat(results.getViolations()).as("axe violations on the user form").isEmpty();
		phone.close();
	}

	private void assertAccessible(String name) {
		AxeResults results = new AxeBuilder(page).analyze();
		assertThat(results.getPasses()).as("axe ran its rules on %s", name).isNotEmpty();
		assertThat(results.getViolations())
			.as("axe violations on %s: %s", name, results.getViolations().stream()
				.map(v -> v.getId() + " " + v.getNodes().size()).toList())
			.isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
