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
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The kansli registers an insats through the pages, takes it through beredning and the board's decision. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InterventionBrowserTests {

	private static Playwright playwright;
	private static Browser browser;

	@LocalServerPort
	private int port;

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

	@Test
	void anInsatsIsRegisteredPreparedDecidedAndListed() {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		page.navigate(url("/login"));
		page.fill("#username", "demo-kansli");
		page.fill("#password", "samsyn-demo");
		page.click("main button[type=submit]");
		page.navigate(url("/forbund/stockholm/insatser"));
		assertAccessible(page, "list");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny insats")).click();

		page.getByLabel("Insats", new Page.GetByLabelOptions().setExact(true)).fill("Jobbspåret Järva");
		page.getByLabel("Kort beskrivning").fill("Stöd till arbete för unga vuxna i Järva.");
		page.getByLabel("Individinriktad").check();
		page.getByLabel("Arbetsförmedlingen").check();
		page.getByLabel("Stockholms stad").check();
		page.getByLabel("Unga vuxna 16–29 år").check();
		page.getByLabel("Järva").check();
		assertAccessible(page, "form");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();

		assertThat(page.locator("h1").textContent()).isEqualTo("Jobbspåret Järva");
		assertThat(page.locator("main").textContent()).contains("Förslag", "Insatsen är registrerad som förslag.");
		assertAccessible(page, "detail");

		page.getByLabel("Beredd av beredningsgruppen").check();
		page.locator("#decision-decidedOn").fill("2026-10-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera")).click();
		assertThat(page.locator("main p .tag").first().textContent()).isEqualTo("Beredd");

		page.getByLabel("Beviljad av styrelsen").check();
		page.locator("#decision-decidedOn").fill("2026-10-20");
		page.locator("#decision-reference").fill("§ 14");
		page.locator("#decision-amountKr").fill("1 800 000");
		page.locator("#decision-periodStart").fill("2027-01-01");
		page.locator("#decision-periodEnd").fill("2027-12-31");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera")).click();
		assertThat(page.locator("main p .tag").first().textContent()).isEqualTo("Beslutad");
		assertThat(page.locator("main").textContent()).contains("Beviljad", "§ 14", "1\u00A0800\u00A0000\u00A0kr");

		page.navigate(url("/forbund/stockholm/insatser?status=DECIDED"));
		assertThat(page.locator("main table").textContent()).contains("Jobbspåret Järva");
		page.navigate(url("/forbund/stockholm/beslut"));
		assertThat(page.locator("main table").textContent()).contains("Jobbspåret Järva", "Beredningsgruppen", "Styrelsen");
		page.navigate(url("/forbund/stockholm/budget?from=2024"));
		assertAccessible(page, "budget table");
		page.close();
	}

	private static void assertAccessible(Page page, String name) {
		AxeResults results = new AxeBuilder(page).analyze();
		assertThat(results.getPasses()).isNotEmpty();
		assertThat(results.getViolations())
			.as("axe violations on %s: %s", name, results.getViolations().stream()
				.map(v -> v.getId() + ": " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList())
			.isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
