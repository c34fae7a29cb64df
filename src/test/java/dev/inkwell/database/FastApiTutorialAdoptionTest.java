package dev.inkwell.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inkwell started on the FastAPI tutorial app's database (with NULL flags, mixed-case emails,
 * passlib hashes, the hand-run indexes and Alembic's table) adopts it and serves it: every row
 * and id kept, old passwords and rights intact, writes and cascades working, and a second start
 * changes nothing. The tests run in order, as an operator's first day would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FastApiTutorialAdoptionTest {

	private static ScratchDatabase tutorial;

	private static List<String> rowsBefore;

	private static ConfigurableApplicationContext inkwell;

	private static HttpGraphQlTester graphQl;

	private static final Map<String, String> tokens = new HashMap<>();

	@BeforeAll
	static void startInkwellOnTheTutorialsDatabase() {
		tutorial = ScratchDatabase.create();
		FastApiTutorial.withEverything(tutorial);
		rowsBefore = tutorial.query(FastApiTutorial.ROWS_AS_THE_APP_MEANT_THEM);
		start();
	}

	@AfterAll
	static void stop() {
		if (inkwell != null) {
			inkwell.close();
		}
		if (tutorial != null) {
			tutorial.close();
		}
	}

	@Test
	@Order(1)
	void everyRowAndIdIsKeptWithNullFlagsReadAsTheOrmWroteThem() {
		assertThat(rowsBefore).hasSize(4 + 5 + 4 + 3 + 6 + 1);
		assertThat(tutorial.query(FastApiTutorial.ROWS_AS_THE_APP_MEANT_THEM)).isEqualTo(rowsBefore);
		assertThat(tutorial.query("SELECT id || ' ' || is_active || ' ' || is_superuser FROM users ORDER BY id"))
			.containsExactly("1 true true", "2 true false", "3 false false", "5 true false");
		assertThat(tutorial.query("SELECT id || ' ' || published || ' ' || coalesce((published_at = created_at)::text, 'never') || ' ' || version"
				+ " FROM posts WHERE id IN (2, 5) ORDER BY id"))
			.containsExactly("2 true true 1", "5 false never 1");
		assertThat(tutorial.query("SELECT color FROM tags WHERE id = 2")).containsExactly("#6b7280");
		assertThat(tutorial.query("SELECT version_num FROM alembic_version")).containsExactly("4f2a9c1d7e3b");
	}

	@Test
	@Order(2)
	void flywayRecordsABaselineAndRunsEveryLaterMigration() {
		List<String> history = tutorial
			.query("SELECT version || ' ' || type || ' ' || description || ' ' || success FROM flyway_schema_history"
					+ " ORDER BY installed_rank");
		assertThat(history.get(0)).isEqualTo("1 BASELINE " + DatabaseAdoption.BASELINE_DESCRIPTION + " true");
		List<String> later = new ArrayList<>();
		for (MigrationInfo migration : tutorial.flyway().info().all()) {
			if (!migration.getVersion().getVersion().equals("1")) {
				later.add(migration.getVersion().getVersion() + " " + migration.getState().isApplied());
			}
		}
		assertThat(later).isNotEmpty().allMatch((migration) -> migration.endsWith(" true"));
		assertThat(history).hasSize(1 + later.size());
		assertThat(tutorial.flyway().info().pending()).isEmpty();
	}

	@Test
	@Order(3)
	void theSchemaIsInkwellsButForAlembicsTable() {
		try (ScratchDatabase fresh = ScratchDatabase.create()) {
			fresh.migrateAsNew();
			List<String> adopted = tutorial.schema();
			List<String> expected = fresh.schema();
			assertThat(expected).isNotEmpty();
			assertThat(adopted).containsAll(expected);
			assertThat(adopted.stream().filter((line) -> !expected.contains(line)))
				.isNotEmpty()
				.allMatch((line) -> line.contains("alembic_version"));
		}
	}

	@Test
	@Order(4)
	void theFeedPostPageSearchTagsAndCommentsServeTheOldRowsUnderTheirIds() {
		GraphQlTester.Response feed = graphQl.document("""
				{ posts(first: 10) { nodes { id title author { id username } tags { id name color } commentCount } } }""")
			.execute();
		feed.path("posts.nodes[*].id").entityList(String.class).containsExactly(id(NodeType.POST, 7), id(NodeType.POST, 2),
				id(NodeType.POST, 1));
		feed.path("posts.nodes[*].author.username").entityList(String.class).containsExactly("grace", "grace", "ada");
		feed.path("posts.nodes[2].tags[*].id").entityList(String.class).containsExactly(id(NodeType.TAG, 4),
				id(NodeType.TAG, 1));
		feed.path("posts.nodes[*].commentCount").entityList(Integer.class).containsExactly(1, 1, 2);

		GraphQlTester.Response page = graphQl.document("""
				{ post(slug: "notes-on-the-analytical-engine") { id publishedAt
				    comments(first: 10) { nodes { id content author { id username } } } } }""").execute();
		page.path("post.id").entity(String.class).isEqualTo(id(NodeType.POST, 1));
		page.path("post.comments.nodes[*].id").entityList(String.class).containsExactly(id(NodeType.COMMENT, 1),
				id(NodeType.COMMENT, 2));
		page.path("post.comments.nodes[*].author.id").entityList(String.class).containsExactly(id(NodeType.USER, 2),
				id(NodeType.USER, 5));

		graphQl.document("{ posts(first: 10, filter: { search: \"weaving looms\" }) { nodes { id } } }")
			.execute()
			.path("posts.nodes[*].id")
			.entityList(String.class)
			.containsExactly(id(NodeType.POST, 1));

		GraphQlTester.Response tags = graphQl
			.document("{ tags(first: 10) { nodes { id name color postCount } } tag(slug: \"history\") { posts(first: 10) { nodes { id } } } }")
			.execute();
		tags.path("tags.nodes[*].id").entityList(String.class).containsExactly(id(NodeType.TAG, 4), id(NodeType.TAG, 1),
				id(NodeType.TAG, 2));
		tags.path("tags.nodes[*].color").entityList(String.class).containsExactly("#aa3311", "#336791", "#6b7280");
		tags.path("tags.nodes[0].postCount").entity(Integer.class).isEqualTo(2);
		tags.path("tag.posts.nodes[*].id").entityList(String.class).containsExactly(id(NodeType.POST, 7),
				id(NodeType.POST, 1));

		graphQl.document("query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Comment { content post { id } } } }")
			.variable("ids", List.of(id(NodeType.COMMENT, 6), id(NodeType.COMMENT, 3)))
			.execute()
			.path("nodes[*].post.id")
			.entityList(String.class)
			.containsExactly(id(NodeType.POST, 2), id(NodeType.POST, 7));
	}

	@Test
	@Order(5)
	void usersLogInWithTheirOldPasswordsByUsernameOrEmailInAnyCaseAndKeepTheirRights() {
		for (String login : List.of("ada", "ADA", "Ada.Lovelace@Example.COM", "ada.lovelace@example.com",
				"ADA.LOVELACE@EXAMPLE.COM")) {
			assertThat(userOf(login(login, "analytical-engine"))).as(login).isEqualTo(id(NodeType.USER, 1));
		}
		tokens.put("ada", login("ada", "analytical-engine"));
		tokens.put("grace", login("grace.hopper@navy.mil", "cobol-forever"));
		tokens.put("alonzo", login("alonzo", "lambda-calculus"));
		assertLoginRefused("ada", "cobol-forever");
		assertLoginRefused("konrad", "plankalkul-1945");

		String me = "{ me { id isSuperuser isActive } }";
		as("ada").document(me).execute().path("me.isSuperuser").entity(Boolean.class).isEqualTo(true);
		as("grace").document(me).execute().path("me.isSuperuser").entity(Boolean.class).isEqualTo(false);
		as("grace").document(me).execute().path("me.isActive").entity(Boolean.class).isEqualTo(true);

		// Drafts: konrad's is seen by the superuser only; alonzo's (published was NULL) by alonzo.
		String draft = "{ post(slug: \"the-z3-a-draft\") { id } }";
		as("ada").document(draft).execute().path("post.id").entity(String.class).isEqualTo(id(NodeType.POST, 4));
		as("grace").document(draft).execute().path("post").valueIsNull();
		String ownDraft = "{ post(slug: \"lambda-calculus-gently\") { id published } }";
		as("alonzo").document(ownDraft).execute().path("post.published").entity(Boolean.class).isEqualTo(false);
		graphQl.document(ownDraft).execute().path("post").valueIsNull();
	}

	@Test
	@Order(6)
	void newPostsWithTagsCommentsAndAccountsGetNewIdsAndOptimisticLockingHolds() {
		GraphQlTester.Response created = as("alonzo").document("""
				mutation { createPost(input: { title: "Church numerals", content: "Zero is a function that ignores f.",
				  tags: ["Python", "lambda"], published: true }) { id version tags { id name } } }""").execute();
		long postId = rowId(created.path("createPost.id").entity(String.class).get());
		assertThat(postId).isGreaterThan(8);
		created.path("createPost.tags[*].name").entityList(String.class).containsExactly("lambda", "python");
		created.path("createPost.tags[1].id").entity(String.class).isEqualTo(id(NodeType.TAG, 2));
		assertThat(rowId(created.path("createPost.tags[0].id").entity(String.class).get())).isGreaterThan(6);

		String comment = as("grace")
			.document("mutation($post: ID!) { addComment(input: { postId: $post, content: \"Seconded.\" }) { id } }")
			.variable("post", id(NodeType.POST, 1))
			.execute()
			.path("addComment.id")
			.entity(String.class)
			.get();
		assertThat(rowId(comment)).isGreaterThan(9);

		String registered = graphQl.document("""
				mutation { register(input: { username: "barbara", email: "Barbara@Example.com", password: "liskov-substitution" })
				  { user { id } } }""").execute().path("register.user.id").entity(String.class).get();
		assertThat(rowId(registered)).isGreaterThan(9);

		String update = "mutation($version: Int!) { updatePost(input: { id: \"" + id(NodeType.POST, 7)
				+ "\", expectedVersion: $version, title: \"Debugging the Mark II, 1947\" }) { version } }";
		as("grace").document(update).variable("version", 1).execute().path("updatePost.version").entity(Integer.class)
			.isEqualTo(2);
		as("grace").document(update).variable("version", 1).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("classification", "CONFLICT")
				.containsEntry("currentVersion", 2);
		});
	}

	@Test
	@Order(7)
	void deletingAUserDeletesTheirPostsAndCommentsAndTheCommentsOnTheirPosts() {
		assertThat(tutorial.query("SELECT count(*) FROM posts WHERE author_id = 2")).containsExactly("2");
		as("ada").document("mutation($id: ID!) { deleteUser(id: $id) }")
			.variable("id", id(NodeType.USER, 2))
			.execute()
			.path("deleteUser")
			.entity(String.class)
			.isEqualTo(id(NodeType.USER, 2));
		assertThat(tutorial.query("SELECT count(*) FROM users WHERE id = 2")).containsExactly("0");
		assertThat(tutorial.query("SELECT count(*) FROM posts WHERE id IN (2, 7)")).containsExactly("0");
		assertThat(tutorial.query("SELECT count(*) FROM post_tags WHERE post_id IN (2, 7)")).containsExactly("0");
		// Grace's comment on Ada's post, Ada's comments on Grace's posts: gone. Alonzo's stays.
		assertThat(tutorial.query("SELECT id FROM comments WHERE id < 10 ORDER BY id")).containsExactly("2");
		assertThat(tutorial.query("SELECT count(*) FROM tags WHERE id IN (1, 2, 4)")).containsExactly("3");
		graphQl.document("{ user(username: \"grace\") { id } }").execute().path("user").valueIsNull();
	}

	@Test
	@Order(8)
	void aSecondStartChangesNothing() {
		List<String> before = tutorial.fingerprint();
		inkwell.close();
		inkwell = null;
		start();
		assertThat(tutorial.fingerprint()).isEqualTo(before);
		assertThat(userOf(login("ALONZO@princeton.edu", "lambda-calculus"))).isEqualTo(id(NodeType.USER, 5));
	}

	private static void start() {
		inkwell = tutorial.startInkwell();
		String port = inkwell.getEnvironment().getProperty("local.server.port");
		// Generous: BCrypt at cost 12 on a busy two-core machine takes its time.
		WebTestClient.Builder client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port + "/graphql")
			.responseTimeout(Duration.ofSeconds(60));
		graphQl = HttpGraphQlTester.builder(client).responseTimeout(Duration.ofSeconds(60)).build();
	}

	private static HttpGraphQlTester as(String user) {
		return graphQl.mutate().headers((headers) -> headers.setBearerAuth(tokens.get(user))).build();
	}

	private static String login(String login, String password) {
		return graphQl.document("mutation($login: String!, $password: String!) { login(input: { login: $login, "
				+ "password: $password }) { token } }")
			.variable("login", login)
			.variable("password", password)
			.execute()
			.path("login.token")
			.entity(String.class)
			.get();
	}

	private static void assertLoginRefused(String login, String password) {
		graphQl.document("mutation($login: String!, $password: String!) { login(input: { login: $login, "
				+ "password: $password }) { token } }")
			.variable("login", login)
			.variable("password", password)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHORIZED")));
	}

	private static String userOf(String token) {
		return graphQl.mutate()
			.headers((headers) -> headers.setBearerAuth(token))
			.build()
			.document("{ me { id } }")
			.execute()
			.path("me.id")
			.entity(String.class)
			.get();
	}

	private static String id(NodeType type, long rowId) {
		return GlobalId.encode(type, rowId);
	}

	private static long rowId(String globalId) {
		return GlobalId.decode(globalId, "id").rowId();
	}

}
