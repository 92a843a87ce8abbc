package se.samsyn.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTests {

	// RFC 6238 appendix B: the SHA-1 secret is the ASCII of "12345678901234567890".
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheRfcTestVectorsInTheirLastSixDigits() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void acceptsOneStepOfClockDriftButNotTwo() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
	}

	@Test
	void refusesCodesThatAreNotSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.matchingStep(RFC_SECRET, "28708", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "287 082", now)).isPresent();
	}

	@Test
	void base32RoundTrips() {
		byte[] data = { 0, 1, 2, (byte) 0xff, 42, 17, 99 };
		assertThat(Totp.fromBase32(Totp.base32(data))).containsExactly(data);
	}

	@Test
	void theUriCarriesIssuerAccountAndSecret() {
		assertThat(Totp.uri("Samsyn", "demo-kansli", "ABC")).isEqualTo(
				"otpauth://totp/Samsyn:demo-kansli?secret=ABC&issuer=Samsyn&algorithm=SHA1&digits=6&period=30");
	}
}
