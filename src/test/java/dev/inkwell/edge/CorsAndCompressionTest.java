package dev.inkwell.edge;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Real preflights from an allowed and a refused origin, and gzip on the wire (the test client does not decode it). */
class CorsAndCompressionTest extends IntegrationTest {

	@Value("${local.server.port}")
	private int port;

	private static final String BIG_QUERY = "{\"query\":\"{ __schema { types { name description fields { name description } } } }\"}";

	@Test
	void preflightFromAnAllowedOriginNamesMethodsHeadersAndMaxAge() {
		this.http.options().uri("/graphql")
			.header(HttpHeaders.ORIGIN, "http://localhost:5173")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,authorization,apollo-require-preflight,x-request-id")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("GET", "POST"))
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, (headers) -> assertThat(headers.toLowerCase())
				.contains("content-type", "authorization", "apollo-require-preflight", "x-request-id"))
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
		// The actual request from that origin is answered with the origin allowed.
		this.http.post().uri("/graphql").header(HttpHeaders.ORIGIN, "http://127.0.0.1:3000")
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ me { id } }\"}")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://127.0.0.1:3000");
	}

	@Test
	void preflightAndRequestFromARefusedOriginAre403WithoutAllowHeaders() {
		this.http.options().uri("/graphql")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.http.post().uri("/graphql").header(HttpHeaders.ORIGIN, "https://evil.example")
			.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ me { id } }\"}")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	@Test
	void largeResponsesAreGzippedWhenAcceptedAndSmallOnesAreNot() throws Exception {
		HttpResponse<byte[]> plain = post(BIG_QUERY, null);
		assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
		assertThat(plain.body().length).isGreaterThan(1024);
		HttpResponse<byte[]> gzipped = post(BIG_QUERY, "gzip");
		assertThat(gzipped.headers().firstValue("content-encoding")).contains("gzip");
		assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
		}
		HttpResponse<byte[]> small = post("{\"query\":\"{ me { id } }\"}", "gzip");
		assertThat(small.headers().firstValue("content-encoding")).isEmpty();
		assertThat(new String(small.body(), StandardCharsets.UTF_8)).contains("\"me\":null");
	}

	/** The JDK client, which (unlike the test client) neither asks for nor decodes compression by itself. */
	private HttpResponse<byte[]> post(String body, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
