package dev.inkwell.auth;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Ten login attempts (and ten sign-ups) a minute per address; the eleventh is refused, even if right. */
class LoginThrottleTest extends IntegrationTest {

	@Value("${local.server.port}")
	int port;

	/** All from one address: the address's limit (ten a minute) refuses, before the account's could. */
	@Test
	void eleventhAttemptFromAnAddressIsRefusedEvenWithTheRightPassword() {
		register("ada");
		for (int i = 0; i < 10; i++) {
			singleError(login("ada", "wrong-password"), "UNAUTHORIZED", null);
		}
		var error = singleError(login("ADA", PASSWORD), "FORBIDDEN", null);
		assertThat(error.getMessage()).contains("Too many login attempts").contains("seconds");
		assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED").containsKey("retryAfterSeconds");
	}

	/** Each failure from an address of its own: only the account's failure limit can refuse. */
	@Test
	void failuresSpreadOverAddressesLockTheAccountOnlyForUnfamiliarAddresses() {
		register("ada");
		login("ada", PASSWORD).path("login.token").hasValue();
		for (int i = 0; i < 20; i++) {
			singleError(login(from(i), "ada", "wrong-password"), "UNAUTHORIZED", null);
		}
		var error = singleError(login(from(20), "ada", PASSWORD), "FORBIDDEN", null);
		assertThat(error.getMessage()).contains("Too many failed logins for this account");
		login("ada", PASSWORD).path("login.token").hasValue();
	}

	@Test
	void attemptsFromOneAddressCountAcrossAccounts() {
		for (int i = 0; i < 10; i++) {
			singleError(login("nobody" + i, "wrong-password"), "UNAUTHORIZED", null);
		}
		singleError(login("somebody-else", "wrong-password"), "FORBIDDEN", null);
	}

	@Test
	void aliasBatchedAttemptsCountOneByOne() {
		register("ada");
		// Mutation fields run one after another; the eleventh login is refused although it is right.
		String aliases = IntStream.range(0, 12)
			.mapToObj((i) -> "a" + i + ": login(input: {login: \"ada\", password: \"" + PASSWORD + "\"}) { token }")
			.collect(Collectors.joining(" "));
		slow().document("mutation { " + aliases + " }").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN");
			assertThat(errors.get(0).getPath()).isEqualTo("a10");
		});
	}

	@Test
	void theWindowPassesAndTheAccountCanLogInAgain() {
		register("ada");
		for (int i = 0; i < 11; i++) {
			login("ada", "wrong-password");
		}
		singleError(login("ada", PASSWORD), "FORBIDDEN", null);
		this.db.sql("UPDATE login_attempts SET window_start = window_start - interval '2 minutes'").then().block();
		login("ada", PASSWORD).path("login.token").hasValue();
	}

	@Test
	void aliasedRegistrationsCountOneByOne() {
		String aliases = IntStream.range(0, 15)
			.mapToObj((i) -> "r" + i + ": register(input: {username: \"user" + i + "\", email: \"user" + i
					+ "@example.com\", password: \"" + PASSWORD + "\"}) { token }")
			.collect(Collectors.joining(" "));
		// The eleventh is refused; as register's payload is non-null, that ends the operation.
		slow().document("mutation { " + aliases + " }").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN")
				.containsEntry("code", "RATE_LIMITED");
			assertThat(errors.get(0).getPath()).isEqualTo("r10");
		});
		assertThat(this.db.sql("SELECT count(*) FROM users").map((row) -> row.get(0, Long.class)).one().block())
			.isEqualTo(10);
	}

	@Test
	void currentPasswordChecksCountAsLoginAttempts() {
		Account ada = register("ada");
		for (int i = 0; i < 10; i++) {
			singleError(as(ada.token()).documentName("updateMe")
				.variable("input", Map.of("password", "a-brand-new-secret", "currentPassword", "guess-" + i))
				.execute(), "BAD_REQUEST", "input.currentPassword");
		}
		var refused = singleError(as(ada.token()).documentName("updateMe")
			.variable("input", Map.of("password", "a-brand-new-secret", "currentPassword", PASSWORD))
			.execute(), "FORBIDDEN", null);
		assertThat(refused.getExtensions()).containsEntry("code", "RATE_LIMITED");
		singleError(login("ada", PASSWORD), "FORBIDDEN", null);
	}

	@Test
	void forwardedForIsIgnoredWithoutTrustedProxies() {
		this.graphQl.mutate().header("X-Forwarded-For", "203.0.113.7").build().documentName("login")
			.variable("login", "nobody").variable("password", "wrong-password").execute();
		assertThat(this.db.sql("SELECT key FROM login_attempts").map((row) -> row.get(0, String.class)).all()
			.collectList().block()).singleElement().asString().startsWith("login:").doesNotContain("203.0.113.7");
	}

	/** Many BCrypt checks in one request take a while on a busy machine. */
	private GraphQlTester slow() {
		return this.graphQl.mutate().responseTimeout(Duration.ofSeconds(60)).build();
	}

	private GraphQlTester.Response login(String login, String password) {
		return login(this.graphQl, login, password);
	}

	private static GraphQlTester.Response login(GraphQlTester tester, String login, String password) {
		return tester.documentName("login").variable("login", login).variable("password", password).execute();
	}

	/**
	 * A tester whose connections come from 127.0.0.(n + 2): the whole of 127.0.0.0/8 is loopback, so
	 * the server sees a client address of its own without any forwarded header.
	 */
	private GraphQlTester from(int n) {
		InetSocketAddress local = new InetSocketAddress("127.0.0." + (n + 2), 0);
		WebTestClient client = WebTestClient
			.bindToServer(new ReactorClientHttpConnector(HttpClient.create().bindAddress(() -> local)))
			.baseUrl("http://127.0.0.1:" + this.port + "/graphql")
			.build();
		return HttpGraphQlTester.create(client);
	}

}
