package se.samsyn.access.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.access.SecurityProperties;
import se.samsyn.audit.AuditAction;
import se.samsyn.audit.AuditLog;
import se.samsyn.audit.AuditTarget;
import se.samsyn.platform.SecretBox;

/** Setting up and checking the second factor: TOTP codes from an app, or a one-time recovery code. */
@Service
public class SecondFactor {

	private static final String PURPOSE = "totp-secret";
	private static final String ISSUER = "Samsyn";
	private static final int RECOVERY_CODES = 10;

	private final Accounts accounts;
	private final SecretBox secrets;
	private final AuditLog audit;
	private final Clock clock;
	private final LoginPolicy policy;

	SecondFactor(Accounts accounts, SecretBox secrets, AuditLog audit, Clock clock, SecurityProperties properties) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
		this.policy = LoginPolicy.of(properties);
	}

	/** The outcome of a code: accepted, wrong, or refused because the account is locked or must wait. */
	public enum Check {
		ACCEPTED, WRONG, WAIT, LOCKED
	}

	/**
	 * Wrong codes count as failed logins on the account, so guessing codes meets the same waits and
	 * lock-out as guessing passwords, however many sessions are used.
	 */
	private Check guarded(long userId, java.util.function.Predicate<UserAccount> accepts) {
		UserAccount account = accounts.lock(userId);
		java.time.Instant now = clock.instant();
		var gate = account.gate(now, policy);
		if (!gate.allowed()) {
			return gate.locked() ? Check.LOCKED : Check.WAIT;
		}
		if (accepts.test(account)) {
			account.recordSuccessfulLogin();
			accounts.save(account);
			return Check.ACCEPTED;
		}
		boolean lockedNow = account.recordFailedLogin(now, policy);
		accounts.save(account);
		return lockedNow ? Check.LOCKED : Check.WRONG;
	}

	public boolean enrolled(long userId) {
		return accounts.load(userId).mfaEnabled();
	}

	/** Starts (or restarts) enrolment with a fresh secret, shown to the user as a QR code and as text. */
	@Transactional
	public Enrolment begin(long userId) {
		UserAccount account = accounts.load(userId);
		String secret = Totp.newSecret(Secrets.random());
		account.startSecondFactorEnrolment(secrets.encrypt(secret, PURPOSE));
		accounts.save(account);
		String uri = Totp.uri(ISSUER, account.username(), secret);
		return new Enrolment(grouped(secret), QrCodeSvg.of(uri, "QR-kod för " + ISSUER));
	}

	/** Finishes enrolment when the code matches the new secret; the recovery codes to show once go to {@code codes}. */
	@Transactional
	public Check confirm(long userId, String code, List<String> codes) {
		Check check = guarded(userId, account -> {
			if (account.mfaEnabled() || account.mfaSecret() == null) {
				return false;
			}
			OptionalLong step = Totp.matchingStep(secrets.decrypt(account.mfaSecret(), PURPOSE), code, clock.instant());
			step.ifPresent(account::enableSecondFactor);
			return step.isPresent();
		});
		audit.record(check == Check.ACCEPTED ? AuditAction.MFA_ENROLLED : AuditAction.MFA_ENROLMENT_FAILED, null, AuditTarget.USER, String.valueOf(userId), null);
		if (check == Check.ACCEPTED) {
			codes.addAll(newRecoveryCodes(userId));
		}
		return check;
	}

	/** Checks a code from the app; each code works once. */
	@Transactional
	public Check verify(long userId, String code) {
		Check check = guarded(userId, account -> {
			if (!account.mfaEnabled()) {
				return false;
			}
			OptionalLong step = Totp.matchingStep(secrets.decrypt(account.mfaSecret(), PURPOSE), code, clock.instant());
			return step.isPresent() && account.acceptStep(step.getAsLong());
		});
		audit.record(check == Check.ACCEPTED ? AuditAction.MFA_SUCCEEDED : AuditAction.MFA_FAILED, null, AuditTarget.USER, String.valueOf(userId), null);
		return check;
	}

	/** Uses one of the recovery codes instead of an app code. */
	@Transactional
	public Check useRecoveryCode(long userId, String code) {
		String normalised = code == null ? "" : code.trim().toLowerCase();
		Check check = guarded(userId, account -> account.mfaEnabled() && !normalised.isEmpty()
				&& accounts.store().useRecoveryCode(userId, Secrets.sha256(normalised), clock.instant()));
		audit.record(check == Check.ACCEPTED ? AuditAction.MFA_RECOVERY_CODE_USED : AuditAction.MFA_FAILED, null, AuditTarget.USER, String.valueOf(userId), null);
		return check;
	}

	public int recoveryCodesLeft(long userId) {
		return accounts.store().unusedRecoveryCodes(userId);
	}

	/** Replaces all recovery codes; the old ones stop working. */
	@Transactional
	public List<String> newRecoveryCodes(long userId) {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			codes.add(Secrets.readable(3));
		}
		accounts.store().replaceRecoveryCodes(userId, codes.stream().map(Secrets::sha256).toList());
		return codes;
	}

	private static String grouped(String secret) {
		return secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/** The secret in groups of four for typing, and the QR code as inline SVG. */
	public record Enrolment(String secret, String qrSvg) {
	}
}
