package se.samsyn.access.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import se.samsyn.access.Grant;
import se.samsyn.access.SamsynUser;
import se.samsyn.platform.NotFoundException;

/** The module's own way into user accounts: loads, changes through {@link UserAccount}, stores. */
@Component
public class Accounts {

	private final UserStore store;

	Accounts(UserStore store) {
		this.store = store;
	}

	public boolean anyUser() {
		return store.anyUser();
	}

	public Optional<Long> idOf(String username) {
		return store.findByUsername(username).map(UserAccount::id);
	}

	public long create(String username, String displayName, String email, String passwordHash, boolean mustChange,
			Instant now) {
		return store.insert(UserAccount.create(username, displayName, email, passwordHash, mustChange, now));
	}

	public List<Grant> grants(long userId) {
		return store.grants(userId);
	}

	public void addGrant(long userId, Grant grant) {
		store.addGrant(userId, grant);
	}

	public void removeGrant(long userId, Grant grant) {
		store.removeGrant(userId, grant);
	}

	public List<UserRow> usersIn(long associationId) {
		return store.usersIn(associationId);
	}

	/** The user with fresh grants, or empty when the account is gone or deactivated. */
	public Optional<SamsynUser> activeUser(long userId) {
		return store.findById(userId)
			.filter(UserAccount::active)
			.map(account -> new SamsynUser(account.id(), account.username(), account.displayName(),
					store.grants(account.id()), false));
	}

	/** What a session needs to know about its user on each request; empty when gone or deactivated. */
	public Optional<SessionState> sessionState(long userId) {
		return store.findById(userId)
			.filter(UserAccount::active)
			.map(account -> new SessionState(new SamsynUser(account.id(), account.username(), account.displayName(),
					store.grants(account.id()), false), account.securityStamp(), account.mustChangePassword()));
	}

	public record SessionState(SamsynUser user, String securityStamp, boolean mustChangePassword) {
	}

	public void deactivate(long userId) {
		update(userId, UserAccount::deactivate);
	}

	public void activate(long userId) {
		update(userId, UserAccount::activate);
	}

	public void resetPassword(long userId, String oneTimeHash) {
		update(userId, account -> account.resetPassword(oneTimeHash));
	}

	public void resetSecondFactor(long userId) {
		update(userId, UserAccount::resetSecondFactor);
		store.replaceRecoveryCodes(userId, List.of());
	}

	UserAccount load(long userId) {
		return store.findById(userId).orElseThrow(NotFoundException::new);
	}

	Optional<UserAccount> findByUsername(String username) {
		return store.findByUsername(username);
	}

	/** Loads the account with its row locked; call inside a transaction. */
	UserAccount lock(long userId) {
		return store.lockById(userId).orElseThrow(NotFoundException::new);
	}

	void update(long userId, Consumer<UserAccount> change) {
		UserAccount account = load(userId);
		change.accept(account);
		store.update(account);
	}

	void save(UserAccount account) {
		store.update(account);
	}

	UserStore store() {
		return store;
	}
}
