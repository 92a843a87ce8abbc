package se.samsyn.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

class WebSafetyIntegrationTests extends IntegrationTest {

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void htstsIsSentOverHttps() throws Exception {
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
	}

	@Test
	void noPageHasAnInlineScript() throws Exception {
		var admin = login("demo-admin");
		for (String page : new String[] { "/forbund/stockholm", "/forbund/stockholm/anvandare", "/konto", "/forbund/stockholm/logg" }) {
			mvc.perform(get(page).session(admin))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>"))))
				.andExpect(content().string(not(containsString("onclick="))))
				.andExpect(content().string(not(containsString("style=\""))));
		}
	}

	@Test
	void theInterfaceSwitchesToEnglishAndBack() throws Exception {
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("lang=\"en\"")))
			.andExpect(content().string(containsString("Username")));
		mvc.perform(get("/login").param("lang", "xx"))
			.andExpect(content().string(containsString("Användarnamn")));
	}

	@Test
	void theHealthEndpointIsPublicAndSaysNothingMore() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
	}

	@Test
	void anUnknownPageIsAFriendly404() throws Exception {
		mvc.perform(get("/forbund/finns-inte").session(login("demo-admin"))).andExpect(status().isNotFound());
	}
}
