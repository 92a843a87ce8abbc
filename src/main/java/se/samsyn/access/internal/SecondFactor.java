package se.samsyn.access.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.samsyn.audit.AuditLog;
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

	SecondFactor(Accounts accounts, SecretBox secrets, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
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

	/** Finishes enrolment when the code matches the new secret; returns the recovery codes to show once. */
	@Transactional
	public Optional<List<String>> confirm(long userId, String code) {
		UserAccount account = accounts.load(userId);
		if (account.mfaEnabled() || account.mfaSecret() == null) {
			return Optional.empty();
		}
		OptionalLong step = Totp.matchingStep(secrets.decrypt(account.mfaSecret(), PURPOSE), code, clock.instant());
		if (step.isEmpty()) {
			audit.record("MFA_ENROLMENT_FAILED", null, "USER", String.valueOf(userId), null);
			return Optional.empty();
		}
		account.enableSecondFactor(step.getAsLong());
		accounts.save(account);
		List<String> codes = newRecoveryCodes(userId);
		audit.record("MFA_ENROLLED", null, "USER", String.valueOf(userId), null);
		return Optional.of(codes);
	}

	/** Checks a code from the app; each code works once. */
	@Transactional
	public boolean verify(long userId, String code) {
		UserAccount account = accounts.load(userId);
		if (!account.mfaEnabled()) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(secrets.decrypt(account.mfaSecret(), PURPOSE), code, clock.instant());
		boolean accepted = step.isPresent() && account.acceptStep(step.getAsLong());
		if (accepted) {
			accounts.save(account);
		}
		audit.record(accepted ? "MFA_SUCCEEDED" : "MFA_FAILED", null, "USER", String.valueOf(userId), null);
		return accepted;
	}

	/** Uses one of the recovery codes instead of an app code. */
	@Transactional
	public boolean useRecoveryCode(long userId, String code) {
		String normalised = code == null ? "" : code.trim().toLowerCase();
		boolean used = !normalised.isEmpty()
				&& accounts.store().useRecoveryCode(userId, Secrets.sha256(normalised), clock.instant());
		audit.record(used ? "MFA_RECOVERY_CODE_USED" : "MFA_FAILED", null, "USER", String.valueOf(userId), null);
		return used;
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
