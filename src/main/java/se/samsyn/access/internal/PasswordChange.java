package se.samsyn.access.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.ValidationException;
import se.samsyn.platform.ValidationException.FieldError;

/** A user changes their own password. */
@Service
public class PasswordChange {

	static final int MIN_LENGTH = 12;
	private static final int MAX_LENGTH = 200;

	private final Accounts accounts;
	private final PasswordEncoder passwords;
	private final AuditLog audit;

	PasswordChange(Accounts accounts, PasswordEncoder passwords, AuditLog audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
	}

	/** Changes the password and returns the account's new security stamp, so the current session can stay. */
	@Transactional
	public String change(long userId, String current, String next, String repeated) {
		UserAccount account = accounts.load(userId);
		List<FieldError> errors = new ArrayList<>();
		if (current == null || !passwords.matches(current, account.passwordHash())) {
			errors.add(new FieldError("current", "password.current.wrong", new Object[0]));
		}
		if (next == null || next.length() < MIN_LENGTH || next.length() > MAX_LENGTH) {
			errors.add(new FieldError("next", "password.next.length", new Object[] { MIN_LENGTH }));
		}
		else if (next.toLowerCase().contains(account.username()) || next.equals(current)) {
			errors.add(new FieldError("next", "password.next.weak", new Object[0]));
		}
		else if (!next.equals(repeated)) {
			errors.add(new FieldError("repeated", "password.repeated.mismatch", new Object[0]));
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		account.changePassword(passwords.encode(next));
		accounts.save(account);
		audit.record(AuditAction.PASSWORD_CHANGED, null, AuditTarget.USER, String.valueOf(userId), null);
		return account.securityStamp();
	}
}
