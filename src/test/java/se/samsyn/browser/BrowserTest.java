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
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Samsyn running on a random port, driven by Debian's Chromium through Playwright (which never
 * downloads a browser of its own), with axe-core checking accessibility.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

	protected static Playwright playwright;
	protected static Browser browser;

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

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** axe-core ran its rules and found no violation. */
	protected static void assertAccessible(Page page, String name) {
		AxeResults results = new AxeBuilder(page).analyze();
		assertThat(results.getPasses()).as("axe ran its rules on %s", name).isNotEmpty();
		assertThat(results.getViolations())
			.as("axe violations on %s: %s", name, results.getViolations().stream()
				.map(v -> v.getId() + ": " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList()).toList())
			.isEmpty();
	}
}
