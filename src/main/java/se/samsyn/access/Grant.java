package se.samsyn.access;

import java.io.Serializable;

/** One role held by a user, in one förbund, or installation-wide when {@code associationId} is null. */
public record Grant(Long associationId, Role role) implements Serializable {

	public Grant {
		if (role.installationWide() != (associationId == null)) {
			throw new IllegalArgumentException(role + " is " + (role.installationWide() ? "" : "not ") + "installation-wide");
		}
	}
}
