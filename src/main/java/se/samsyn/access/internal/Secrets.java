package se.samsyn.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Random one-time passwords, recovery codes and tokens, and the hashes under which they are kept. */
public final class Secrets {

	private static final char[] READABLE = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** Groups of four readable characters, e.g. {@code k7pq-x2mv-…}. */
	public static String readable(int groups) {
		StringBuilder out = new StringBuilder();
		for (int g = 0; g < groups; g++) {
			if (g > 0) {
				out.append('-');
			}
			for (int i = 0; i < 4; i++) {
				out.append(READABLE[RANDOM.nextInt(READABLE.length)]);
			}
		}
		return out.toString();
	}

	static SecureRandom random() {
		return RANDOM;
	}

	/** SHA-256 is enough for secrets with 100+ bits of entropy; passwords use bcrypt instead. */
	public static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
