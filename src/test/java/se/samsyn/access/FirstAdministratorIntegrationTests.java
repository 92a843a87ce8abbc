package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new installation without demo mode gets one system administrator and no demo users or tokens. It needs an
 * empty database of its own on the suite's database: a private in-memory H2 database, or on PostgreSQL a fresh
 * schema in the suite's database, migrated by Flyway like a new installation.
 */
@SpringBootTest(properties = "samsyn.demo.mode=off")
class FirstAdministratorIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void emptyDatabase(DynamicPropertyRegistry registry) {
		String suite = System.getenv("SAMSYN_TEST_DB_URL");
		if (suite == null || suite.isBlank()) {
			registry.add("spring.datasource.url",
					() -> "jdbc:h2:mem:first-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			registry.add("spring.datasource.username", () -> "sa");
			registry.add("spring.datasource.password", () -> "");
			return;
		}
		String schema = "first_start_" + System.currentTimeMillis();
		registry.add("spring.datasource.url", () -> suite + (suite.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		registry.add("spring.flyway.schemas", () -> schema);
	}

	@Test
	void createsOneSystemAdministratorWhoMustChangeTheOneTimePassword() {
		assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("admin");
		assertThat(jdbc.sql("select must_change_password from app_user").query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select role from role_assignment").query(String.class).list()).containsExactly("SYSTEM_ADMIN");
		assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from association").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from installation_setting").query(Long.class).single()).isZero();
	}
}
