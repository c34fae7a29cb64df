package dev.inkwell.auth;

import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A token stops working when its owner signs out, changes the password, or is deactivated. */
class TokenRevocationTest extends IntegrationTest {

	@Test
	void logoutRevokesEveryTokenOfTheUserAndOnlyTheirs() {
		Account ada = register("ada");
		String second = login("ada", PASSWORD).path("login.token").entity(String.class).get();
		Account bob = register("bob");
		as(ada.token()).document("mutation { logout }").execute().path("logout").entity(Boolean.class).isEqualTo(true);
		assertThat(singleError(me(ada.token()), "UNAUTHORIZED", null).getMessage()).contains("revoked");
		singleError(me(second), "UNAUTHORIZED", null);
		me(bob.token()).path("me.username").entity(String.class).isEqualTo("bob");
		String fresh = login("ada", PASSWORD).path("login.token").entity(String.class).get();
		me(fresh).path("me.username").entity(String.class).isEqualTo("ada");
	}

	@Test
	void logoutNeedsASignedInUser() {
		singleError(this.graphQl.document("mutation { logout }").execute(), "UNAUTHORIZED", null);
	}

	@Test
	void aNewPasswordRevokesTheOldTokens() {
		Account ada = register("ada");
		String other = login("ada", PASSWORD).path("login.token").entity(String.class).get();
		updateMe(ada.token(), Map.of("password", "a-brand-new-secret", "currentPassword", PASSWORD))
			.path("updateMe.username").entity(String.class).isEqualTo("ada");
		singleError(me(ada.token()), "UNAUTHORIZED", null);
		singleError(me(other), "UNAUTHORIZED", null);
		me(login("ada", "a-brand-new-secret").path("login.token").entity(String.class).get())
			.path("me.username").entity(String.class).isEqualTo("ada");
	}

	@Test
	void aProfileEditKeepsTheTokens() {
		Account ada = register("ada");
		updateMe(ada.token(), Map.of("bio", "Analyst")).path("updateMe.bio").entity(String.class).isEqualTo("Analyst");
		me(ada.token()).path("me.username").entity(String.class).isEqualTo("ada");
	}

	@Test
	void deactivationRevokesTokensForGoodEvenIfTheAccountIsReactivated() {
		Account ada = register("ada");
		this.db.sql("UPDATE users SET is_active = false WHERE username = 'ada'").then().block();
		singleError(me(ada.token()), "UNAUTHORIZED", null);
		this.db.sql("UPDATE users SET is_active = true WHERE username = 'ada'").then().block();
		singleError(me(ada.token()), "UNAUTHORIZED", null);
		login("ada", PASSWORD).path("login.token").hasValue();
	}

	@Test
	void aNewPasswordOrEmailNeedsTheCurrentPassword() {
		Account ada = register("ada");
		singleError(updateMe(ada.token(), Map.of("password", "a-brand-new-secret")), "BAD_REQUEST",
				"input.currentPassword");
		singleError(updateMe(ada.token(), Map.of("email", "new@example.com")), "BAD_REQUEST", "input.currentPassword");
		singleError(updateMe(ada.token(), Map.of("email", "new@example.com", "currentPassword", "wrong-password")),
				"BAD_REQUEST", "input.currentPassword");
		assertThat(this.db.sql("SELECT email FROM users").map((row) -> row.get(0, String.class)).one().block())
			.isEqualTo("ada@example.com");
		me(ada.token()).path("me.username").entity(String.class).isEqualTo("ada");
		login("ada", PASSWORD).path("login.token").hasValue();
		updateMe(ada.token(), Map.of("email", "new@example.com", "currentPassword", PASSWORD))
			.path("updateMe.email").entity(String.class).isEqualTo("new@example.com");
	}

	private GraphQlTester.Response me(String token) {
		return as(token).documentName("me").execute();
	}

	private GraphQlTester.Response updateMe(String token, Map<String, Object> input) {
		return as(token).documentName("updateMe").variable("input", input).execute();
	}

	private GraphQlTester.Response login(String login, String password) {
		return this.graphQl.documentName("login").variable("login", login).variable("password", password).execute();
	}

}
