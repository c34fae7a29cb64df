package dev.inkwell.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.inkwell.Content;
import dev.inkwell.InkwellApplication;
import dev.inkwell.auth.AccessTokens;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated inputs for every argument of every query and mutation field, derived from the running
 * server's schema (so new fields are covered without touching this test), sent over HTTP
 * anonymously, as a user and as a superuser. Whatever comes in: never an INTERNAL_ERROR, every error
 * classified, and a refused operation leaves every table exactly as it was (row counts and
 * checksums). A mutation that succeeds may change the database; the fixture is then laid again.
 * <p>
 * jqwik with a fixed seed (printed by jqwik on failure, and below) and a few hundred tries; the
 * server is started by the test itself on a random port, against the test database.
 */
class GeneratedInputTest {

	static final String SEED = "20261201";

	static final int TRIES = 300;

	/** Checksummed like {@code HostileInputTest}: each table by its primary key. */
	private static final Map<String, String> TABLES = Map.of("users", "id", "posts", "id", "comments", "id", "tags",
			"id", "post_tags", "post_id, tag_id");

	private static final Set<String> CLASSIFICATIONS = Set.of("BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
			"CONFLICT");

	private static final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static ConfigurableApplicationContext app;

	private static GraphQLSchema schema;

	private static DatabaseClient db;

	private static AccessTokens tokens;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static String endpoint;

	private static Map<String, String> snapshot;

	@BeforeContainer
	static void startServer() {
		String database = System.getenv().getOrDefault("INKWELL_TEST_DB", "inkwell_test");
		app = new SpringApplicationBuilder(InkwellApplication.class).run("--server.port=0",
				"--inkwell.database.name=" + database,
				// Generated logins and sign-ups should reach the code behind the rate limits.
				"--inkwell.auth.login-attempts-per-window=1000000", "--inkwell.auth.register-attempts-per-window=1000000",
				"--inkwell.auth.login-failures-per-account=1000000", "--inkwell.auth.bcrypt-strength=4",
				// A busy machine is slow to open the first connections; that is not what this test is about.
				"--spring.r2dbc.pool.max-acquire-time=30s", "--inkwell.database.timeouts.statement=30s");
		endpoint = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/graphql";
		schema = app.getBean(GraphQlSource.class).schema();
		db = app.getBean(DatabaseClient.class);
		tokens = app.getBean(AccessTokens.class);
		System.out.println("GeneratedInputTest: jqwik seed " + SEED + ", " + TRIES + " tries over "
				+ fields().size() + " query and mutation fields");
		layFixture();
	}

	@AfterContainer
	static void stopServer() {
		if (app != null) {
			app.close();
		}
	}

	/** One generated operation: a root field with generated arguments, sent as someone. */
	record Call(boolean mutation, String field, String document, Map<String, Object> variables, String as) {

		@Override
		public String toString() {
			String shown = this.variables.entrySet().stream()
				.map((entry) -> entry.getKey() + "=" + abbreviate(String.valueOf(entry.getValue())))
				.collect(Collectors.joining(", "));
			return this.as + ": " + this.document + " {" + shown + "}";
		}

	}

