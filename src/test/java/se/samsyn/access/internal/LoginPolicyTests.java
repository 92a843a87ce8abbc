package se.samsyn.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import se.samsyn.access.SecurityProperties;

class LoginPolicyTests {

	// The production defaults: 3 free attempts, then 2 s doubling to 60 s, lock after 10 for 15 minutes.
	private final LoginPolicy policy = LoginPolicy.of(new SecurityProperties(null, 3, Duration.ofSeconds(2),
			Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 20, Duration.ofMinutes(15)));
	private final Instant start = Instant.parse("2026-11-23T08:00:00Z");

	@Test
	void theFirstFailuresCostNothingThenTheWaitDoublesUpToTheCap() {
		assertThat(policy.delayAfter(3)).isZero();
		assertThat(policy.delayAfter(4)).hasSeconds(2);
		assertThat(policy.delayAfter(5)).hasSeconds(4);
		assertThat(policy.delayAfter(6)).hasSeconds(8);
		assertThat(policy.delayAfter(9)).hasSeconds(60);
		assertThat(policy.delayAfter(100)).hasSeconds(60);
	}

	@Test
	void anAccountMustWaitAfterRepeatedFailuresAndIsLockedAfterTen() {
		UserAccount account = UserAccount.create("kansli", "Kansli", null, "hash", false, start);
		Instant now = start;
		for (int failure = 1; failure <= 9; failure++) {
			assertThat(account.gate(now, policy).allowed()).as("attempt %d may be checked", failure).isTrue();
			assertThat(account.recordFailedLogin(now, policy)).isFalse();
			now = now.plus(policy.delayAfter(failure));
		}
		assertThat(account.gate(start.plusSeconds(1), policy).allowed()).isFalse();
		assertThat(account.recordFailedLogin(now, policy)).as("the tenth failure locks").isTrue();
		var gate = account.gate(now.plusSeconds(60), policy);
		assertThat(gate.allowed()).isFalse();
		assertThat(gate.locked()).isTrue();
		assertThat(account.gate(now.plus(Duration.ofMinutes(16)), policy).allowed()).isTrue();
	}

	@Test
	void aWaitingAccountTellsHowLongToWait() {
		UserAccount account = UserAccount.create("kansli", "Kansli", null, "hash", false, start);
		for (int i = 0; i < 4; i++) {
			account.recordFailedLogin(start, policy);
		}
		var gate = account.gate(start, policy);
		assertThat(gate.allowed()).isFalse();
		assertThat(gate.locked()).isFalse();
		assertThat(gate.secondsLeft(start)).isBetween(2L, 3L);
	}

	@Test
	void oldFailuresAreForgottenAndSuccessResetsTheCount() {
		UserAccount account = UserAccount.create("kansli", "Kansli", null, "hash", false, start);
		for (int i = 0; i < 5; i++) {
			account.recordFailedLogin(start, policy);
		}
		assertThat(account.gate(start.plus(Duration.ofMinutes(20)), policy).allowed()).isTrue();
		account.recordFailedLogin(start.plus(Duration.ofMinutes(20)), policy);
		assertThat(account.failedLogins()).isEqualTo(1);
		account.recordSuccessfulLogin();
		assertThat(account.failedLogins()).isZero();
	}

	@Test
	void aTimeStepOfTheSecondFactorWorksOnlyOnce() {
		UserAccount account = UserAccount.create("kansli", "Kansli", null, "hash", false, start);
		account.startSecondFactorEnrolment("sealed");
		account.enableSecondFactor(100);
		assertThat(account.acceptStep(100)).isFalse();
		assertThat(account.acceptStep(99)).isFalse();
		assertThat(account.acceptStep(101)).isTrue();
		assertThat(account.acceptStep(101)).isFalse();
	}
}
