package se.samsyn.access.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import se.samsyn.access.Grant;
import se.samsyn.access.Role;
import se.samsyn.access.UserManagement;
import se.samsyn.platform.Installation;

/**
 * A new installation without demo data gets one system administrator, {@code admin}. Its one-time
 * password is printed once to the log (the only secret Samsyn ever logs) unless the operator set
 * one with {@code SAMSYN_ADMIN_PASSWORD}.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserManagement users;
	private final Installation installation;
	private final String configuredPassword;

	FirstAdministrator(UserManagement users, Installation installation,
			@Value("${samsyn.bootstrap.admin-password:}") String configuredPassword) {
		this.users = users;
		this.installation = installation;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.hasAnyUser()) {
			return;
		}
		String password = configuredPassword == null || configuredPassword.isBlank() ? null : configuredPassword;
		// Another instance starting at the same time may have created it while this one waited for the lock.
		var created = installation.underStartLock(() -> users.hasAnyUser() ? null
				: users.create(new UserManagement.NewUser("admin", "Systemadministratör", null, password,
						List.of(new Grant(null, Role.SYSTEM_ADMIN)))));
		if (created == null) {
			return;
		}
		if (created.oneTimePassword() != null) {
			log.warn("Samsyn had no users: created the system administrator 'admin' with the one-time password {} "
					+ "(it must be changed at first login)", created.oneTimePassword());
		}
		else {
			log.warn("Samsyn had no users: created the system administrator 'admin' with the password from SAMSYN_ADMIN_PASSWORD");
		}
	}
}
