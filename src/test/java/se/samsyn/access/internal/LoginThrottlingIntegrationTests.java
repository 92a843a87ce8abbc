package se.samsyn.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.samsyn.IntegrationTest;
import se.samsyn.access.SecurityProperties;
import se.samsyn.platform.SecretBox;

/**
 * Password spraying: one address trying a likely password on many usernames. Each test has an address of its own,
 * from the ranges reserved for documentation, so no other test's logins (from 127.0.0.1) are throttled.
 */
class LoginThrottlingIntegrationTests extends IntegrationTest {

	@Autowired
	private SecurityProperties properties;

	@Autowired
	private LoginAttempts attempts;

	@Autowired
	private SecretBox secrets;

	@Test
	void sprayingManyUsernamesFromOneAddressIsThrottledThereAndNowhereElse() throws Exception {
		String sprayer = "203.0.113.7";
		String prefix = "spray-" + System.nanoTime() + "-";
		int limit = properties.addressFailedUsernames();
		for (int i = 0; i < limit; i++) {
			assertThat(attempt(prefix + i, "Sommar2026!", sprayer)).isEqualTo("/login?error");
		}
		for (int i = limit; i < limit + 5; i++) {
			assertThat(attempt(prefix + i, "Sommar2026!", sprayer)).startsWith("/login?wait=");
		}
		// From there even the right password of a real account is not checked, with the same Swedish answer.
		String waiting = attempt("demo-styrelse", DEMO_PASSWORD, sprayer);
		assertThat(waiting).startsWith("/login?wait=");
		mvc.perform(get(waiting)).andExpect(content().string(Matchers.containsString("För många misslyckade försök. Vänta")));

		String elsewhere = "198.51.100.7";
		assertThat(attempt(prefix + "annan", "Sommar2026!", elsewhere)).isEqualTo("/login?error");
		assertThat(attempt("demo-styrelse", DEMO_PASSWORD, elsewhere)).doesNotStartWith("/login");
	}

	@Test
	void theCountsLiveInTheDatabaseAsKeyedHashesOnly() throws Exception {
		String sprayer = "203.0.113.8";
		String prefix = "db-spray-" + System.nanoTime() + "-";
		int limit = properties.addressFailedUsernames();
		for (int i = 0; i < limit; i++) {
			attempt(prefix + i, "Sommar2026!", sprayer);
		}
		String key = attempts.addressKey(sprayer);
		assertThat(key).isEqualTo(secrets.fingerprint(sprayer, "login-address")).doesNotContain(sprayer);
		assertThat(jdbc.sql("select count(*) from login_address_failure where address_hash = ?").param(key).query(Long.class).single())
			.isEqualTo(limit);
		assertThat(jdbc.sql("select count(*) from login_unknown_user where username_hash = ?").param(attempts.usernameKey(prefix + "0"))
			.query(Long.class).single()).as("the unknown username's own count").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from login_address where address_hash like ? or address_hash like '%.%'")
			.param("%" + sprayer + "%").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from login_unknown_user where username_hash like 'db-spray-%'").query(Long.class).single())
			.isZero();

		// Another instance of Samsyn on the same database knows nothing in memory and still refuses the address.
		var otherInstance = new LoginAttempts(jdbc, secrets, properties, clock);
		assertThat(otherInstance.blockedUntil(key, clock.instant())).isPresent();
		assertThat(attempt(prefix + "fler", "Sommar2026!", sprayer)).startsWith("/login?wait=");
	}

	@Test
	void oneUserMistypingFromAnOfficeAddressCountsOnceAndASuccessForgetsItsOwnTyposOnly() throws Exception {
		String office = "192.0.2.7";
		String colleague = newUser("office", "stockholm", se.samsyn.access.Role.VIEWER);
		String typist = newUser("typist", "stockholm", se.samsyn.access.Role.VIEWER);
		attempt(colleague, "fel", office);
		for (int i = 0; i < 3; i++) {
			assertThat(attempt(typist, "fel-" + i, office)).isEqualTo("/login?error");
		}
		String key = attempts.addressKey(office);
		assertThat(failures(key)).as("different usernames are counted, not attempts").isEqualTo(2);
		assertThat(attempt(typist, DEMO_PASSWORD, office)).doesNotStartWith("/login");
		assertThat(failures(key)).as("the colleague's failure still counts").isEqualTo(1);
	}

	private long failures(String addressKey) {
		return jdbc.sql("select count(*) from login_address_failure where address_hash = ?").param(addressKey).query(Long.class).single();
	}

	private String attempt(String username, String password, String remoteAddress) throws Exception {
		return mvc.perform(post("/login").with(csrf()).with(request -> {
			request.setRemoteAddr(remoteAddress);
			return request;
		}).param("username", username).param("password", password)).andReturn().getResponse().getRedirectedUrl();
	}
}
