package se.samsyn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import se.samsyn.IntegrationTest;

/** What a shared cache (a proxy, a CDN) may keep of the catalogue: only what is the same for everyone. */
class CatalogCachingIntegrationTests extends IntegrationTest {

	@Test
	void anAnonymousVisitorGetsTheSharedPageWithoutSessionOrToken() throws Exception {
		MvcResult result = mvc.perform(get("/katalog").param("q", "unga")).andExpect(status().isOk()).andReturn();
		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
		assertThat(response.getHeader("Vary")).contains("Cookie");
		assertThat(response.getHeaders("Set-Cookie")).isEmpty();
		assertThat(result.getRequest().getSession(false)).as("no session is started for the public page").isNull();
		assertThat(response.getContentAsString()).doesNotContain("_csrf").contains("Logga in");
	}

	@Test
	void aSignedInUsersPageIsNeverPubliclyCacheable() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		MockHttpServletResponse response = mvc.perform(get("/katalog").param("q", "unga").session(kansli))
			.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getContentAsString()).as("the page carries the session's content")
			.contains("Demo Kansli").contains("name=\"_csrf\"");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store").doesNotContain("public");
	}

	@Test
	void aSessionWithoutLoginOrALanguageCookieBeingSetIsPrivateToo() throws Exception {
		MockHttpSession anonymous = new MockHttpSession();
		mvc.perform(get("/login").session(anonymous)); // the login page's CSRF token starts a session, still without login
		assertThat(mvc.perform(get("/katalog").session(anonymous)).andReturn().getResponse().getHeader("Cache-Control"))
			.isEqualTo("private, no-store");
		MockHttpServletResponse english = mvc.perform(get("/katalog").param("lang", "en")).andReturn().getResponse();
		assertThat(english.getHeaders("Set-Cookie")).isNotEmpty();
		assertThat(english.getHeader("Cache-Control")).isEqualTo("private, no-store");
	}

	@Test
	void theEmbeddableListAndTheOpenDataCarryNothingOfTheSessionAndStayPublic() throws Exception {
		MockHttpSession kansli = login("demo-kansli");
		MockHttpServletResponse list = mvc.perform(get("/katalog/lista").param("forbund", "stockholm").session(kansli))
			.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(list.getContentAsString()).doesNotContain("Demo Kansli").doesNotContain("_csrf");
		assertThat(list.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
		assertThat(list.getHeaders("Set-Cookie")).isEmpty();

		MockHttpServletResponse json = mvc.perform(get("/api/v1/catalog").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(json.getContentAsString()).doesNotContain("Demo Kansli").doesNotContain("demo-kansli");
		assertThat(json.getHeader("Cache-Control")).contains("public").contains("max-age=300");
		assertThat(json.getHeaders("Set-Cookie")).isEmpty();
	}
}
