package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.samsyn.IntegrationTest;

class UserAdminIntegrationTests extends IntegrationTest {

	@Test
	void anAdminCreatesAUserWhoMustChooseTheirOwnPassword() throws Exception {
		var admin = login("demo-admin");
		String username = "ny-ekonom-" + System.nanoTime() % 100000;
		String page = mvc.perform(post("/forbund/stockholm/anvandare/ny").session(admin).with(csrf())
				.param("displayName", "Åsa Öberg").param("username", username).param("email", "asa@example.se")
				.param("roles", "OFFICE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Användaren är skapad")))
			.andReturn().getResponse().getContentAsString();
		Matcher matcher = Pattern.compile("<code class=\"secret\">([a-z2-9-]+)</code>").matcher(page);
		assertThat(matcher.find()).isTrue();
		String oneTime = matcher.group(1);

		mvc.perform(get("/forbund/stockholm/anvandare").session(admin))
			.andExpect(content().string(containsString("Åsa Öberg")));

		var user = login(username, oneTime);
		mvc.perform(get("/forbund/stockholm").session(user)).andExpect(redirectedUrl("/konto/losenord"));
		mvc.perform(post("/konto/losenord").session(user).with(csrf()).param("current", oneTime)
				.param("next", "kort").param("repeated", "kort"))
			.andExpect(content().string(containsString("Lösenordet måste ha minst 12 tecken.")));
		mvc.perform(post("/konto/losenord").session(user).with(csrf()).param("current", oneTime)
				.param("next", "ett långt och eget lösenord").param("repeated", "ett långt och eget lösenord"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/forbund/stockholm").session(user)).andExpect(status().isOk());
		login(username, "ett långt och eget lösenord");
	}

	@Test
	void invalidInputIsRefusedWithSwedishMessagesAndNothingIsSaved() throws Exception {
		var admin = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/anvandare/ny").session(admin).with(csrf())
				.param("displayName", "").param("username", "A B").param("email", "inte-en-adress"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Användarnamnet ska vara 3–60 tecken")))
			.andExpect(content().string(containsString("Skriv användarens namn")))
			.andExpect(content().string(containsString("E-postadressen ser inte rätt ut.")))
			.andExpect(content().string(containsString("Välj minst en roll.")));
		mvc.perform(post("/forbund/stockholm/anvandare/ny").session(admin).with(csrf())
				.param("displayName", "Dubblett").param("username", "demo-kansli").param("roles", "VIEWER"))
			.andExpect(content().string(containsString("Användarnamnet är upptaget.")));
		mvc.perform(post("/forbund/stockholm/anvandare/ny").session(admin).with(csrf())
				.param("displayName", "Systemadmin").param("username", "smygare").param("roles", "SYSTEM_ADMIN"))
			.andExpect(content().string(containsString("Välj bland rollerna i listan.")));
		assertThat(jdbc.sql("select count(*) from app_user where username in ('a b', 'smygare') or display_name = 'Dubblett'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void roleChangesApplyAtOnceAndADeactivatedUserIsSignedOut() throws Exception {
		String username = newUser("roles", "stockholm", Role.VIEWER);
		long userId = users.idOf(username).orElseThrow();
		var user = login(username);
		mvc.perform(get("/forbund/stockholm/anvandare").session(user)).andExpect(status().isForbidden());

		var admin = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/anvandare/" + userId + "/roller").session(admin).with(csrf())
				.param("roles", "ASSOCIATION_ADMIN"))
			.andExpect(redirectedUrl("/forbund/stockholm/anvandare/" + userId));
		mvc.perform(get("/forbund/stockholm/anvandare").session(user)).andExpect(status().isOk());

		mvc.perform(get("/forbund/stockholm/anvandare/" + userId + "/inaktivera").session(admin))
			.andExpect(content().string(containsString("Vill du inaktivera kontot")));
		mvc.perform(post("/forbund/stockholm/anvandare/" + userId + "/inaktivera").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/forbund/stockholm").session(user)).andExpect(redirectedUrl("/login?disabled"));
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?disabled"));
	}

	@Test
	void anAdminCannotTakeOverAUserWhoAlsoBelongsToAnotherFörbund() throws Exception {
		long kansli = users.idOf("demo-kansli").orElseThrow();
		var admin = login("demo-admin");
		mvc.perform(get("/forbund/stockholm/anvandare/" + kansli).session(admin))
			.andExpect(content().string(containsString("har roller även i andra förbund")))
			.andExpect(content().string(not(containsString("aterstall-losenord"))));
		String before = jdbc.sql("select password_hash from app_user where id = ?").param(kansli).query(String.class).single();
		mvc.perform(post("/forbund/stockholm/anvandare/" + kansli + "/aterstall-losenord").session(admin).with(csrf()))
			.andExpect(content().string(containsString("Be systemadministratören om hjälp.")));
		assertThat(jdbc.sql("select password_hash from app_user where id = ?").param(kansli).query(String.class).single())
			.isEqualTo(before);
	}

	@Test
	void aPasswordResetEndsTheUsersOtherSessions() throws Exception {
		String username = newUser("stamp", "stockholm", Role.VIEWER);
		long userId = users.idOf(username).orElseThrow();
		var user = login(username);
		mvc.perform(get("/forbund/stockholm").session(user)).andExpect(status().isOk());
		users.resetPassword(associationId("stockholm"), userId);
		mvc.perform(get("/forbund/stockholm").session(user)).andExpect(redirectedUrl("/login?reset"));
	}

	@Test
	void roleChangesAreAudited() throws Exception {
		String username = newUser("audit-role", "stockholm", Role.VIEWER);
		long userId = users.idOf(username).orElseThrow();
		var admin = login("demo-admin");
		mvc.perform(post("/forbund/stockholm/anvandare/" + userId + "/roller").session(admin).with(csrf()).param("roles", "OFFICE"));
		var events = jdbc.sql("select actor || ':' || action || ':' || detail from audit_event where target_type = 'USER' and target_id = ? and actor = 'demo-admin'")
			.param(String.valueOf(userId)).query(String.class).list();
		assertThat(events).contains("demo-admin:ROLE_GRANTED:OFFICE", "demo-admin:ROLE_REVOKED:VIEWER");
	}
}
