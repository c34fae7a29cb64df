package dev.inkwell.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import dev.inkwell.IntegrationTest;
import dev.inkwell.auth.AccessTokens;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated inputs for every argument of every field that takes one (the root fields of Query and
 * Mutation, and the paged relation fields, reached through a list), found by walking the running
 * server's schema, so a new field or argument is covered without touching this test. Values are
 * hostile or random but of the argument's type, with now and then a wrong JSON type or a missing
 * required value: huge, negative and zero numbers, huge, blank, NUL-carrying, unpaired-surrogate,
 * right-to-left and SQL-looking text, real, edited and made-up global ids and cursors, dates past
 * what PostgreSQL stores, enum values, input objects with random fields. They go as variables
 * through the real endpoint, anonymously, as an author and as a superuser. Whatever the answer,
 * no error may be INTERNAL_ERROR or unclassified, and an operation that answered only errors (as
 * every query does, whatever it answers) must leave every table as it was.
 *
 * <p>Plain seeded {@link Random}: {@code -Dinkwell.fuzz.seed=N} replays a run (every failure names
 * its seed), {@code -Dinkwell.fuzz.rounds=N} sets the requests per field (10 by default, which keeps
 * the whole test within a few hundred requests).
 */
class GeneratedInputTest extends IntegrationTest {

	private static final long SEED = Long.getLong("inkwell.fuzz.seed", 20261202L);

	private static final int ROUNDS = Integer.getInteger("inkwell.fuzz.rounds", 10);

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	/** Every character outside ASCII escaped, so that an unpaired surrogate travels as the client wrote it. */
	private static final JsonMapper json = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	private static final Set<String> CLASSIFIED = Set.of("BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
			"CONFLICT");

	/** Ordering for the checksum of each table: its primary key. */
	private static final Map<String, String> TABLES = Map.of("users", "id", "posts", "id", "comments", "id", "tags",
			"id", "post_tags", "post_id, tag_id");

	private static final List<String> NODE_TYPES = List.of("Post", "User", "Comment", "Tag", "Nope", "post", "");

	private static final List<String> TEXTS = List.of("", " ", "\t\n ", "a", "ada", "ADA", "root", "bea", "java",
			"Java", "go", "hello-world", "draft", "ada@example.com", "not-an-email", "@", PASSWORD, "short",
			"#3b82f6", "#GGGGGG", "#fff", "red", "'; DROP TABLE posts; --", "ada' OR '1'='1", "%", "_", "\\", "\\\\'",
			"\" OR \"\"=\"", "$1", ":id", "?", "!(& | :* <-> ' \" -- or -", "\"quoted phrase\" -excluded or", "*",
			"a:*", "1=1", "NULL", "null", "undefined", "{}", "[]", "{\"a\":1}", "<script>alert(1)</script>",
			"${jndi:ldap://127.0.0.1/a}", "%s%n%x", "../../etc/passwd", "a\u0000b", "\u0000", "nul\u0000",
			"\u0001\u001f\u007f", "a\ud800b", "\udc00", "\ud83d", "👩🏽‍💻🚀", "שלום עולם", "\u202Eevil\u202C", "مرحبا",
			"e\u0301\u0301\u0301", "\u200b", "\ufeffbom", "Ünïcödé", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ｆｕｌｌｗｉｄｔｈ", "İ", "ß", "ǅ",
			"line\nbreak", "\r\n", "-", "--", "a-b_c.d", "a b", "9", "-1", "0", "1e99", "NaN", "Infinity", "true");

	private static final List<String> PLAUSIBLE = List.of("ada", "root", "bea", "java", "Go", "hello-world", "draft",
			"ada@example.com", "new@example.com", "newcomer", PASSWORD, "#3b82f6", "Hello world", "Java and Go",
			"A title", "Some content", "java go", "\"hello\" -go", "");

	private static final List<String> DATE_TIMES = List.of("2026-11-25T08:30:00Z", "2026-11-25T08:30:00.123456789+05:30",
			"1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z",
			"+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z",
			"-4714-11-23T00:00:00Z", "-4713-11-24T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-01-01T00:00:00+18:00",
			"2026-01-01T00:00:00-18:00", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01", "00:00:00",
			"2026-01-01T00:00:00", "yesterday", "", "2026-01-01T00:00:00+99:00", "2026-01-01T24:00:00Z");

