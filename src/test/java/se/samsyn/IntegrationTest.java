package se.samsyn;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.UserManagement;

/**
 * The running application on the suite's database (H2 or PostgreSQL) with the demo data, driven
 * through its pages and API as a browser or an integration would. Its clock is a {@link MutableClock} that a test
 * may hold or move forward instead of sleeping; it is back on the application's clock after every test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestClockConfiguration.class, MockSessionCookies.class })
public abstract class IntegrationTest {

	public static final String DEMO_PASSWORD = "samsyn-demo";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected UserManagement users;

	@Autowired
	protected MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Logs in through the login form and returns the session, as a browser would keep it. */
	protected MockHttpSession login(String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", username).param("password", password))
			.andExpect(status().is3xxRedirection());
		return session;
	}

	protected MockHttpSession login(String username) throws Exception {
		return login(username, DEMO_PASSWORD);
	}

	protected long associationId(String code) {
		return jdbc.sql("select id from association where code = ?").param(code).query(Long.class).single();
	}

	/** A new user with a known password, for tests that change or lock accounts. */
	protected String newUser(String prefix, String associationCode, Role role) {
		String username = prefix + "-" + System.nanoTime() % 1_000_000_000L;
		users.create(new UserManagement.NewUser(username, "Test " + prefix, null, DEMO_PASSWORD,
				List.of(new Grant(role.installationWide() ? null : associationId(associationCode), role))));
		return username;
	}
}
