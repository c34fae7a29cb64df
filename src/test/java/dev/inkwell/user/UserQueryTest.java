package dev.inkwell.user;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.inkwell.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class UserQueryTest extends IntegrationTest {

	@Test
	void nodeFindsAUserByGlobalId() {
		Account ada = register("ada");
		GraphQlTester.Response response = this.graphQl.documentName("node").variable("id", ada.id()).execute();
		response.path("node.__typename").entity(String.class).isEqualTo("User");
		response.path("node.id").entity(String.class).isEqualTo(ada.id());
		response.path("node.username").entity(String.class).isEqualTo("ada");
	}

	@Test
	void globalIdsAreOpaque() {
		Account ada = register("ada");
		assertThat(ada.id()).doesNotContain("User").doesNotContain(":").isNotEqualTo("1");
	}

	@Test
	void nodeOfAMissingUserIsNull() {
		register("ada");
		String missing = encode("User:999999");
		this.graphQl.documentName("node").variable("id", missing).execute().path("node").valueIsNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "VXNlcjo", "VXNlcjphYmM", "MTIz", "VXNlcjoxOmV4dHJh", "", "Tm9wZToxMg" })
	void malformedOrForeignIdIsABadRequestNamingTheArgument(String id) {
		singleError(this.graphQl.documentName("node").variable("id", id).execute(), "BAD_REQUEST", "id");
	}

	@Test
	void nodesReturnsOneSlotPerIdInOrderWithNullForMissing() {
		Account ada = register("ada");
		Account bob = register("bob");
		List<String> ids = Arrays.asList(bob.id(), encode("User:424242"), ada.id(), bob.id());
		GraphQlTester.Response response = this.graphQl.documentName("nodes").variable("ids", ids).execute();
		response.path("nodes").entityList(Object.class).hasSize(4);
		response.path("nodes[0].username").entity(String.class).isEqualTo("bob");
		response.path("nodes[1]").valueIsNull();
		response.path("nodes[2].username").entity(String.class).isEqualTo("ada");
		response.path("nodes[3].username").entity(String.class).isEqualTo("bob");
	}

	@Test
	void nodesNamesTheMalformedId() {
		Account ada = register("ada");
		singleError(this.graphQl.documentName("nodes").variable("ids", List.of(ada.id(), "nonsense")).execute(),
				"BAD_REQUEST", "ids[1]");
	}

	@Test
	void nodesRefusesMoreThanOneHundredIds() {
		Account ada = register("ada");
		List<String> ids = java.util.Collections.nCopies(101, ada.id());
		assertThat(singleError(this.graphQl.documentName("nodes").variable("ids", ids).execute(), "BAD_REQUEST", "ids")
			.getMessage()).contains("100");
	}

	@Test
	void userByUsernameIgnoresCase() {
		Account ada = register("ada");
		this.graphQl.documentName("user")
			.variable("username", "ADA")
			.execute()
			.path("user.id")
			.entity(String.class)
			.isEqualTo(ada.id());
		this.graphQl.documentName("user").variable("id", ada.id()).execute().path("user.username").entity(String.class)
			.isEqualTo("ada");
		this.graphQl.documentName("user").variable("username", "nobody").execute().path("user").valueIsNull();
	}

	@Test
	void userNeedsExactlyOneOfIdAndUsername() {
		singleError(this.graphQl.documentName("user").execute(), "BAD_REQUEST", "id");
		Account ada = register("ada");
		singleError(this.graphQl.documentName("user").variable("id", ada.id()).variable("username", "ada").execute(),
				"BAD_REQUEST", "id");
	}

	@Test
	void emailIsVisibleToItsOwnerAndSuperusersOnly() {
		Account ada = register("ada");
		Account bob = register("bob");
		Account root = register("root");
		this.db.sql("UPDATE users SET is_superuser = true WHERE username = 'root'").then().block();

		this.graphQl.documentName("user").variable("id", ada.id()).execute().path("user.email").valueIsNull();
		as(bob.token()).documentName("user").variable("id", ada.id()).execute().path("user.email").valueIsNull();
		as(ada.token()).documentName("user").variable("id", ada.id()).execute().path("user.email")
			.entity(String.class).isEqualTo("ada@example.com");
		as(root.token()).documentName("user").variable("id", ada.id()).execute().path("user.email")
			.entity(String.class).isEqualTo("ada@example.com");
		as(bob.token()).documentName("node").variable("id", ada.id()).execute().path("node.email").valueIsNull();
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

}