	private static final List<String> ORDERINGS = List.of("posts:CREATED_AT:DESC", "posts:CREATED_AT:ASC",
			"posts:PUBLISHED_AT:DESC", "posts:TITLE:ASC", "posts:RELEVANCE:DESC", "users:ID:ASC", "tags:NAME:ASC",
			"tags:POST_COUNT:DESC", "comments:CREATED_AT:ASC", "comments:CREATED_AT:DESC", "nope:X:Y", "");

	@Autowired
	private GraphQlSource graphQlSource;

	@Autowired
	private AccessTokens tokens;

	@Autowired
	private PasswordEncoder passwords;

	private String passwordHash;

	/** Global ids of the fixture's objects, and cursors the server handed out for it. */
	private final List<String> ids = new ArrayList<>();

	private final List<String> cursors = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	/** Whether the request being generated has mostly plausible values. */
	private boolean plausible;

	/** How the requests were answered (HTTP status, and data or each error's classification), for the summary. */
	private final Map<String, Integer> outcomes = new TreeMap<>();

	@Test
	void noGeneratedInputGetsAnInternalErrorOrChangesAnythingWhenRefused() {
		this.passwordHash = this.passwords.encode(PASSWORD);
		seed();
		String authorToken = this.tokens.issue(1, 0).block().token();
		String superuserToken = this.tokens.issue(2, 0).block().token();
		collectIdsAndCursors();
		List<String> viewers = java.util.Arrays.asList(null, authorToken, superuserToken);

		List<Target> targets = targets(this.graphQlSource.schema());
		assertThat(targets).as("fields with arguments found in the schema").hasSizeGreaterThan(20);
		int requests = 0;
		for (Target target : targets) {
			// One generator per field, so that a new field elsewhere does not change this one's inputs.
			Random random = new Random(SEED ^ target.name().hashCode());
			for (int round = 0; round < ROUNDS && this.failures.size() < 20; round++) {
				// Half the requests are mostly plausible, so that one hostile value meets code past the checks.
				this.plausible = random.nextBoolean();
				Map<String, Object> variables = new LinkedHashMap<>();
				for (GraphQLArgument argument : target.field().getArguments()) {
					if (GraphQLTypeUtil.isNonNull(argument.getType()) || random.nextInt(10) < 6) {
						variables.put(argument.getName(), value(random, argument.getType(), argument.getName(), 0));
					}
				}
				String token = viewers.get(random.nextInt(viewers.size()));
				String where = "seed=" + SEED + " (-Dinkwell.fuzz.seed), " + target.name() + " round " + round;
				check(where, target, variables, token);
				requests++;
			}
		}
		System.out.println("GeneratedInputTest: " + requests + " requests, seed " + SEED + ", outcomes " + this.outcomes);
		assertThat(this.failures).as("%d generated requests, seed %d", requests, SEED).isEmpty();
	}

	// The schema: which fields take arguments, and how to reach them.

	/** A field with arguments, and the document that calls it with all of them as variables. */
	record Target(String name, GraphQLFieldDefinition field, boolean mutation, List<String> path, String selection) {

