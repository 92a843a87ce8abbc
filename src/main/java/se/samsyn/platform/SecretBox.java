package se.samsyn.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts short secrets (TOTP secrets, later personnummer) with AES-256-GCM. The stored form is
 * base64 of {@code version | nonce | ciphertext+tag}; the purpose string is bound as associated
 * data so that a value encrypted for one column cannot be pasted into another.
 */
public final class SecretBox {

	private static final byte VERSION = 1;
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;
	private final SecretKeySpec fingerprintKey;
	private final SecureRandom random = new SecureRandom();

	public SecretBox(byte[] masterKey) {
		if (masterKey.length != 32) {
			throw new IllegalArgumentException("The master key must be 32 bytes");
		}
		this.encryptionKey = new SecretKeySpec(derive(masterKey, "samsyn-encryption-v1"), "AES");
		this.fingerprintKey = new SecretKeySpec(derive(masterKey, "samsyn-fingerprint-v1"), "HmacSHA256");
	}

	public String encrypt(String plaintext, String purpose) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + nonce.length + sealed.length)
				.put(VERSION).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String stored, String purpose) {
		try {
			ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(stored));
			if (buffer.get() != VERSION) {
				throw new IllegalStateException("Unknown encryption version");
			}
			byte[] nonce = new byte[NONCE_BYTES];
			buffer.get(nonce);
			byte[] sealed = new byte[buffer.remaining()];
			buffer.get(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered value", ex);
		}
	}

	/**
	 * A keyed hash (HMAC-SHA-256, hex) that recognises the same value again without storing it, e.g.
	 * a personnummer within one förbund. The scope (such as the förbund's id) is part of the input,
	 * so the same value gives unrelated fingerprints in different scopes.
	 */
	public String fingerprint(String value, String scope) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(fingerprintKey);
			mac.update(scope.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] derive(byte[] masterKey, String label) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
			return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
