package se.samsyn.access.internal;

import org.springframework.stereotype.Component;

import se.samsyn.access.SamsynUser;
import se.samsyn.access.SecurityProperties;
import se.samsyn.platform.Installation;

/** Whether a user must pass a second factor: by setting, or by default everywhere but a demo installation. */
@Component
public class SecondFactorPolicy {

	private final SecurityProperties properties;
	private final Installation installation;

	SecondFactorPolicy(SecurityProperties properties, Installation installation) {
		this.properties = properties;
		this.installation = installation;
	}

	public boolean enforced() {
		return properties.requireMfa() != null ? properties.requireMfa() : !installation.demo();
	}

	public boolean requiredFor(SamsynUser user) {
		return user.requiresSecondFactor() && enforced();
	}
}
