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

/** A citizen, not logged in, finds an insats in the catalogue by a word form and by district. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogBrowserTests {

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
	void findsAnInsatsByAWordFormAndByDistrictWithoutLoggingIn() {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		page.navigate(url("/katalog"));
		assertAccessible(page, "catalogue");

		// The plan says "trädgård"; the visitor types the plural.
		page.getByLabel("Sök", new Page.GetByLabelOptions().setExact(true)).fill("trädgårdar");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök").setExact(true)).click();
		assertThat(page.locator("ul.results").textContent()).contains("Aktivitetsplatsen");
		assertThat(page.url()).contains("q=tr%C3%A4dg%C3%A5rdar");
		assertAccessible(page, "results");

		page.getByLabel("Sök", new Page.GetByLabelOptions().setExact(true)).fill("");
		page.selectOption("#plats", new com.microsoft.playwright.options.SelectOption().setLabel("Järva, Stockholm"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök").setExact(true)).click();
		assertThat(page.locator("ul.results").textContent()).contains("Aktivitetsplatsen")
			.doesNotContain("IPS för personer med beroendeproblematik");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aktivitetsplatsen")).click();
		assertThat(page.locator("h1").textContent()).isEqualTo("Aktivitetsplatsen");
		assertThat(page.locator("main").textContent()).contains("Vad får du?", "Hur kommer du dit?");
		assertThat(page.locator("main").textContent()).doesNotContain("tkr").doesNotContain("Förväntat resultat");
		assertAccessible(page, "entry");
		page.close();
	}

	@Test
	void theCatalogueWorksOnAPhoneWithoutJavaScript() {
		var context = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false).setViewportSize(390, 844));
		Page phone = context.newPage();
		phone.navigate(url("/katalog?q=unga"));
		assertThat(phone.locator("ul.results li").count()).isPositive();
		Object overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).isEqualTo(false);
		context.close();
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
