package se.samsyn.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.Test;

/** A citizen, not logged in, finds an insats in the catalogue by a word form and by district. */
class CatalogBrowserTests extends BrowserTest {

	@Test
	void findsAnInsatsByAWordFormAndByDistrictWithoutLoggingIn() {
		Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
		page.navigate(url("/katalog"));
		assertAccessible(page, "catalogue");

		// The plan says "trädgård"; the visitor types the plural.
		page.getByLabel("Sök", new Page.GetByLabelOptions().setExact(true)).fill("trädgårdar");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök").setExact(true)).click();
		page.waitForLoadState();
		assertThat(page.locator("ul.results").textContent()).contains("Aktivitetsplatsen");
		assertThat(page.url()).contains("q=tr%C3%A4dg%C3%A5rdar");
		assertAccessible(page, "results");

		page.getByLabel("Sök", new Page.GetByLabelOptions().setExact(true)).fill("");
		page.selectOption("#plats", new com.microsoft.playwright.options.SelectOption().setLabel("Järva, Stockholm"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök").setExact(true)).click();
		page.waitForLoadState();
		assertThat(page.locator("ul.results").textContent()).contains("Aktivitetsplatsen")
			.doesNotContain("IPS för personer med beroendeproblematik");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aktivitetsplatsen")).click();
		page.waitForLoadState();
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

}
