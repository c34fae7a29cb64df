package dev.inkwell.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Helpers shared by the edge tests. */
public final class EdgeTesting {

	private EdgeTesting() {
	}

	/** The hex SHA-256 of a document, as persisted-query clients send it. */
	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The client with a generous response timeout: the first requests of a fresh context on a busy machine are slow. */
	public static WebTestClient patient(WebTestClient client) {
		return client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

}