		String document(Set<String> given) {
			List<GraphQLArgument> arguments = this.field.getArguments().stream()
				.filter((argument) -> given.contains(argument.getName()))
				.toList();
			String declarations = arguments.stream()
				.map((argument) -> "$" + argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType()))
				.collect(Collectors.joining(", "));
			String call = this.field.getName() + (arguments.isEmpty() ? "" : arguments.stream()
				.map((argument) -> argument.getName() + ": $" + argument.getName())
				.collect(Collectors.joining(", ", "(", ")"))) + this.selection;
			for (int i = this.path.size() - 1; i >= 0; i--) {
				call = this.path.get(i) + " { " + call + " }";
			}
			return (this.mutation ? "mutation" : "query") + (declarations.isEmpty() ? "" : "(" + declarations + ")")
					+ " { " + call + " }";
		}

	}

	private static List<Target> targets(GraphQLSchema schema) {
		List<Target> targets = new ArrayList<>();
		for (GraphQLFieldDefinition field : sorted(schema.getQueryType().getFieldDefinitions())) {
			targets.add(new Target("Query." + field.getName(), field, false, List.of(), selection(field.getType())));
		}
		for (GraphQLFieldDefinition field : sorted(schema.getMutationType().getFieldDefinitions())) {
			targets.add(new Target("Mutation." + field.getName(), field, true, List.of(), selection(field.getType())));
		}
		// Relation fields with arguments on the object types a query reaches without arguments.
		Map<String, List<String>> paths = pathsFromQuery(schema);
		for (GraphQLNamedType type : schema.getAllTypesAsList().stream()
			.sorted(Comparator.comparing(GraphQLNamedType::getName))
			.toList()) {
			if (type instanceof GraphQLObjectType object && paths.containsKey(object.getName())
					&& !object.getName().startsWith("__")) {
				for (GraphQLFieldDefinition field : sorted(object.getFieldDefinitions())) {
					if (!field.getArguments().isEmpty()) {
						targets.add(new Target(object.getName() + "." + field.getName(), field, false,
								paths.get(object.getName()), selection(field.getType())));
					}
				}
			}
		}
		return targets;
	}

	/** The shortest chain of argument-free fields from Query to each object type (none for Query itself). */
	private static Map<String, List<String>> pathsFromQuery(GraphQLSchema schema) {
		Map<String, List<String>> paths = new HashMap<>();
		Deque<GraphQLObjectType> queue = new ArrayDeque<>();
		queue.add(schema.getQueryType());
		Map<String, List<String>> reached = new HashMap<>();
		reached.put(schema.getQueryType().getName(), List.of());
		while (!queue.isEmpty()) {
			GraphQLObjectType type = queue.remove();
			for (GraphQLFieldDefinition field : sorted(type.getFieldDefinitions())) {
				boolean needsArguments = field.getArguments().stream()
					.anyMatch((argument) -> GraphQLTypeUtil.isNonNull(argument.getType()));
				if (!needsArguments && GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType next
						&& !reached.containsKey(next.getName())) {
					List<String> path = new ArrayList<>(reached.get(type.getName()));
					path.add(field.getName());
					reached.put(next.getName(), path);
					paths.put(next.getName(), path);
					queue.add(next);
				}
			}
		}
		return paths;
	}

	/** Every leaf field without required arguments; a connection's page info and nodes' ids too. */
	private static String selection(GraphQLOutputType type) {
		GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
		if (named instanceof GraphQLInterfaceType) {
			return " { __typename id }";
		}
		if (!(named instanceof GraphQLObjectType object)) {
			return "";
		}
		StringBuilder selection = new StringBuilder(" { __typename");
		for (GraphQLFieldDefinition field : sorted(object.getFieldDefinitions())) {
			boolean needsArguments = field.getArguments().stream()
				.anyMatch((argument) -> GraphQLTypeUtil.isNonNull(argument.getType()));
			if (!needsArguments && GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()))) {
				selection.append(' ').append(field.getName());
			}
		}
		if (object.getFieldDefinition("pageInfo") != null) {
			selection.append(" pageInfo { startCursor endCursor hasNextPage hasPreviousPage }");
		}
		if (object.getFieldDefinition("edges") != null) {
			selection.append(" edges { cursor node { id } }");
		}
		return selection.append(" }").toString();
	}

	private static List<GraphQLFieldDefinition> sorted(List<GraphQLFieldDefinition> fields) {
		return fields.stream().sorted(Comparator.comparing(GraphQLFieldDefinition::getName)).toList();
	}

	// Values of an argument's type, mostly hostile.

	private Object value(Random random, GraphQLInputType type, String name, int depth) {
		if (!this.plausible && random.nextInt(40) == 0) {
			return wrongJsonType(random);
		}
		if (type instanceof GraphQLNonNull nonNull) {
			return (!this.plausible && random.nextInt(40) == 0) ? null
					: value(random, (GraphQLInputType) nonNull.getWrappedType(), name, depth);
		}
		if (random.nextInt(10) == 0) {
			return null;
		}
		if (type instanceof GraphQLList list) {
			int size = switch (this.plausible ? 3 + random.nextInt(7) : random.nextInt(10)) {
				case 0 -> 0;
				case 1 -> 11;
				case 2 -> (depth == 0) ? 101 : 3;
				default -> 1 + random.nextInt(3);
			};
			List<Object> items = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				items.add(value(random, (GraphQLInputType) list.getWrappedType(), name, depth + 1));
			}
			return items;
		}
		if (type instanceof GraphQLEnumType enumType) {
			List<GraphQLEnumValueDefinition> values = enumType.getValues();
			return (!this.plausible && random.nextInt(8) == 0) ? pick(random, TEXTS)
					: values.get(random.nextInt(values.size())).getName();
		}
		if (type instanceof GraphQLInputObjectType input) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
				boolean required = GraphQLTypeUtil.isNonNull(field.getType()) && field.getInputFieldDefaultValue().isNotSet();
				if ((required && (this.plausible || random.nextInt(25) != 0)) || random.nextBoolean()) {
					fields.put(field.getName(), value(random, field.getType(), field.getName(), depth + 1));
				}
			}
			if (!this.plausible && random.nextInt(25) == 0) {
				fields.put("notAField", "x");
			}
			return fields;
		}
		return scalar(random, ((GraphQLScalarType) type).getName(), name);
	}

	private Object scalar(Random random, String scalar, String name) {
		if (this.plausible && random.nextInt(4) != 0) {
			return switch (scalar) {
				case "Int" -> random.nextInt(5);
				case "Boolean" -> random.nextBoolean();
				case "ID" -> pick(random, this.ids);
				case "DateTime" -> pick(random, DATE_TIMES.subList(0, 9));
				default -> ((name.equals("after") || name.equals("before")) && !this.cursors.isEmpty())
						? pick(random, this.cursors) : pick(random, PLAUSIBLE);
			};
		}
		return switch (scalar) {
			case "Int" -> integer(random);
			case "Boolean" -> random.nextBoolean();
			case "ID" -> id(random);
			case "DateTime" -> pick(random, DATE_TIMES);
			default -> text(random, name);
		};
	}

	private static Object integer(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> Integer.MAX_VALUE;
			case 1 -> Integer.MIN_VALUE;
			case 2 -> -1;
			case 3 -> 0;
			case 4 -> 1;
			case 5 -> 100 + random.nextInt(2);
			case 6 -> 10_000 + random.nextInt(2);
			case 7 -> random.nextInt();
			case 8 -> (random.nextInt(4) == 0) ? 1L << 40 : 2;
			default -> random.nextInt(30) - 5;
		};
	}

	private Object text(Random random, String name) {
		if ((name.equals("after") || name.equals("before")) && random.nextInt(4) != 0) {
			return cursor(random);
		}
		if (name.toLowerCase().endsWith("id") && random.nextInt(3) != 0) {
			return id(random);
		}
		return switch (random.nextInt(10)) {
			case 0 -> "x".repeat(List.of(51, 101, 201, 301, 2_001, 10_001, 100_001).get(random.nextInt(7)));
			case 1 -> pick(random, TEXTS) + pick(random, TEXTS);
			case 2 -> randomText(random, 1 + random.nextInt(40));
			case 3 -> pick(random, TEXTS).repeat(1 + random.nextInt(300));
			default -> pick(random, TEXTS);
		};
	}

	/** Any code point, including NUL, controls, private use and lone surrogates. */
	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(4)) {
				case 0 -> text.append((char) random.nextInt(0x80));
				case 1 -> text.append((char) random.nextInt(0x10000));
				case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
				default -> text.append((char) ('a' + random.nextInt(26)));
			}
		}
		return text.toString();
	}

	private Object id(Random random) {
		return switch (random.nextInt(9)) {
			case 0, 1, 2 -> pick(random, this.ids);
			case 3 -> encode(pick(random, NODE_TYPES) + ":" + List.of("0", "-1", "1", "2", "3", "4", "9223372036854775807",
					"99999999999999999999", "abc", "", "1.5", " 1", "1 ", "0x1", "1:2", "\u0000").get(random.nextInt(16)));
			case 4 -> edit(random, pick(random, this.ids));
			case 5 -> Base64.getEncoder().encodeToString(pick(random, this.ids).getBytes(StandardCharsets.UTF_8));
			case 6 -> random.nextInt(5) - 1;   // an ID variable accepts a JSON number
			case 7 -> encode(randomText(random, random.nextInt(20)));
			default -> text(random, "");
		};
	}

	private String cursor(Random random) {
		if (this.cursors.isEmpty() || random.nextInt(4) == 0) {
			String key = switch (random.nextInt(5)) {
				case 0 -> pick(random, DATE_TIMES);
				case 1 -> String.valueOf(integer(random));
				case 2 -> "2026-01-01 00:00:00+00";
				default -> pick(random, TEXTS);
			};
			return encode(pick(random, ORDERINGS) + "\u001f" + integer(random) + "\u001f" + key);
		}
		String real = pick(random, this.cursors);
		return (random.nextInt(5) == 0) ? real : edit(random, real);
	}

	/** A real global id or cursor with one of its parts (or one character) changed, encoded again. */
	private static String edit(Random random, String encoded) {
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return encoded + "=";
		}
		String separator = raw.contains("\u001f") ? "\u001f" : ":";
		List<String> parts = new ArrayList<>(List.of(raw.split(separator, -1)));
		switch (random.nextInt(6)) {
			case 0 -> parts.set(random.nextInt(parts.size()), pick(random, TEXTS));
			case 1 -> parts.set(random.nextInt(parts.size()), pick(random, DATE_TIMES));
			case 2 -> parts.remove(random.nextInt(parts.size()));
			case 3 -> parts.add(String.valueOf(integer(random)));
			case 4 -> {
				return encoded.substring(0, random.nextInt(encoded.length())) + "*";
			}
			default -> {
				int at = random.nextInt(parts.size());
				String part = parts.get(at);
				parts.set(at, part.isEmpty() ? "9" : part.substring(0, part.length() - 1) + (char) (32 + random.nextInt(95)));
			}
		}
		return encode(String.join(separator, parts));
	}

	private static Object wrongJsonType(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> 3.75;
			case 1 -> Map.of("a", List.of(1, "b"));
			case 2 -> List.of("x");
			case 3 -> true;
			default -> "12";
		};
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	// One request, and what must hold of it.

	private void check(String where, Target target, Map<String, Object> variables, String token) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", target.document(variables.keySet()));
		body.put("variables", variables);
		byte[] request = json.writeValueAsBytes(body);
		Map<String, String> before = snapshot();
		EntityExchangeResult<byte[]> result = this.http.post().uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(GRAPHQL_RESPONSE)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.bodyValue(request)
			.exchange()
			.expectBody()
			.returnResult();
		String response = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
		String described = where + (token == null ? ", anonymous" : ", signed in") + "\n  request: "
				+ abbreviate(new String(request, StandardCharsets.UTF_8)) + "\n  response " + result.getStatus().value()
				+ ": " + abbreviate(response);
		int status = result.getStatus().value();
		if (status >= 500 || response.isEmpty()) {
			this.failures.add("server error: " + described);
			return;
		}
		Object parsed = JsonPath.parse(response).json();
		List<?> errors = (parsed instanceof Map<?, ?> map && map.get("errors") instanceof List<?> list) ? list : List.of();
		this.outcomes.merge(status + (hasData(response) ? " data" : "") + errors.stream()
			.map((error) -> (error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions)
					? " " + extensions.get("classification") : " ?")
			.distinct().collect(Collectors.joining()), 1, Integer::sum);
		for (Object error : errors) {
			Object classification = (error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions)
					? extensions.get("classification") : null;
			if (!CLASSIFIED.contains(String.valueOf(classification))) {
				this.failures.add("error classified " + classification + ": " + described);
				break;
			}
		}
		boolean changedSomething = target.mutation() && hasData(response);
		if (changedSomething) {
			// A mutation that worked may have changed anything, the fixture included: start again.
			emptyAgain();
			seed();
		}
		else if (!snapshot().equals(before)) {
			this.failures.add("database changed by an operation that answered only errors: " + described);
			emptyAgain();
			seed();
		}
	}

	private static boolean hasData(String response) {
		Object parsed = JsonPath.parse(response).json();
		Object data = (parsed instanceof Map<?, ?> map) ? map.get("data") : null;
		return (data instanceof Map<?, ?> fields) && fields.values().stream().anyMatch((value) -> value != null);
	}

	private static String abbreviate(String text) {
		return (text.length() <= 600) ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
	}

	// The fixture: fixed rows and timestamps, so that a seed replays the same requests.

	private void seed() {
		this.db.sql("""
				INSERT INTO users (username, email, hashed_password, is_superuser) VALUES
				  ('ada', 'ada@example.com', :hash, false),
				  ('root', 'root@example.com', :hash, true),
				  ('bea', 'bea@example.com', :hash, false)""").bind("hash", this.passwordHash).then().block();
		this.db.sql("""
				INSERT INTO posts (title, slug, content, excerpt, published, published_at, author_id, created_at, updated_at)
				VALUES ('Hello world', 'hello-world', 'Hello from Ada', 'Hi', true, '2026-01-02T00:00:00Z', 1,
				          '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
				       ('Draft', 'draft', 'Not yet', null, false, null, 1, '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z'),
				       ('Bea writes', 'bea-writes', 'Java and Go', null, true, '2026-01-04T00:00:00Z', 3,
				          '2026-01-04T00:00:00Z', '2026-01-04T00:00:00Z')""").then().block();
		this.db.sql("INSERT INTO tags (name, slug, created_at) VALUES ('java', 'java', '2026-01-01T00:00:00Z'), "
				+ "('Go', 'go', '2026-01-01T00:00:00Z')").then().block();
		this.db.sql("INSERT INTO post_tags (post_id, tag_id) VALUES (1, 1), (3, 1), (3, 2)").then().block();
		this.db.sql("""
				INSERT INTO comments (content, post_id, author_id, created_at, updated_at)
				VALUES ('Nice', 1, 3, '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z'),
				       ('Thanks', 3, 1, '2026-01-06T00:00:00Z', '2026-01-06T00:00:00Z'),
				       ('On a draft', 2, 1, '2026-01-07T00:00:00Z', '2026-01-07T00:00:00Z')""").then().block();
	}

	private void emptyAgain() {
		this.db.sql("TRUNCATE users, posts, comments, tags, post_tags, login_attempts RESTART IDENTITY CASCADE")
			.then()
			.block();
	}

	/** Ids of every fixture object, and the cursors of each list in each order, as the server hands them out. */
	private void collectIdsAndCursors() {
		for (long row = 1; row <= 3; row++) {
			this.ids.add(encode("User:" + row));
			this.ids.add(encode("Post:" + row));
			this.ids.add(encode("Comment:" + row));
		}
		this.ids.add(encode("Tag:1"));
		this.ids.add(encode("Tag:2"));
		String superuser = this.tokens.issue(2, 0).block().token();
		for (String list : List.of("posts(first: 2)", "posts(first: 2, orderBy: {field: TITLE, direction: ASC})",
				"posts(first: 2, orderBy: {field: PUBLISHED_AT})",
				"posts(first: 2, filter: {search: \"java\"}, orderBy: {field: RELEVANCE})", "users(first: 2)",
				"tags(first: 1)", "tags(first: 1, orderBy: {field: POST_COUNT, direction: DESC})")) {
			String response = new String(this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.headers((headers) -> headers.setBearerAuth(superuser))
				.bodyValue(Map.of("query", "{ list: " + list + " { edges { cursor } } }"))
				.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
			this.cursors.addAll(JsonPath.parse(response).read("$.data.list.edges[*].cursor"));
		}
		String comments = new String(this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ posts { nodes { comments(first: 1) { edges { cursor } } } } "
					+ "users { nodes { comments(first: 1) { edges { cursor } } } } }"))
			.exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
		this.cursors.addAll(JsonPath.parse(comments).read("$.data..cursor"));
		assertThat(this.cursors).as("cursors of the fixture's lists").hasSizeGreaterThan(10);
	}

	/** Row count and checksum of every table, in one statement. */
	private Map<String, String> snapshot() {
		String sql = TABLES.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.map((table) -> "SELECT '" + table.getKey() + "', count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' "
					+ "ORDER BY " + table.getValue() + ")), '-') FROM " + table.getKey() + " t")
			.collect(Collectors.joining(" UNION ALL "));
		Map<String, String> tables = new TreeMap<>();
		this.db.sql(sql).map((row) -> Map.entry(row.get(0, String.class), row.get(1, String.class))).all()
			.doOnNext((entry) -> tables.put(entry.getKey(), entry.getValue())).blockLast();
		return tables;
	}

}
