package dev.inkwell.auth;

import java.net.InetSocketAddress;
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

/** Ten login attempts a minute per account and per address; the eleventh is refused, even if right. */
class LoginThrottleTest extends IntegrationTest {

	@Value("${local.server.port}")
	int port;

	/** Each attempt from an address of its own, so that only the account's limit can refuse the eleventh. */
	@Test
	void eleventhAttemptOnAnAccountIsRefusedEvenWithTheRightPassword() {
		register("ada");
		for (int i = 0; i < 10; i++) {
			singleError(login(from(i), "ada", "wrong-password"), "UNAUTHORIZED", null);
		}
		var error = singleError(login(from(10), "ADA", PASSWORD), "FORBIDDEN", null);
		assertThat(error.getMessage()).contains("Too many login attempts").contains("seconds");
		assertThat(error.getExtensions()).containsEntry("code", "RATE_LIMITED").containsKey("retryAfterSeconds");
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
		// Four attempts from elsewhere first: the account reaches its limit in the batch while the
		// batch's own address has counted only seven, so only the account's count can refuse it.
		for (int i = 0; i < 4; i++) {
			singleError(login(from(i), "ada", "wrong-password"), "UNAUTHORIZED", null);
		}
		// Mutation fields run one after another; the seventh login of the batch (the eleventh on the
		// account) is refused although it is right.
		String aliases = IntStream.range(0, 12)
			.mapToObj((i) -> "a" + i + ": login(input: {login: \"ada\", password: \"" + PASSWORD + "\"}) { token }")
			.collect(Collectors.joining(" "));
		from(20).document("mutation { " + aliases + " }").execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "FORBIDDEN");
			assertThat(errors.get(0).getPath()).isEqualTo("a6");
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
