package se.samsyn.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new installation without demo mode gets one system administrator and no demo users or tokens.
 * It needs an empty database of its own, so it always runs on a private in-memory H2 database.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:first-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "samsyn.demo.mode=off" })
class FirstAdministratorIntegrationTests {

	@Autowired
	private JdbcClient jdbc;

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
