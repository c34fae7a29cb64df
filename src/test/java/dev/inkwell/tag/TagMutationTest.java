package dev.inkwell.tag;

import java.util.HashMap;
import java.util.Map;

import dev.inkwell.MutationTest;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class TagMutationTest extends MutationTest {

	@Test
	void superuserCreatesATagWithATrimmedNameALowerCaseSlugAndAColor() {
		Account admin = superuser("admin");
		GraphQlTester.Response response = create(admin, "  Spring Boot ", "#3B82F6");
		response.path("createTag.name").entity(String.class).isEqualTo("Spring Boot");
		response.path("createTag.slug").entity(String.class).isEqualTo("spring-boot");
		response.path("createTag.color").entity(String.class).isEqualTo("#3b82f6");
		create(admin, "Plain", null).path("createTag.color").entity(String.class).isEqualTo("#6b7280");
	}

	@Test
	void aTagNameIsTakenWhateverItsCase() {
		Account admin = superuser("admin");
		create(admin, "Kotlin", null);
		assertThat(singleError(create(admin, "kOTLIN", null), "CONFLICT", "input.name").getMessage())
			.contains("'Kotlin' already exists");
		assertThat(count("SELECT count(*) FROM tags")).isOne();
	}

	@Test
	void othersMayNotManageTags() {
		Account ada = register("ada");
		Account admin = superuser("admin");
		String tagId = create(admin, "Java", null).path("createTag.id").entity(String.class).get();
		singleError(create(ada, "Mine", null), "FORBIDDEN", null);
		singleError(update(ada, Map.of("id", tagId, "name", "Renamed")), "FORBIDDEN", null);
		singleError(delete(ada, tagId), "FORBIDDEN", null);
		singleError(this.graphQl.documentName("createTag").variable("input", Map.of("name", "Anon")).execute(),
				"UNAUTHORIZED", null);
		singleError(this.graphQl.documentName("updateTag").variable("input", Map.of("id", tagId, "name", "Anon"))
			.execute(), "UNAUTHORIZED", null);
		singleError(this.graphQl.documentName("deleteTag").variable("id", tagId).execute(), "UNAUTHORIZED", null);
		assertThat(strings("SELECT name FROM tags")).containsExactly("Java");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankOrTooLongNamesAreRejected(String name) {
		Account admin = superuser("admin");
		assertThat(singleError(create(admin, name, null), "BAD_REQUEST", "input.name").getMessage())
			.contains("1 to 50 characters after trimming");
		singleError(create(admin, "x".repeat(51), null), "BAD_REQUEST", "input.name");
		create(admin, " " + "x".repeat(50) + " ", null).errors().verify();
	}

	@ParameterizedTest
	@ValueSource(strings = { "red", "#12345", "#1234567", "#GGGGGG", "123456" })
	void colorsMustBeHashRrggbb(String color) {
		Account admin = superuser("admin");
		assertThat(singleError(create(admin, "Colored", color), "BAD_REQUEST", "input.color").getMessage())
			.contains("#RRGGBB");
		String id = create(admin, "Colored", "#abcdef").path("createTag.id").entity(String.class).get();
		singleError(update(admin, Map.of("id", id, "color", color)), "BAD_REQUEST", "input.color");
		assertThat(strings("SELECT color FROM tags")).containsExactly("#abcdef");
	}

	@Test
	void updateTagRenamesAndRecolorsButKeepsTheSlug() {
		Account admin = superuser("admin");
		String id = create(admin, "postgres", null).path("createTag.id").entity(String.class).get();
		GraphQlTester.Response response = update(admin, Map.of("id", id, "name", "PostgreSQL", "color", "#336791"));
		response.path("updateTag.name").entity(String.class).isEqualTo("PostgreSQL");
		response.path("updateTag.color").entity(String.class).isEqualTo("#336791");
		response.path("updateTag.slug").entity(String.class).isEqualTo("postgres");
		update(admin, Map.of("id", id, "color", "#000000")).path("updateTag.name")
			.entity(String.class)
			.isEqualTo("PostgreSQL");
	}

	@Test
	void renamingOntoAnotherTagsNameIsAConflict() {
		Account admin = superuser("admin");
		create(admin, "Java", null);
		String id = create(admin, "Kotlin", null).path("createTag.id").entity(String.class).get();
		singleError(update(admin, Map.of("id", id, "name", "JAVA")), "CONFLICT", "input.name");
		singleError(update(admin, Map.of("id", id, "name", " ")), "BAD_REQUEST", "input.name");
		assertThat(strings("SELECT name FROM tags ORDER BY name")).containsExactly("Java", "Kotlin");
	}

	@Test
	void deleteTagUnlinksItFromPostsAndLeavesThePosts() {
		Account ada = register("ada");
		Account admin = superuser("admin");
		post(ada, "Tagged", true, "Java", "Spring");
		post(ada, "Untouched", true, "Spring");
		String javaId = GlobalId.encode(NodeType.TAG, count("SELECT id FROM tags WHERE name = 'Java'"));
		delete(admin, javaId).path("deleteTag").entity(String.class).isEqualTo(javaId);
		assertThat(strings("SELECT name FROM tags")).containsExactly("Spring");
		assertThat(count("SELECT count(*) FROM post_tags")).isEqualTo(2);
		assertThat(strings("SELECT title || '/' || version FROM posts ORDER BY id"))
			.as("the post that lost a tag changed").containsExactly("Tagged/2", "Untouched/1");
		singleError(delete(admin, javaId), "NOT_FOUND", null);
		singleError(update(admin, Map.of("id", javaId, "name", "Back")), "NOT_FOUND", null);
	}

	private GraphQlTester.Response create(Account account, String name, String color) {
		Map<String, Object> input = new HashMap<>();
		input.put("name", name);
		if (color != null) {
			input.put("color", color);
		}
		return as(account.token()).documentName("createTag").variable("input", input).execute();
	}

	private GraphQlTester.Response update(Account account, Map<String, Object> input) {
		return as(account.token()).documentName("updateTag").variable("input", input).execute();
	}

	private GraphQlTester.Response delete(Account account, String id) {
		return as(account.token()).documentName("deleteTag").variable("id", id).execute();
	}

}
