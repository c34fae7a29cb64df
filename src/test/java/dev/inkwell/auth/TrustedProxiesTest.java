package dev.inkwell.auth;

import java.util.List;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind trusted proxies (here: the test client's own address and 10.0.0.0/8), the client is the
 * right-most untrusted X-Forwarded-For entry; and a guesser spread over many addresses is limited
 * per account while the owner, from an address they signed in from before, is not locked out.
 */
@TestPropertySource(properties = { "inkwell.trusted-proxies=127.0.0.1/32, ::1/128, 10.0.0.0/8",
		"inkwell.auth.login-failures-per-account=3" })
class TrustedProxiesTest extends IntegrationTest {

	@Test
	void theClientIsTheRightMostUntrustedAddress() {
		// The client wrote 1.2.3.4 itself; the proxy at 10.1.1.1 appended the real client, 203.0.113.9.
		login("1.2.3.4, 203.0.113.9, 10.1.1.1", "nobody", "wrong-password");
		assertThat(keys()).containsExactly("login:203.0.113.9");
		login("10.0.0.5, 10.1.1.1", "nobody", "wrong-password");
		assertThat(keys()).contains("login:10.0.0.5");
		login("not-an-address, 198.51.100.4", "nobody", "wrong-password");
		assertThat(keys()).contains("login:198.51.100.4");
	}

	@Test
	void aGuesserOnManyAddressesIsLimitedPerAccountButTheOwnerIsNotLockedOut() {
		register("ada");
		login("192.0.2.1", "ada", PASSWORD).path("login.token").hasValue(); // the owner's usual address
		for (int i = 10; i < 13; i++) {
			singleError(login("198.51.100." + i, "ada", "guess-" + i), "UNAUTHORIZED", null);
		}
		// From yet another address, even the right password is refused: the account is over its limit.
		var refused = singleError(login("198.51.100.99", "ada", PASSWORD), "FORBIDDEN", null);
		assertThat(refused.getExtensions()).containsEntry("code", "RATE_LIMITED");
		assertThat(refused.getMessage()).contains("this account");
		// Another account is not affected, and the owner still gets in from their own address.
		register("bob");
		login("198.51.100.99", "bob", PASSWORD).path("login.token").hasValue();
		login("192.0.2.1", "ada", PASSWORD).path("login.token").hasValue();
	}

	private GraphQlTester.Response login(String forwardedFor, String login, String password) {
		return this.graphQl.mutate().header("X-Forwarded-For", forwardedFor).build().documentName("login")
			.variable("login", login).variable("password", password).execute();
	}

	private List<String> keys() {
		return this.db.sql("SELECT key FROM login_attempts ORDER BY key").map((row) -> row.get(0, String.class)).all()
			.collectList().block();
	}

}
