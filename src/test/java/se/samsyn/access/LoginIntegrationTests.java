package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import se.samsyn.IntegrationTest;

class LoginIntegrationTests extends IntegrationTest {

	@Autowired
	private SecurityProperties properties;

	@Test
	void theLoginPageIsSwedishAndEveryOtherPageAsksForLogin() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Logga in i Samsyn")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"sv\"")));
		mvc.perform(get("/forbund/stockholm")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void aDemoUserLogsInAndSeesTheirFörbund() throws Exception {
		var session = login("demo-admin");
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/forbund/stockholm"));
		mvc.perform(get("/forbund/stockholm").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Samordningsförbundet Stockholms stad")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enskede-Årsta-Vantör")));
	}

	@Test
	void aUserWithSeveralFörbundChoosesOne() throws Exception {
		var session = login("demo-kansli");
		mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Samordningsförbundet Östra Södertörn")));
		mvc.perform(get("/byt-forbund").param("code", "ostra-sodertorn").session(session))
			.andExpect(redirectedUrl("/forbund/ostra-sodertorn"));
		mvc.perform(get("/byt-forbund").param("code", "sodertalje").session(session)).andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordSaysSoWithoutTellingWhetherTheUserExists() throws Exception {
		attempt("demo-admin", "fel-lösenord").andExpect(redirectedUrl("/login?error"));
		attempt("ingen-sadan-anvandare", "fel-lösenord").andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/login").param("error", "")).andExpect(
				content().string(org.hamcrest.Matchers.containsString("Fel användarnamn eller lösenord.")));
	}

	@Test
	void repeatedWrongPasswordsSlowDownAndThenLockTheAccount() throws Exception {
		String username = newUser("lockout", "stockholm", Role.VIEWER);
		// The clock stands still, so no attempt gets through a wait by a slow machine, and moves past each wait.
		clock.hold();
		for (int i = 0; i < 4; i++) {
			attempt(username, "wrong-" + i).andExpect(redirectedUrl("/login?error"));
		}
		// Past the free attempts the next try must wait, even with the right password.
		String waiting = attempt(username, DEMO_PASSWORD).andReturn().getResponse().getRedirectedUrl();
		assertThat(waiting).startsWith("/login?wait=");
		mvc.perform(get(waiting)).andExpect(content().string(org.hamcrest.Matchers.containsString("Vänta")));

		clock.advance(properties.loginDelay().minusMillis(1));
		assertThat(attempt(username, "wrong-5").andReturn().getResponse().getRedirectedUrl())
			.as("a moment before the wait is over").startsWith("/login?wait=");
		clock.advance(Duration.ofMillis(1));
		attempt(username, "wrong-5").andExpect(redirectedUrl("/login?error"));
		clock.advance(properties.maxLoginDelay());
		attempt(username, "wrong-6").andExpect(redirectedUrl("/login?locked"));
		clock.advance(properties.maxLoginDelay());
		attempt(username, DEMO_PASSWORD).andExpect(redirectedUrl("/login?locked"));
		// The lock ends by itself once its time is up.
		clock.advance(properties.lockDuration().minus(properties.maxLoginDelay()).minusSeconds(1));
		attempt(username, DEMO_PASSWORD).andExpect(redirectedUrl("/login?locked"));
		clock.advance(Duration.ofSeconds(1));
		assertThat(attempt(username, DEMO_PASSWORD).andReturn().getResponse().getRedirectedUrl()).doesNotStartWith("/login");
		assertThat(jdbc.sql("select count(*) from audit_event a join app_user u on a.target_id = cast(u.id as varchar(60)) "
				+ "where u.username = ? and a.action = 'ACCOUNT_LOCKED'").param(username).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void parallelGuessesAreCountedOneByOne() throws Exception {
		String username = newUser("parallel", "stockholm", Role.VIEWER);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			var checked = new java.util.concurrent.atomic.AtomicInteger();
			var tasks = new java.util.ArrayList<java.util.concurrent.Callable<String>>();
			for (int i = 0; i < 24; i++) {
				int n = i;
				tasks.add(() -> attempt(username, "gissning-" + n).andReturn().getResponse().getRedirectedUrl());
			}
			for (var result : pool.invokeAll(tasks)) {
				if ("/login?error".equals(result.get()) || "/login?locked".equals(result.get())) {
					checked.incrementAndGet();
				}
			}
			assertThat(checked.get()).as("passwords actually checked before the waits and the lock").isLessThanOrEqualTo(6);
			assertThat(jdbc.sql("select failed_logins from app_user where username = ?").param(username).query(Integer.class).single())
				.isEqualTo(checked.get());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void unknownUsernamesAreThrottledLikeRealOnes() throws Exception {
		String nobody = "ingen-" + System.nanoTime();
		for (int i = 0; i < 4; i++) {
			attempt(nobody, "gissning-" + i).andExpect(redirectedUrl("/login?error"));
		}
		assertThat(attempt(nobody, "gissning").andReturn().getResponse().getRedirectedUrl()).startsWith("/login?wait=");
	}

	@Test
	void loggingOutEndsTheSession() throws Exception {
		var session = login("demo-styrelse");
		mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/forbund/stockholm").session(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		var session = new org.springframework.mock.web.MockHttpSession();
		mvc.perform(post("/login").session(session).param("username", "demo-admin").param("password", DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?timeout"));
		mvc.perform(get("/forbund/stockholm").session(session)).andExpect(redirectedUrl("/login"));
		var signedIn = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/medlemmar/ny").session(signedIn).param("kind", "STATE").param("name", "Utan token"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from member where name = 'Utan token'").query(Long.class).single()).isZero();
	}

	@Test
	void successfulAndFailedLoginsAreAudited() throws Exception {
		String username = newUser("audited", "stockholm", Role.VIEWER);
		attempt(username, "wrong").andExpect(redirectedUrl("/login?error"));
		login(username);
		var actions = jdbc.sql("select a.action from audit_event a join app_user u on a.target_id = cast(u.id as varchar(60)) "
				+ "where u.username = ? and a.target_type = 'USER' order by a.id").param(username).query(String.class).list();
		assertThat(actions).contains("LOGIN_FAILED", "LOGIN_SUCCEEDED");
	}

	private ResultActions attempt(String username, String password) throws Exception {
		return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password));
	}
}
