package se.samsyn.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import se.samsyn.IntegrationTest;
import se.samsyn.access.Role;
import se.samsyn.access.SecurityProperties;

@TestPropertySource(properties = "samsyn.security.require-mfa=true")
class SecondFactorIntegrationTests extends IntegrationTest {

	private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>");
	private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code></li>");

	@Autowired
	private SecurityProperties properties;

	@Test
	void aRoleWithPersonalDataReachesNoPageBeforeTheSecondFactor() throws Exception {
		String username = newUser("mfa-office", "stockholm", Role.OFFICE);
		clock.hold(); // no code runs out between reading it and typing it
		MockHttpSession session = login(username);
		for (String page : List.of("/", "/forbund/stockholm", "/konto", "/forbund/stockholm/logg", "/system/forbund")) {
			mvc.perform(get(page).session(session)).andExpect(redirectedUrl("/mfa"));
		}

		String setup = mvc.perform(get("/mfa").session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(setup).contains("<svg").contains("Slå på tvåstegsverifiering");
		String secret = find(SECRET, setup).replace(" ", "");
		assertThat(jdbc.sql("select mfa_secret from app_user where username = ?").param(username).query(String.class).single())
			.as("the secret is stored encrypted").isNotNull().doesNotContain(secret);

		mvc.perform(post("/mfa/installera").session(session).with(csrf()).param("code", "000000"))
			.andExpect(status().isOk());
		// A wrong code starts a fresh enrolment with a new secret.
		String retry = mvc.perform(get("/mfa").session(session)).andReturn().getResponse().getContentAsString();
		secret = find(SECRET, retry).replace(" ", "");

		String codes = mvc.perform(post("/mfa/installera").session(session).with(csrf())
				.param("code", Totp.code(secret, Totp.step(clock.instant()))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Matcher recovery = RECOVERY.matcher(codes);
		assertThat(recovery.find()).as("recovery codes are shown once").isTrue();
		String recoveryCode = recovery.group(1);
		mvc.perform(get("/forbund/stockholm").session(session)).andExpect(status().isOk());

		// Next login: the code from the app, each code once; or a recovery code, each once.
		MockHttpSession second = login(username);
		mvc.perform(get("/forbund/stockholm").session(second)).andExpect(redirectedUrl("/mfa"));
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS)); // the app shows the next code
		String code = Totp.code(secret, Totp.step(clock.instant()));
		mvc.perform(post("/mfa").session(second).with(csrf()).param("code", code)).andExpect(redirectedUrl("/"));
		mvc.perform(get("/forbund/stockholm").session(second)).andExpect(status().isOk());

		MockHttpSession replay = login(username);
		mvc.perform(post("/mfa").session(replay).with(csrf()).param("code", code)).andExpect(status().isOk());
		mvc.perform(get("/forbund/stockholm").session(replay)).andExpect(redirectedUrl("/mfa"));
		mvc.perform(post("/mfa/aterstallningskod").session(replay).with(csrf()).param("recoveryCode", recoveryCode))
			.andExpect(status().isOk());
		mvc.perform(get("/forbund/stockholm").session(replay)).andExpect(status().isOk());

		MockHttpSession reused = login(username);
		mvc.perform(post("/mfa/aterstallningskod").session(reused).with(csrf()).param("recoveryCode", recoveryCode))
			.andExpect(status().isOk());
		mvc.perform(get("/forbund/stockholm").session(reused)).andExpect(redirectedUrl("/mfa"));
	}

	@Test
	void fiveWrongCodesEndTheSession() throws Exception {
		String username = newUser("mfa-guess", "stockholm", Role.PROJECT_LEADER);
		MockHttpSession session = login(username);
		mvc.perform(get("/mfa").session(session)).andExpect(status().isOk());
		for (int i = 0; i < 4; i++) {
			mvc.perform(post("/mfa/installera").session(session).with(csrf()).param("code", "12345" + i))
				.andExpect(status().isOk());
		}
		mvc.perform(post("/mfa/installera").session(session).with(csrf()).param("code", "123459"))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aSecondLoginInTheSameSessionMustPassItsOwnSecondFactor() throws Exception {
		String first = newUser("mfa-first", "stockholm", Role.OFFICE);
		String second = newUser("mfa-second", "stockholm", Role.ASSOCIATION_ADMIN);
		MockHttpSession session = login(first);
		String secret = find(SECRET, mvc.perform(get("/mfa").session(session)).andReturn().getResponse().getContentAsString())
			.replace(" ", "");
		mvc.perform(post("/mfa/installera").session(session).with(csrf()).param("code", Totp.code(secret, Totp.step(clock.instant()))))
			.andExpect(status().isOk());
		mvc.perform(get("/forbund/stockholm").session(session)).andExpect(status().isOk());

		mvc.perform(post("/login").session(session).with(csrf()).param("username", second).param("password", DEMO_PASSWORD))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/forbund/stockholm/anvandare").session(session)).andExpect(redirectedUrl("/mfa"));
	}

	@Test
	void guessingCodesOverManySessionsLocksTheAccount() throws Exception {
		String username = newUser("mfa-brute", "stockholm", Role.OFFICE);
		MockHttpSession setup = login(username);
		String secret = find(SECRET, mvc.perform(get("/mfa").session(setup)).andReturn().getResponse().getContentAsString())
			.replace(" ", "");
		mvc.perform(post("/mfa/installera").session(setup).with(csrf()).param("code", Totp.code(secret, Totp.step(clock.instant()))));
		clock.hold();
		String locked = null;
		for (int attempt = 0; attempt < 12 && locked == null; attempt++) {
			clock.advance(properties.maxLoginDelay()); // past the longest wait between attempts
			MockHttpSession session = new MockHttpSession();
			String afterLogin = mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
					.param("password", DEMO_PASSWORD)).andReturn().getResponse().getRedirectedUrl();
			if (afterLogin.startsWith("/login?locked")) {
				locked = afterLogin;
				break;
			}
			if (afterLogin.startsWith("/login?wait")) {
				continue;
			}
			String answer = mvc.perform(post("/mfa").session(session).with(csrf()).param("code", "000000"))
				.andReturn().getResponse().getRedirectedUrl();
			if (answer != null && answer.startsWith("/login?locked")) {
				locked = answer;
			}
		}
		assertThat(locked).as("wrong codes count against the account and lock it").isNotNull();
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void aViewerNeedsNoSecondFactor() throws Exception {
		MockHttpSession session = login("demo-styrelse");
		mvc.perform(get("/forbund/stockholm").session(session)).andExpect(status().isOk());
	}

	@Test
	void anAdminResetsAUsersSecondFactorAndTheUserEnrolsAgain() throws Exception {
		String username = newUser("mfa-reset", "stockholm", Role.OFFICE);
		MockHttpSession session = login(username);
		String secret = find(SECRET, mvc.perform(get("/mfa").session(session)).andReturn().getResponse().getContentAsString())
			.replace(" ", "");
		mvc.perform(post("/mfa/installera").session(session).with(csrf()).param("code", Totp.code(secret, Totp.step(clock.instant()))))
			.andExpect(status().isOk());
		long userId = users.idOf(username).orElseThrow();
		users.resetSecondFactor(associationId("stockholm"), userId);
		assertThat(jdbc.sql("select mfa_enabled from app_user where id = ?").param(userId).query(Boolean.class).single()).isFalse();
		MockHttpSession again = login(username);
		String page = mvc.perform(get("/mfa").session(again)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Slå på tvåstegsverifiering");
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("pattern %s in page", pattern).isTrue();
		return matcher.group(1);
	}
}
