package dev.inkwell.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest extends IntegrationTest {

	@Autowired
	AccessTokens tokens;

	@Test
	void registerThenLoginThenMe() {
		GraphQlTester.Response registered = this.graphQl.documentName("register")
			.variable("input", Map.of("username", "ada", "email", "ada@example.com", "password", PASSWORD,
					"fullName", "Ada Lovelace"))
			.execute();
		registered.path("register.user.username").entity(String.class).isEqualTo("ada");
		registered.path("register.user.email").entity(String.class).isEqualTo("ada@example.com");
		registered.path("register.user.fullName").entity(String.class).isEqualTo("Ada Lovelace");
		registered.path("register.user.isActive").entity(Boolean.class).isEqualTo(true);
		registered.path("register.user.isSuperuser").entity(Boolean.class).isEqualTo(false);
		OffsetDateTime expiresAt = registered.path("register.expiresAt").entity(OffsetDateTime.class).get();
		assertThat(expiresAt).isBetween(OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));
		String userId = registered.path("register.user.id").entity(String.class).get();

		String hash = this.db.sql("SELECT hashed_password FROM users WHERE username = 'ada'")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(hash).startsWith("$2a$10$").doesNotContain(PASSWORD);

		for (String login : new String[] { "ada", "ADA", "ada@example.com", "Ada@Example.COM" }) {
			GraphQlTester.Response loggedIn = this.graphQl.documentName("login")
				.variable("login", login)
				.variable("password", PASSWORD)
				.execute();
			loggedIn.path("login.user.id").entity(String.class).isEqualTo(userId);
			String token = loggedIn.path("login.token").entity(String.class).get();
			as(token).documentName("me").execute().path("me.id").entity(String.class).isEqualTo(userId);
			as(token).documentName("me").execute().path("me.email").entity(String.class).isEqualTo("ada@example.com");
		}
	}

	@Test
	void meIsNullWithoutToken() {
		this.graphQl.documentName("me").execute().path("me").valueIsNull();
	}

	@Test
	void wrongPasswordAndUnknownLoginGetTheSameUnauthorizedError() {
		register("ada");
		String wrongPassword = singleError(login("ada", "not-the-password"), "UNAUTHORIZED", null).getMessage();
		String unknownUser = singleError(login("nobody", PASSWORD), "UNAUTHORIZED", null).getMessage();
		String unknownEmail = singleError(login("nobody@example.com", PASSWORD), "UNAUTHORIZED", null).getMessage();
		assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(unknownEmail).isEqualTo("Wrong login or password");
	}

	@Test
	void inactiveUserCannotLogInNorUseAnEarlierToken() {
		Account ada = register("ada");
		this.db.sql("UPDATE users SET is_active = false WHERE username = 'ada'").then().block();
		String message = singleError(login("ada", PASSWORD), "UNAUTHORIZED", null).getMessage();
		assertThat(message).isEqualTo("Wrong login or password");
		singleError(as(ada.token()).documentName("me").execute(), "UNAUTHORIZED", null);
	}

	@Test
	void tokenOfADeletedUserIsRejected() {
		Account ada = register("ada");
		this.db.sql("DELETE FROM users WHERE username = 'ada'").then().block();
		singleError(as(ada.token()).documentName("me").execute(), "UNAUTHORIZED", null);
	}

	@Test
	void expiredTokenIsRejected() {
		register("ada");
		long rowId = this.db.sql("SELECT id FROM users WHERE username = 'ada'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		AccessToken expired = this.tokens.issue(rowId, 0, Instant.now().minus(Duration.ofDays(2))).block();
		assertThat(expired.expiresAt()).isBefore(OffsetDateTime.now());
		assertThat(singleError(as(expired.token()).documentName("me").execute(), "UNAUTHORIZED", null).getMessage())
			.contains("expired");
		AccessToken fresh = this.tokens.issue(rowId, 0, Instant.now()).block();
		as(fresh.token()).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("ada");
	}

	@Test
	void tamperedTokenIsRejected() {
		Account ada = register("ada");
		Account bob = register("bob");
		String[] parts = ada.token().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
		String bobsRowId = this.db.sql("SELECT id FROM users WHERE username = 'bob'")
			.map((row) -> row.get(0, Long.class).toString())
			.one()
			.block();
		String forgedPayload = payload.replaceFirst("\"sub\":\"\\d+\"", "\"sub\":\"" + bobsRowId + "\"");
		assertThat(forgedPayload).isNotEqualTo(payload);
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedPayload.getBytes())
				+ "." + parts[2];

		assertThat(singleError(as(forged).documentName("me").execute(), "UNAUTHORIZED", null).getMessage())
			.contains("invalid");
		singleError(as("not-a-jwt").documentName("me").execute(), "UNAUTHORIZED", null);
		singleError(this.graphQl.mutate()
			.header("Authorization", "Basic YWRhOnNlY3JldA==")
			.build()
			.documentName("me")
			.execute(), "UNAUTHORIZED", null);
		as(bob.token()).documentName("me").execute().path("me.username").entity(String.class).isEqualTo("bob");
	}

	@Test
	void tokenWithAlgorithmNoneIsRejected() {
		register("ada");
		String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
		String claims = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"iss\":\"inkwell\",\"sub\":\"1\",\"exp\":" + (Instant.now().getEpochSecond() + 3600)
					+ "}").getBytes());
		singleError(as(header + "." + claims + ".").documentName("me").execute(), "UNAUTHORIZED", null);
	}

	@Test
	void duplicateUsernameIsAConflictNamingTheField() {
		register("ada");
		GraphQlTester.Response response = this.graphQl.documentName("register")
			.variable("input", Map.of("username", "ADA", "email", "other@example.com", "password", PASSWORD))
			.execute();
		singleError(response, "CONFLICT", "input.username");
		assertThat(countUsers()).isEqualTo(1);
	}

	@Test
	void duplicateEmailIsAConflictNamingTheFieldWhateverItsCase() {
		register("ada");
		GraphQlTester.Response response = this.graphQl.documentName("register")
			.variable("input", Map.of("username", "ada2", "email", "ADA@Example.com", "password", PASSWORD))
			.execute();
		singleError(response, "CONFLICT", "input.email");
		assertThat(countUsers()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "has space", "semi;colon", "émile", "at@sign",
			"a123456789012345678901234567890123456789012345678901" })
	void invalidUsernamesAreRejected(String username) {
		singleError(registerWith(username, "valid@example.com", PASSWORD), "BAD_REQUEST", "input.username");
		assertThat(countUsers()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "a.b-c_D9", "a1234567890123456789012345678901234567890123456789" })
	void validUsernamesAreAccepted(String username) {
		registerWith(username, "valid@example.com", PASSWORD).errors()
			.verify()
			.path("register.user.username")
			.hasValue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "plainaddress", "no-domain@", "@no-local.com", "a@b", "two@@example.com",
			"spaces in@example.com" })
	void invalidEmailsAreRejected(String email) {
		singleError(registerWith("ada", email, PASSWORD), "BAD_REQUEST", "input.email");
		assertThat(countUsers()).isZero();
	}

	@Test
	void tooLongEmailIsRejected() {
		String email = "a".repeat(60) + "@" + "b".repeat(40) + ".com";
		assertThat(email).hasSize(105);
		assertThat(singleError(registerWith("ada", email, PASSWORD), "BAD_REQUEST", "input.email").getMessage())
			.contains("at most 100");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1234567", "short" })
	void shortPasswordsAreRejected(String password) {
		assertThat(singleError(registerWith("ada", "ada@example.com", password), "BAD_REQUEST", "input.password")
			.getMessage()).contains("8 to 72 characters");
		assertThat(countUsers()).isZero();
	}

	@Test
	void passwordOfExactlyEightCharactersIsAccepted() {
		registerWith("ada", "ada@example.com", "12345678").errors().verify().path("register.token").hasValue();
	}

	@Test
	void everyInvalidFieldIsReportedAtOnce() {
		registerWith("a", "nope", "short").errors().satisfy((errors) -> {
			assertThat(fields(errors)).containsExactly("input.email", "input.password", "input.username");
			errors.forEach((error) -> assertThat(error.getExtensions()).containsEntry("classification", "BAD_REQUEST"));
		});
	}

	@Test
	void blankLoginIsABadRequest() {
		singleError(login(" ", PASSWORD), "BAD_REQUEST", "input.login");
	}

	@Test
	void bcryptHashesFromOtherImplementationsVerify() {
		// $2b$ made by bcryptjs (as passlib writes them), $2y$ by Apache htpasswd.
		insertUser("tutorial", "$2b$12$mTpokzqjV3L863guCfMzX.svO75prdf/tLD3xHp0jYcNydT16C2UG");
		insertUser("legacy", "$2y$10$J/yItmDXn04/RIqSfhlB9OJMFG55vOoLtu2ZZOFA9FzSIRKGfhIlu");
		login("tutorial", "tutorial-password").path("login.user.username").entity(String.class).isEqualTo("tutorial");
		login("legacy", "legacy-password").path("login.user.username").entity(String.class).isEqualTo("legacy");
		singleError(login("tutorial", "legacy-password"), "UNAUTHORIZED", null);
	}

	private void insertUser(String username, String hash) {
		this.db.sql("INSERT INTO users (username, email, hashed_password) VALUES (:username, :email, :hash)")
			.bind("username", username)
			.bind("email", username + "@example.com")
			.bind("hash", hash)
			.then()
			.block();
	}

	private GraphQlTester.Response login(String login, String password) {
		return this.graphQl.documentName("login").variable("login", login).variable("password", password).execute();
	}

	private GraphQlTester.Response registerWith(String username, String email, String password) {
		return this.graphQl.documentName("register")
			.variable("input", Map.of("username", username, "email", email, "password", password))
			.execute();
	}

	private long countUsers() {
		return this.db.sql("SELECT count(*) FROM users").map((row) -> row.get(0, Long.class)).one().block();
	}

}
