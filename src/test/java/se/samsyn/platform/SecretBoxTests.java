package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretBoxTests {

	private final SecretBox box = new SecretBox(new byte[32]);

	@Test
	void decryptsWhatItEncryptedAndNeverStoresThePlaintext() {
		String sealed = box.encrypt("JBSWY3DPEHPK3PXP", "totp-secret");
		assertThat(sealed).doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(box.decrypt(sealed, "totp-secret")).isEqualTo("JBSWY3DPEHPK3PXP");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTime() {
		assertThat(box.encrypt("199001011234", "pnr")).isNotEqualTo(box.encrypt("199001011234", "pnr"));
	}

	@Test
	void refusesAValueSealedForAnotherPurposeOrTamperedWith() {
		String sealed = box.encrypt("secret", "totp-secret");
		assertThatThrownBy(() -> box.decrypt(sealed, "other")).isInstanceOf(IllegalStateException.class);
		byte[] bytes = Base64.getDecoder().decode(sealed);
		bytes[bytes.length - 1] ^= 1;
		assertThatThrownBy(() -> box.decrypt(Base64.getEncoder().encodeToString(bytes), "totp-secret"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void anotherKeyCannotOpenIt() {
		byte[] other = new byte[32];
		other[0] = 1;
		String sealed = box.encrypt("secret", "p");
		assertThatThrownBy(() -> new SecretBox(other).decrypt(sealed, "p")).isInstanceOf(IllegalStateException.class);
	}
}
