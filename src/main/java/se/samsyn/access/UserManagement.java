package se.samsyn.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.access.internal.Accounts;
import se.samsyn.access.internal.Secrets;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.NotFoundException;
import se.samsyn.platform.PlainText;
import se.samsyn.platform.ValidationException;

/**
 * Creating users and handing out roles. An association admin governs only their own förbund: a user
 * who also holds roles elsewhere can be given or lose roles here, but their password, second factor
 * and account belong to whoever governs all of their förbund.
 */
@Service
public class UserManagement {

	private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,59}";

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final Clock clock;

	UserManagement(Accounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	public boolean hasAnyUser() {
		return accounts.anyUser();
	}

	/**
	 * Creates a user. Without a password a one-time password is generated, which the user must
	 * replace at first login. The returned password is shown once and never stored in clear.
	 */
	@Transactional
	public CreatedUser create(NewUser command) {
		String username = command.username() == null ? "" : command.username().trim().toLowerCase();
		List<ValidationException.FieldError> errors = new ArrayList<>();
		if (!username.matches(USERNAME_PATTERN)) {
			errors.add(new ValidationException.FieldError("username", "user.username.invalid", new Object[0]));
		}
		else if (accounts.idOf(username).isPresent()) {
			errors.add(new ValidationException.FieldError("username", "user.username.taken", new Object[0]));
		}
		if (!PlainText.singleLine(command.displayName())) {
			errors.add(new ValidationException.FieldError("displayName", PlainText.problem(command.displayName(), false), new Object[0]));
		}
		else if (command.displayName() == null || command.displayName().isBlank() || command.displayName().length() > 200) {
			errors.add(new ValidationException.FieldError("displayName", "user.displayName.required", new Object[0]));
		}
		if (command.email() != null && !command.email().isBlank() && (!PlainText.singleLine(command.email())
				|| !command.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			errors.add(new ValidationException.FieldError("email", "user.email.invalid", new Object[0]));
		}
		if (command.grants().isEmpty()) {
			errors.add(new ValidationException.FieldError("roles", "user.roles.required", new Object[0]));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		boolean generated = command.password() == null;
		String password = generated ? Secrets.readable(4) : command.password();
		long id = accounts.create(username, command.displayName().trim(), blankToNull(command.email()),
				passwords.encode(password), generated, clock.instant());
		for (Grant grant : command.grants()) {
			accounts.addGrant(id, grant);
			audit.record(AuditAction.ROLE_GRANTED, grant.associationId(), AuditTarget.USER, String.valueOf(id), grant.role().name());
		}
		audit.record(AuditAction.USER_CREATED, command.grants().get(0).associationId(), AuditTarget.USER, String.valueOf(id), null);
		return new CreatedUser(id, username, generated ? password : null);
	}

	/** The users holding roles in a förbund, each with their roles there. */
	public List<UserSummary> usersIn(long associationId) {
		Map<Long, UserSummary> users = new LinkedHashMap<>();
		for (var row : accounts.usersIn(associationId)) {
			users.computeIfAbsent(row.id(), id -> new UserSummary(row.id(), row.username(), row.displayName(),
					row.email(), row.active(), row.mfaEnabled(), row.lockedUntil() != null
							&& row.lockedUntil().isAfter(clock.instant()), new ArrayList<>()))
				.roles().add(row.role());
		}
		return List.copyOf(users.values());
	}

	/** A user of the förbund, or not found when they hold no role in it. */
	public UserSummary userIn(long associationId, long userId) {
		return usersIn(associationId).stream()
			.filter(user -> user.id() == userId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
	}

	/** Whether the förbund's admin governs the whole account: the user holds roles in no other förbund. */
	public boolean governedBy(long associationId, long userId) {
		return accounts.grants(userId).stream()
			.allMatch(grant -> grant.associationId() != null && grant.associationId() == associationId);
	}

	/** Sets exactly these roles in the förbund; at least one is needed (remove the user otherwise). */
	@Transactional
	public void setRoles(long associationId, long userId, Set<Role> roles) {
		userIn(associationId, userId);
		if (roles.isEmpty()) {
			throw ValidationException.of("roles", "user.roles.required");
		}
		if (!Role.associationRoles().containsAll(roles)) {
			throw ValidationException.of("roles", "user.roles.invalid");
		}
		applyRoles(associationId, userId, roles);
	}

	/** Takes away every role the user holds in the förbund. */
	@Transactional
	public void removeFrom(long associationId, long userId) {
		userIn(associationId, userId);
		applyRoles(associationId, userId, EnumSet.noneOf(Role.class));
	}

	private void applyRoles(long associationId, long userId, Set<Role> wanted) {
		Set<Role> current = EnumSet.noneOf(Role.class);
		accounts.grants(userId).stream()
			.filter(grant -> grant.associationId() != null && grant.associationId() == associationId)
			.forEach(grant -> current.add(grant.role()));
		for (Role role : current) {
			if (!wanted.contains(role)) {
				accounts.removeGrant(userId, new Grant(associationId, role));
				audit.record(AuditAction.ROLE_REVOKED, associationId, AuditTarget.USER, String.valueOf(userId), role.name());
			}
		}
		for (Role role : wanted) {
			if (!current.contains(role)) {
				accounts.addGrant(userId, new Grant(associationId, role));
				audit.record(AuditAction.ROLE_GRANTED, associationId, AuditTarget.USER, String.valueOf(userId), role.name());
			}
		}
	}

	@Transactional
	public void deactivate(long associationId, long userId) {
		requireGoverned(associationId, userId);
		accounts.deactivate(userId);
		audit.record(AuditAction.USER_DEACTIVATED, associationId, AuditTarget.USER, String.valueOf(userId), null);
	}

	@Transactional
	public void activate(long associationId, long userId) {
		requireGoverned(associationId, userId);
		accounts.activate(userId);
		audit.record(AuditAction.USER_ACTIVATED, associationId, AuditTarget.USER, String.valueOf(userId), null);
	}

	/** Removes the user's second factor; they set up a new one at their next login. */
	@Transactional
	public void resetSecondFactor(long associationId, long userId) {
		requireGoverned(associationId, userId);
		accounts.resetSecondFactor(userId);
		audit.record(AuditAction.MFA_RESET, associationId, AuditTarget.USER, String.valueOf(userId), null);
	}

	/** Sets a new one-time password and returns it, to be handed to the user once. */
	@Transactional
	public String resetPassword(long associationId, long userId) {
		requireGoverned(associationId, userId);
		String password = Secrets.readable(4);
		String hash = passwords.encode(password);
		accounts.resetPassword(userId, hash);
		audit.record(AuditAction.PASSWORD_RESET, associationId, AuditTarget.USER, String.valueOf(userId), null);
		return password;
	}

	public Optional<Long> idOf(String username) {
		return accounts.idOf(username);
	}

	private void requireGoverned(long associationId, long userId) {
		userIn(associationId, userId);
		if (!governedBy(associationId, userId)) {
			throw ValidationException.of("user", "user.otherAssociations");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** What it takes to create a user; {@code password} null means generate a one-time password. */
	public record NewUser(String username, String displayName, String email, String password, List<Grant> grants) {
		public NewUser {
			grants = grants == null ? List.of() : List.copyOf(grants);
		}
	}

	/** The created user; {@code oneTimePassword} is set when one was generated. */
	public record CreatedUser(long id, String username, String oneTimePassword) {
	}

	/** A user as a förbund's user list shows them. */
	public record UserSummary(long id, String username, String displayName, String email, boolean active,
			boolean secondFactor, boolean locked, List<Role> roles) {
	}
}
