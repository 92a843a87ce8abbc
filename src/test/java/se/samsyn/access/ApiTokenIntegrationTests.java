package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

class ApiTokenIntegrationTests extends IntegrationTest {

	@Test
	void eachDemoTokenSeesTheFörbundOfItsScope() throws Exception {
		mvc.perform(get("/api/v1/associations").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].code").value("stockholm"))
			.andExpect(jsonPath("$[0].name").value("Samordningsförbundet Stockholms stad"));
		mvc.perform(get("/api/v1/associations").header("Authorization", "Bearer samsyn-demo-sysadmin"))
			.andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
		mvc.perform(get("/api/v1/associations").header("Authorization", "Bearer samsyn-demo-analytiker"))
			.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.hasItems("stockholm", "sodertalje")))
			.andExpect(jsonPath("$[*].code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("ostra-sodertorn"))));
	}

	@Test
	void withoutAValidTokenTheApiAnswers401AsProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/associations"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/v1/associations").header("Authorization", "Bearer samsyn-demo-nobody"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title", containsString("API-nyckeln")));
	}

	@Test
	void theApiIgnoresTheBrowserSession() throws Exception {
		var session = login("demo-admin");
		mvc.perform(get("/api/v1/associations").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void aUserCreatesATokenSeesItOnceUsesItAndRevokesIt() throws Exception {
		var session = login("demo-styrelse");
		String page = mvc.perform(post("/konto/api-nycklar").session(session).with(csrf())
				.param("name", "Rapportverktyg").param("scope", String.valueOf(associationId("stockholm"))).param("validDays", "30"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher matcher = Pattern.compile("<code class=\"secret\">(samsyn_[a-z0-9]+)</code>").matcher(page);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group(1);
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single())
			.as("only the hash is stored").isZero();

		mvc.perform(get("/api/v1/associations/stockholm/members").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", org.hamcrest.Matchers.hasItem("Försäkringskassan")))
			.andExpect(jsonPath("$[0].kind").exists());

		long tokenId = jdbc.sql("select max(id) from api_token where name = 'Rapportverktyg'").query(Long.class).single();
		mvc.perform(post("/konto/api-nycklar/" + tokenId + "/aterkalla").session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/associations").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenCarriesItsOwnersRolesAsTheyAreNow() throws Exception {
		String username = newUser("token-owner", "stockholm", Role.VIEWER);
		long userId = users.idOf(username).orElseThrow();
		var session = login(username);
		String page = mvc.perform(post("/konto/api-nycklar").session(session).with(csrf())
				.param("name", "Tillfällig").param("scope", String.valueOf(associationId("stockholm"))).param("validDays", "5"))
			.andReturn().getResponse().getContentAsString();
		Matcher matcher = Pattern.compile("(samsyn_[a-z0-9]+)").matcher(page);
		assertThat(matcher.find()).isTrue();
		String token = matcher.group(1);
		mvc.perform(get("/api/v1/associations/stockholm/members").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());
		users.removeFrom(associationId("stockholm"), userId);
		mvc.perform(get("/api/v1/associations/stockholm/members").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void aTokenCannotBeScopedToAFörbundTheUserIsNotIn() throws Exception {
		var session = login("demo-styrelse");
		mvc.perform(post("/konto/api-nycklar").session(session).with(csrf())
				.param("name", "Fel förbund").param("scope", String.valueOf(associationId("sodertalje"))).param("validDays", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Välj ett förbund där du har en roll.")));
		mvc.perform(post("/konto/api-nycklar").session(session).with(csrf())
				.param("name", "För lång tid").param("scope", String.valueOf(associationId("stockholm"))).param("validDays", "9999"))
			.andExpect(content().string(containsString("En nyckel kan gälla från 1 till 366 dagar.")));
		assertThat(jdbc.sql("select count(*) from api_token where name in ('Fel förbund', 'För lång tid')").query(Long.class).single())
			.isZero();
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/associations']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/associations/{associationCode}/members']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.bearer").exists());
	}

	@Test
	void unknownApiPathsAnswerProblemDetailsInSwedish() throws Exception {
		mvc.perform(get("/api/v1/finns-inte").header("Authorization", "Bearer samsyn-demo-kansli"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Resursen finns inte"));
	}
}
