package dev.inkwell.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, for persisted query hashes (as Apollo's clients compute them), cache keys and ETags. */
public final class Sha256 {

	private Sha256() {
	}

	/** The SHA-256 of a text's UTF-8 bytes, in lower-case hex. */
	public static String hex(String text) {
		return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	public static byte[] digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