	@Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
	void noInputMakesAnInternalErrorOrChangesTheDatabaseWhenRefused(@ForAll("calls") Call call) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", call.document());
		body.put("variables", call.variables());
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
		String token = token(call.as());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 413);
		JsonNode result = json.readTree(response.body());
		List<String> classifications = new ArrayList<>();
		result.path("errors").forEach((error) -> classifications.add(error.path("extensions").path("classification")
			.asString("<none>")));
		assertThat(classifications).as(response.body()).allSatisfy((c) -> assertThat(c).isIn(CLASSIFICATIONS));

		boolean succeeded = classifications.isEmpty() && !result.path("data").path(call.field()).isMissingNode();
		if (call.mutation() && succeeded) {
			// A valid mutation may write; start the next try from the fixture again.
			layFixture();
		}
		else {
			assertThat(tables()).as("database unchanged by " + response.body()).isEqualTo(snapshot);
		}
	}

	/** Lists (connections) are picked more often: their paging and cursor arguments are the richest. */
	@Provide
	Arbitrary<Call> calls() {
		List<Tuple.Tuple2<Integer, GraphQLFieldDefinition>> weighted = fields().stream()
			.map((field) -> Tuple.of(listName(field.getType()).isEmpty() ? 1 : 4, field))
			.toList();
		return Arbitraries.frequency(weighted).flatMap((field) -> {
			boolean mutation = schema.getMutationType().getFieldDefinition(field.getName()) == field;
			Arbitrary<Map<String, Object>> arguments = Arbitraries.just(new LinkedHashMap<>());
			String list = listName(field.getType());
			for (GraphQLArgument argument : field.getArguments()) {
				Arbitrary<Object> value = value(argument.getName(), argument.getType(), list, 0);
				arguments = arguments.flatMap((so_far) -> value.map((generated) -> {
					Map<String, Object> next = new LinkedHashMap<>(so_far);
					if (generated != ABSENT) {
						next.put(argument.getName(), generated);
					}
					return next;
				}));
			}
			return arguments.flatMap((variables) -> Arbitraries.of("anonymous", "ada", "root")
				.map((as) -> new Call(mutation, field.getName(), document(mutation, field, variables.keySet()),
						variables, as)));
		});
	}

	// Generating values for the schema's input types

	/** Marks an optional argument or input field left out. */
	private static final Object ABSENT = new Object() {
		@Override
		public String toString() {
			return "<absent>";
		}
	};

	/**
	 * Optional arguments are left out more often than given, so that the ones given meet the code
	 * behind the first checks (two paging arguments at once are refused before anything else).
	 *
	 * @param list the list the field returns ({@code posts}, {@code users}…), for its cursors
	 */
	private static Arbitrary<Object> value(String name, GraphQLInputType type, String list, int depth) {
		if (type instanceof GraphQLNonNull nonNull) {
			return present(name, (GraphQLInputType) nonNull.getWrappedType(), list, depth);
		}
		return Arbitraries.frequencyOf(Tuple.of(3, present(name, type, list, depth)),
				Tuple.of(5, Arbitraries.just(ABSENT)), Tuple.of(1, Arbitraries.just((Object) null)));
	}

	private static Arbitrary<Object> present(String name, GraphQLInputType type, String list, int depth) {
		if (type instanceof GraphQLNonNull nonNull) {
			return present(name, (GraphQLInputType) nonNull.getWrappedType(), list, depth);
		}
		if (type instanceof GraphQLList listType) {
			Arbitrary<Object> item = present(name, (GraphQLInputType) listType.getWrappedType(), list, depth + 1);
			return Arbitraries.frequencyOf(Tuple.of(8, item.list().ofMaxSize(4).map((items) -> (Object) items)),
					Tuple.of(1, item.list().ofSize(120).map((items) -> (Object) items)));
		}
		if (type instanceof GraphQLEnumType enumType) {
			List<Object> values = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName)
				.collect(Collectors.toList());
			return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(values)), Tuple.of(1, texts().map((t) -> t)));
		}
		if (type instanceof GraphQLInputObjectType object) {
			if (depth > 3) {
				return Arbitraries.just(Map.of());
			}
			Arbitrary<Map<String, Object>> fields = Arbitraries.just(new LinkedHashMap<>());
			for (GraphQLInputObjectField field : object.getFields()) {
				Arbitrary<Object> value = value(field.getName(), field.getType(), list, depth + 1);
				fields = fields.flatMap((so_far) -> value.map((generated) -> {
					Map<String, Object> next = new LinkedHashMap<>(so_far);
					if (generated != ABSENT) {
						next.put(field.getName(), generated);
					}
					return next;
				}));
			}
			return fields.map((map) -> (Object) map);
		}
		String scalar = ((GraphQLScalarType) type).getName();
		return switch (scalar) {
			case "Int" -> ints().map((i) -> (Object) i);
			case "Boolean" -> Arbitraries.of(true, false).map((b) -> (Object) b);
			case "ID" -> Arbitraries.frequencyOf(Tuple.of(6, globalIds()), Tuple.of(1, texts())).map((t) -> (Object) t);
			case "DateTime" -> dateTimes().map((t) -> (Object) t);
			default -> (name.equals("after") || name.equals("before"))
					? Arbitraries.frequencyOf(Tuple.of(6, cursors(list)), Tuple.of(1, texts())).map((t) -> (Object) t)
					: texts().map((t) -> (Object) t);
		};
	}

	private static Arbitrary<Integer> ints() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(-3, 120)),
				Tuple.of(2, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 10_000, 10_001, 1_000_000)),
				Tuple.of(1, Arbitraries.integers()));
	}

	/** Any Unicode (lone surrogates and NUL included), SQL and search syntax, names, and long text. */
	private static Arbitrary<String> texts() {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().all().ofMaxLength(24)),
				Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').withChars("-_.@ ").ofMinLength(1).ofMaxLength(24)),
				Tuple.of(3, Arbitraries.of("", " ", "ada", "root", "ada@example.com", "java", "hello", "#ff0000",
						"'; DROP TABLE posts; --", "\u0000", "a\ud800b", "\ud83d\ude80 \u202eevil", "!(& | :* <-> \\ ' \"",
						"%", "_", "or -", "2026-01-01 00:00:00+00", "inkwell-demo", "correct-horse-battery")),
				Tuple.of(1, Arbitraries.of(101, 201, 301, 501, 2_001, 10_001, 100_001).map("x"::repeat)));
	}

	/** Ids of every type (and none), for rows that exist and rows that do not. */
	private static Arbitrary<String> globalIds() {
		return Arbitraries.of("User", "Post", "Comment", "Tag", "Nope", "")
			.flatMap((type) -> Arbitraries.of("1", "2", "3", "0", "-1", "99999999999", "99999999999999999999", "x")
				.map((row) -> encode(type + ":" + row)));
	}

	/**
	 * Cursors with sort keys as printed and as a client might edit them; mostly of the list's default
	 * ordering (so that they get past the ordering check to the key), else of any ordering.
	 */
	private static Arbitrary<String> cursors(String list) {
		String defaultOrdering = switch (list) {
			case "users" -> "users:ID:ASC";
			case "tags" -> "tags:NAME:ASC";
			case "comments" -> "comments:CREATED_AT:ASC";
			default -> "posts:CREATED_AT:DESC";
		};
		Arbitrary<String> ordering = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(defaultOrdering)),
				Tuple.of(2, Arbitraries.of("posts:CREATED_AT:ASC", "posts:PUBLISHED_AT:DESC", "posts:TITLE:ASC",
						"posts:RELEVANCE:DESC", "tags:POST_COUNT:DESC", "comments:CREATED_AT:DESC", "nope")));
		Arbitrary<String> key = Arbitraries.frequencyOf(
				Tuple.of(5, Arbitraries.of("2026-01-01 10:00:00+00", "2026-01-01 10:00:00.123456+05:30", "-infinity",
						"2026-13-45 99:99:99+00", "2026-02-30 00:00:00+00", "999999-01-01 00:00:00+00", "0000-01-01 00:00:00+00",
						"2026-01-01 10:00:00+99", "1", "0", "-5", "99999999999999999999", "1e99", "1e-99", "0.5", "NaN",
						"a\u0000b", "hello")),
				Tuple.of(1, texts()));
		return ordering.flatMap((o) -> key.flatMap((k) -> Arbitraries.of("1", "2", "3", "-1", "x", "99999999999999999999")
			.map((id) -> encode(o + "\u001f" + id + "\u001f" + k))));
	}

	private static Arbitrary<String> dateTimes() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.longs().between(-9_000_000_000L, 9_000_000_000L)
					.map((seconds) -> Instant.ofEpochSecond(seconds).toString())),
				Tuple.of(1, Arbitraries.of("+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
						"yesterday", "")));
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** The list a connection field returns, by its type: {@code PostConnection} is {@code posts}. */
	private static String listName(GraphQLOutputType type) {
		String name = ((graphql.schema.GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName();
		return name.endsWith("Connection") ? name.replace("Connection", "").toLowerCase() + "s" : "";
	}

	// The operation document

	private static List<GraphQLFieldDefinition> fields() {
		List<GraphQLFieldDefinition> fields = new ArrayList<>(schema.getQueryType().getFieldDefinitions());
		fields.addAll(schema.getMutationType().getFieldDefinitions());
		fields.removeIf((field) -> field.getName().startsWith("__"));
		return fields;
	}

	private static String document(boolean mutation, GraphQLFieldDefinition field, Set<String> given) {
		List<String> declarations = new ArrayList<>();
		List<String> arguments = new ArrayList<>();
		for (GraphQLArgument argument : field.getArguments()) {
			if (given.contains(argument.getName())) {
				declarations.add("$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
				arguments.add(argument.getName() + ": $" + argument.getName());
			}
		}
		return (mutation ? "mutation" : "query") + (declarations.isEmpty() ? "" : "(" + String.join(", ", declarations)
				+ ")") + " { " + field.getName() + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
				+ selection(field.getType()) + " }";
	}

	/** {@code __typename} and the scalar fields without required arguments, one level deep. */
	private static String selection(GraphQLOutputType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (!(named instanceof GraphQLFieldsContainer container)) {
			return (named instanceof GraphQLObjectType || !(named instanceof GraphQLScalarType || named instanceof GraphQLEnumType))
					? " { __typename }" : "";
		}
		String scalars = container.getFieldDefinitions().stream()
			.filter((child) -> {
				GraphQLType childType = GraphQLTypeUtil.unwrapAll(child.getType());
				return (childType instanceof GraphQLScalarType || childType instanceof GraphQLEnumType)
						&& child.getArguments().stream().noneMatch((a) -> GraphQLTypeUtil.isNonNull(a.getType()));
			})
			.map(GraphQLFieldDefinition::getName)
			.collect(Collectors.joining(" "));
		return " { __typename " + scalars + " }";
	}

	// The fixture and the database's state

	/** A user, a superuser, a published post with a tag and a comment, and a draft. */
	private static void layFixture() {
		db.sql("TRUNCATE users, posts, comments, tags, post_tags, login_attempts RESTART IDENTITY CASCADE").then().block();
		Content content = new Content(db);
		long ada = content.user("ada");
		long root = content.user("root");
		db.sql("UPDATE users SET is_superuser = true WHERE id = :id").bind("id", root).then().block();
		long post = content.post(ada, "Hello world", true);
		content.post(root, "A draft", false);
		content.tagPost(post, content.tag("java"));
		content.comment(post, root, "Nice");
		snapshot = tables();
	}

	/** A fresh token for the user, at their current token version (a generated logout raises it). */
	private static String token(String username) {
		if (username.equals("anonymous")) {
			return null;
		}
		Map<String, Object> row = db.sql("SELECT id, token_version FROM users WHERE username = :u").bind("u", username)
			.fetch().one().block();
		if (row == null) {
			return null;
		}
		return tokens.issue(((Number) row.get("id")).longValue(), ((Number) row.get("token_version")).intValue())
			.block()
			.token();
	}

	private static Map<String, String> tables() {
		Map<String, String> tables = new TreeMap<>();
		TABLES.forEach((table, key) -> tables.put(table, db.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, "
				+ "'|' ORDER BY " + key + ")), '-') FROM " + table + " t").map((row) -> row.get(0, String.class)).one()
			.block()));
		return tables;
	}

	private static String abbreviate(String text) {
		return (text.length() > 120) ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
	}

}
