package se.samsyn.access.internal;

import java.time.Instant;

import se.samsyn.access.Role;

/** One user and one of their roles in a förbund: a row of the user list. */
public record UserRow(long id, String username, String displayName, String email, boolean active, boolean mfaEnabled,
		Instant lockedUntil, Role role) {
}
