package dev.inkwell.edge;

import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Helpers shared by the edge tests. */
public final class EdgeTesting {

	private EdgeTesting() {
	}

	/** The client with a generous response timeout: the first requests of a fresh context on a busy machine are slow. */
	public static WebTestClient patient(WebTestClient client) {
		return client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

}
