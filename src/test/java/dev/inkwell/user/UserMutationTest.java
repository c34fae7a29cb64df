package dev.inkwell.user;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import dev.inkwell.MutationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class UserMutationTest extends MutationTest {

	// --- updateMe

	@Test
	void updateMeChangesOnlyTheFieldsGiven() {
		Account ada = register("ada");
		OffsetDateTime before = updatedAt("ada");
		GraphQlTester.Response response = updateMe(ada, Map.of("fullName", "Ada Lovelace", "bio", "Analyst"));
		response.path("updateMe.username").entity(String.class).isEqualTo("ada");
		response.path("updateMe.email").entity(String.class).isEqualTo("ada@example.com");
		response.path("updateMe.fullName").entity(String.class).isEqualTo("Ada Lovelace");
		response.path("updateMe.bio").entity(String.class).isEqualTo("Analyst");
		assertThat(updatedAt("ada")).isAfter(before);

		updateMe(ada, Map.of("username", "countess", "email", "countess@example.com", "bio", "", "currentPassword",
				PASSWORD))
			.path("updateMe.bio")
			.valueIsNull();
		assertThat(strings("SELECT username || '/' || email || '/' || full_name FROM users"))
			.containsExactly("countess/countess@example.com/Ada Lovelace");
	}

	@Test
	void aNewPasswordReplacesTheOldOne() {
		Account ada = register("ada");
		updateMe(ada, Map.of("password", "a-brand-new-secret", "currentPassword", PASSWORD)).errors().verify();
		singleError(login("ada", PASSWORD), "UNAUTHORIZED", null);
		login("ada", "a-brand-new-secret").path("login.user.username").entity(String.class).isEqualTo("ada");
	}

	@Test
	void updateMeNeedsASignedInUser() {
		singleError(this.graphQl.documentName("updateMe").variable("input", Map.of("bio", "Anonymous")).execute(),
				"UNAUTHORIZED", null);
	}

	@Test
	void takenUsernamesAndEmailsAreConflicts() {
		Account ada = register("ada");
		register("bob");
		singleError(updateMe(ada, Map.of("username", "BOB")), "CONFLICT", "input.username");
		singleError(updateMe(ada, Map.of("email", "Bob@Example.com", "currentPassword", PASSWORD)), "CONFLICT",
				"input.email");
		updateMe(ada, Map.of("username", "ADA")).path("updateMe.username").entity(String.class).isEqualTo("ADA");
	}

	@ParameterizedTest
	@ValueSource(strings = { "username:ab", "username:has space", "username:", "email:nope", "email:",
			"email:a@b", "password:short", "password:", "fullName:101", "bio:2001" })
	void identityRulesApply(String rule) {
		Account ada = register("ada");
		String field = rule.substring(0, rule.indexOf(':'));
		String value = rule.substring(rule.indexOf(':') + 1);
		if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
			value = "x".repeat(Integer.parseInt(value));
		}
		Map<String, Object> input = new HashMap<>();
		input.put(field, value);
		input.put("bio", field.equals("bio") ? value : "unchanged?");
		singleError(updateMe(ada, input), "BAD_REQUEST", "input." + field);
		assertThat(strings("SELECT username || '/' || email || '/' || coalesce(bio, '-') FROM users"))
			.containsExactly("ada/ada@example.com/-");
		login("ada", PASSWORD).path("login.token").hasValue();
	}

	// --- deleteUser

	@Test
	void deletingYourselfRemovesYourPostsAndCommentsAndTheCommentsOnThem() {
		Account ada = register("ada");
		Account bob = register("bob");
		String adas = post(ada, "Ada's", true, "Java");
		String bobs = post(bob, "Bob's", true);
		comment(bob, adas, "Bob on Ada's post");
		comment(ada, bobs, "Ada on Bob's post");
		comment(bob, bobs, "Bob on his own post");
		as(ada.token()).documentName("deleteUser")
			.variable("id", ada.id())
			.execute()
			.path("deleteUser")
			.entity(String.class)
			.isEqualTo(ada.id());
		assertThat(strings("SELECT username FROM users")).containsExactly("bob");
		assertThat(strings("SELECT title FROM posts")).containsExactly("Bob's");
		assertThat(strings("SELECT content FROM comments")).containsExactly("Bob on his own post");
		assertThat(count("SELECT count(*) FROM post_tags")).isZero();
		assertThat(count("SELECT count(*) FROM tags")).isOne();
		singleError(as(ada.token()).documentName("me").execute(), "UNAUTHORIZED", null);
	}

	@Test
	void aSuperuserMayDeleteAnyoneOthersNobody() {
		Account ada = register("ada");
		Account bob = register("bob");
		Account admin = superuser("admin");
		singleError(delete(bob, ada.id()), "FORBIDDEN", null);
		singleError(this.graphQl.documentName("deleteUser").variable("id", ada.id()).execute(), "UNAUTHORIZED", null);
		assertThat(count("SELECT count(*) FROM users")).isEqualTo(3);
		delete(admin, ada.id()).errors().verify();
		singleError(delete(admin, ada.id()), "NOT_FOUND", null);
		singleError(delete(admin, "not-an-id"), "BAD_REQUEST", "id");
		assertThat(strings("SELECT username FROM users ORDER BY username")).containsExactly("admin", "bob");
	}

	private GraphQlTester.Response updateMe(Account account, Map<String, Object> input) {
		return as(account.token()).documentName("updateMe").variable("input", input).execute();
	}

	private GraphQlTester.Response delete(Account account, String id) {
		return as(account.token()).documentName("deleteUser").variable("id", id).execute();
	}

	private GraphQlTester.Response login(String login, String password) {
		return this.graphQl.documentName("login").variable("login", login).variable("password", password).execute();
	}

	private OffsetDateTime updatedAt(String username) {
		return this.db.sql("SELECT updated_at FROM users WHERE username = :username")
			.bind("username", username)
			.map((row) -> row.get(0, OffsetDateTime.class))
			.one()
			.block();
	}

}
