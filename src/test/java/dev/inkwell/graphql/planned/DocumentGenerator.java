package dev.inkwell.graphql.planned;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import dev.inkwell.Content;

/**
 * Random read documents over the schema, from a seed: mostly what the planned engine covers
 * ({@code posts}, {@code post} and everything below them), with aliases, named and inline
 * fragments, {@code @include}/{@code @skip} (literal and variable), variables with and without
 * defaults, nulls, missing and hidden ids, bad and foreign cursors and edge page sizes; and some
 * documents the planner does not cover, which must fall back and answer alike too.
 */
final class DocumentGenerator {

	private static final String[] POST_SCALARS = { "id", "title", "slug", "content", "excerpt", "published",
			"publishedAt", "createdAt", "updatedAt", "version", "commentCount", "__typename" };

	private static final String[] USER_SCALARS = { "id", "username", "email", "fullName", "bio", "isActive",
			"isSuperuser", "createdAt", "updatedAt", "__typename" };

	private static final String[] TAG_SCALARS = { "id", "name", "slug", "color", "createdAt", "__typename" };

	private static final String[] COMMENT_SCALARS = { "id", "content", "createdAt", "updatedAt", "version",
			"__typename" };

	private static final Integer[] PAGE_SIZES = { 0, 1, 2, 3, 5, 20, 100, 101, -1, null };

	private final Random random;

	private final DifferentialSeed seed;

	private final List<String> postCursors;

	private final List<String> commentCursors;

	/** Per document: its variables, declarations, fragments and alias count. */
	private Map<String, Object> variables;

	private List<String> declarations;

	private List<String> fragments;

	private int aliases;

	private int counter;

	DocumentGenerator(long seed, DifferentialSeed data, List<String> postCursors, List<String> commentCursors) {
		this.random = new Random(seed);
		this.seed = data;
		this.postCursors = postCursors;
		this.commentCursors = commentCursors;
	}

	record Document(String query, Map<String, Object> variables) {
	}

	Document next() {
		this.variables = new LinkedHashMap<>();
		this.declarations = new ArrayList<>();
		this.fragments = new ArrayList<>();
		this.aliases = 0;
		this.counter = 0;
		StringBuilder body = new StringBuilder();
		int roots = 1 + this.random.nextInt(this.random.nextInt(5) == 0 ? 3 : 1);
		for (int i = 0; i < roots; i++) {
			int pick = this.random.nextInt(20);
			if (pick < 7) {
				body.append(alias()).append("posts").append(postsArguments()).append(postConnection(2));
			}
			else if (pick < 12) {
				body.append(alias()).append("post").append(postArguments()).append(" { ").append(post(2)).append(" }");
			}
			else {
				body.append(otherRoot());
			}
			body.append('\n');
		}
		String header = this.declarations.isEmpty() ? "query" : "query(" + String.join(", ", this.declarations) + ")";
		String query = header + " {\n" + body + "}\n" + String.join("\n", this.fragments);
		return new Document(query, this.variables);
	}

	/** The other root fields; introspection, which the planner leaves to graphql-java, now and then. */
	private String otherRoot() {
		return switch (this.random.nextInt(10)) {
			case 0 -> alias() + "me { " + user(1) + " }";
			case 1 -> {
				List<String> arguments = new ArrayList<>();
				if (this.random.nextBoolean()) {
					maybe(arguments, "username", "String", () -> pick(List.of("alice", "Bob", "nobody", "")));
				}
				else {
					maybe(arguments, "id", "ID", this::anyId);
				}
				yield alias() + "user" + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + " { "
						+ user(2) + " }";
			}
			case 2 -> alias() + "users" + pageArguments(true) + connection(() -> user(1));
			case 3 -> {
				List<String> arguments = new ArrayList<>();
				if (this.random.nextBoolean()) {
					maybe(arguments, "slug", "String", () -> pick(List.of("graphql", "Java", "nope")));
				}
				else {
					maybe(arguments, "id", "ID", this::anyId);
				}
				yield alias() + "tag" + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")") + " { "
						+ tag(2) + " }";
			}
			case 4 -> {
				List<String> arguments = new ArrayList<>();
				maybe(arguments, "first", "Int", this::pageSize);
				if (this.random.nextBoolean()) {
					maybe(arguments, "orderBy", "TagOrder", () -> Map.of("field", pick(List.of("NAME", "POST_COUNT")),
							"direction", pick(List.of("ASC", "DESC"))));
				}
				if (this.random.nextInt(4) == 0) {
					maybe(arguments, "offset", "Int", () -> pick(List.of(0, 2, -1)));
				}
				yield alias() + "tags" + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
						+ connection(() -> tag(1));
			}
			case 5 -> {
				List<String> arguments = new ArrayList<>();
				maybe(arguments, "id", "ID", () -> this.random.nextBoolean()
						? Content.id("Comment", pick(this.seed.comments)) : anyId());
				if (arguments.isEmpty()) {
					arguments.add("id: " + quote(Content.id("Comment", pick(this.seed.comments))));
				}
				yield alias() + "comment(" + String.join(", ", arguments) + ") { " + comment(2) + " }";
			}
			case 6 -> {
				List<String> arguments = new ArrayList<>();
				maybe(arguments, "id", "ID!", this::anyId);
				if (arguments.isEmpty()) {
					arguments.add("id: " + quote(anyId()));
				}
				yield alias() + "node(" + String.join(", ", arguments) + ") { " + node() + " }";
			}
			case 7 -> {
				List<Object> ids = new ArrayList<>();
				for (int i = this.random.nextInt(6); i >= 0; i--) {
					ids.add(anyId());
				}
				List<String> arguments = new ArrayList<>();
				maybe(arguments, "ids", "[ID!]!", () -> ids);
				if (arguments.isEmpty()) {
					arguments.add("ids: " + literal(ids));
				}
				yield alias() + "nodes(" + String.join(", ", arguments) + ") { " + node() + " }";
			}
			case 8 -> "__schema { queryType { name } }";
			default -> "__typename";
		};
	}

	/** Ids of every type, visible, hidden (drafts and their comments), missing and malformed. */
	private String anyId() {
		return switch (this.random.nextInt(9)) {
			case 0 -> Content.id("User", pick(this.seed.users));
			case 1 -> Content.id("Tag", pick(this.seed.tags));
			case 2 -> Content.id("Comment", pick(this.seed.comments));
			case 3 -> Content.id("Post", pick(this.seed.drafts));
			case 4 -> Content.id("Post", 999_999);
			case 5 -> pick(List.of("bad-id", "VXNlcjo", Content.id("Nope", 1)));
			default -> Content.id("Post", pick(this.seed.posts));
		};
	}

	private String node() {
		List<String> parts = new ArrayList<>();
		if (this.random.nextBoolean()) {
			parts.add("__typename");
		}
		if (this.random.nextBoolean()) {
			parts.add("id");
		}
		if (this.random.nextInt(3) != 0) {
			parts.add("... on Post { " + post(1) + " }");
		}
		if (this.random.nextBoolean()) {
			parts.add("... on User { " + user(1) + " }");
		}
		if (this.random.nextBoolean()) {
			parts.add("... on Tag { " + tag(1) + " }");
		}
		if (this.random.nextBoolean()) {
			parts.add("... on Comment { " + comment(1) + " }");
		}
		if (parts.isEmpty()) {
			parts.add("id");
		}
		return String.join(" ", parts);
	}

	private String pageArguments(boolean backwardToo) {
		List<String> arguments = new ArrayList<>();
		if (backwardToo && this.random.nextInt(5) == 0) {
			maybe(arguments, "last", "Int", this::pageSize);
		}
		else {
			maybe(arguments, "first", "Int", this::smallPageSize);
		}
		if (this.random.nextInt(4) == 0) {
			maybe(arguments, "after", "String", () -> cursor(this.postCursors));
		}
		return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
	}

	private String connection(Supplier<String> node) {
		List<String> parts = new ArrayList<>();
		if (this.random.nextInt(3) == 0) {
			parts.add("totalCount");
		}
		if (this.random.nextInt(3) == 0) {
			parts.add("pageInfo { " + some("hasNextPage", "hasPreviousPage", "startCursor", "endCursor") + " }");
		}
		parts.add(this.random.nextInt(3) == 0 ? "edges { cursor node { " + node.get() + " } }"
				: "nodes { " + node.get() + " }");
		return " { " + String.join(" ", parts) + " }";
	}

	private String tag(int depth) {
		List<String> parts = new ArrayList<>();
		parts.add(some(TAG_SCALARS));
		if (this.random.nextInt(3) == 0) {
			parts.add(alias() + "postCount");
		}
		if (depth > 1 && this.random.nextInt(2) == 0) {
			parts.add(alias() + "posts" + pageArguments(false) + connection(() -> post(1)));
		}
		return String.join(" ", parts);
	}

	private String comment(int depth) {
		List<String> parts = new ArrayList<>();
		parts.add(some(COMMENT_SCALARS));
		if (this.random.nextBoolean()) {
			parts.add("author { " + user(1) + " }");
		}
		if (depth > 1 && this.random.nextBoolean()) {
			parts.add("post { " + post(1) + " }");
		}
		return String.join(" ", parts);
	}

	private Integer smallPageSize() {
		return pick(List.of(0, 1, 2, 3, 101, -1));
	}

	private String alias() {
		if (this.aliases < 6 && this.random.nextInt(4) == 0) {
			this.aliases++;
			return "a" + (this.counter++) + ": ";
		}
		return "";
	}

	private String postsArguments() {
		List<String> arguments = new ArrayList<>();
		boolean backward = this.random.nextInt(6) == 0;
		if (backward) {
			maybe(arguments, "last", "Int", () -> pageSize());
			maybe(arguments, "before", "String", () -> cursor(this.postCursors));
		}
		else {
			maybe(arguments, "first", "Int", () -> pageSize());
			if (this.random.nextInt(3) == 0) {
				maybe(arguments, "after", "String", () -> cursor(this.postCursors));
			}
			else if (this.random.nextInt(5) == 0) {
				maybe(arguments, "offset", "Int", () -> pick(List.of(0, 1, 3, 50, -1)));
			}
		}
		if (this.random.nextInt(3) == 0) {
			maybe(arguments, "filter", "PostFilter", this::filter);
		}
		if (this.random.nextInt(3) == 0) {
			maybe(arguments, "orderBy", "PostOrder", () -> {
				Map<String, Object> order = new LinkedHashMap<>();
				if (this.random.nextBoolean()) {
					order.put("field", pick(List.of("CREATED_AT", "PUBLISHED_AT", "TITLE", "RELEVANCE")));
				}
				if (this.random.nextBoolean()) {
					order.put("direction", pick(List.of("ASC", "DESC")));
				}
				return order;
			});
		}
		return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
	}

	private Map<String, Object> filter() {
		Map<String, Object> filter = new LinkedHashMap<>();
		switch (this.random.nextInt(7)) {
			case 0 -> filter.put("published", this.random.nextBoolean());
			case 1 -> filter.put("authorUsername", pick(List.of("alice", "Bob", "nobody")));
			case 2 -> filter.put("tags", pick(List.of(List.of("graphql"), List.of("Java", "postgresql"), List.of("none"))));
			case 3 -> filter.put("search", pick(List.of("graphql", "backup -zebra", "", "nothingmatches")));
			case 4 -> filter.put("authorId", pick(List.of(Content.id("User", pick(this.seed.users)), "bad-id",
					Content.id("Post", pick(this.seed.posts)))));
			case 5 -> {
				filter.put("tags", List.of("graphql", "java"));
				filter.put("tagMatch", pick(List.of("ANY", "ALL")));
			}
			default -> filter.put("createdAfter", "2026-03-01T10:05:00Z");
		}
		return filter;
	}

	private String postArguments() {
		List<String> arguments = new ArrayList<>();
		int pick = this.random.nextInt(10);
		if (pick < 4) {
			maybe(arguments, "id", "ID", () -> Content.id("Post", pick(this.seed.posts)));
		}
		else if (pick < 6) {
			maybe(arguments, "slug", "String", () -> pick(this.seed.slugs));
		}
		else if (pick == 6) {
			maybe(arguments, "id", "ID", () -> Content.id("Post", pick(this.seed.drafts)));
		}
		else if (pick == 7) {
			maybe(arguments, "id", "ID",
					() -> pick(List.of(Content.id("Post", 999_999), "not-an-id", Content.id("User", pick(this.seed.users)))));
		}
		else if (pick == 8) {
			maybe(arguments, "slug", "String", () -> pick(List.of("no-such-post", "")));
		}
		else {
			arguments.add("id: " + quote(Content.id("Post", pick(this.seed.posts))));
			arguments.add("slug: " + quote(pick(this.seed.slugs)));
		}
		return "(" + String.join(", ", arguments) + ")";
	}

	/** An argument, as a literal or a variable (declared with or without a default), or left out. */
	private void maybe(List<String> arguments, String name, String type, Supplier<Object> value) {
		int how = this.random.nextInt(10);
		if (how < 2) {
			return;
		}
		Object chosen = value.get();
		if (chosen == null && how < 5) {
			return;
		}
		if (how < 6) {
			arguments.add(name + ": " + literal(chosen));
			return;
		}
		String variable = "v" + this.declarations.size();
		if (how == 9 && chosen != null) {
			// A default in the document, and the variable left out of the request.
			this.declarations.add("$" + variable + ": " + type + " = " + literal(chosen));
		}
		else {
			this.declarations.add("$" + variable + ": " + type);
			this.variables.put(variable, chosen);
		}
		arguments.add(name + ": $" + variable);
	}

	private String postConnection(int depth) {
		List<String> parts = new ArrayList<>();
		if (this.random.nextInt(3) == 0) {
			parts.add(directive(alias() + "totalCount"));
		}
		if (this.random.nextInt(2) == 0) {
			parts.add(alias() + "pageInfo { " + some("hasNextPage", "hasPreviousPage", "startCursor", "endCursor") + " }");
		}
		if (this.random.nextInt(4) != 0) {
			parts.add(alias() + "nodes { " + post(depth) + " }");
		}
		if (this.random.nextInt(3) == 0) {
			parts.add(alias() + "edges { cursor node { " + post(depth) + " } }");
		}
		if (parts.isEmpty()) {
			parts.add("__typename");
		}
		return " { " + String.join(" ", parts) + " }";
	}

	private String post(int depth) {
		List<String> parts = new ArrayList<>();
		parts.add(some(POST_SCALARS));
		if (this.random.nextInt(2) == 0) {
			parts.add(directive(alias() + "author { " + user(depth) + " }"));
		}
		if (this.random.nextInt(3) == 0) {
			parts.add(directive(alias() + "tags { " + tag(depth) + " }"));
		}
		if (depth > 1 && this.random.nextInt(2) == 0) {
			parts.add(directive(alias() + "comments" + commentsArguments() + commentConnection()));
		}
		String selection = String.join(" ", parts);
		return switch (this.random.nextInt(6)) {
			case 0 -> "... on Post { " + selection + " }";
			case 1 -> "id ... on Node { id } " + selection;
			case 2 -> {
				String name = "F" + this.fragments.size();
				this.fragments.add("fragment " + name + " on Post { " + selection + " }");
				yield "..." + name + " " + (this.random.nextBoolean() ? "title" : "");
			}
			default -> selection;
		};
	}

	private String user(int depth) {
		List<String> parts = new ArrayList<>();
		parts.add(some(USER_SCALARS));
		if (this.random.nextInt(3) == 0) {
			parts.add(alias() + "postCount");
		}
		if (depth > 1 && this.random.nextInt(3) == 0) {
			List<String> arguments = new ArrayList<>();
			maybe(arguments, "first", "Int", this::smallPageSize);
			if (this.random.nextInt(3) == 0) {
				maybe(arguments, "filter", "PostFilter", this::filter);
			}
			parts.add(alias() + "posts" + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")")
					+ connection(() -> post(1)));
		}
		if (depth > 1 && this.random.nextInt(3) == 0) {
			parts.add(alias() + "comments" + pageArguments(false) + connection(() -> comment(1)));
		}
		String selection = String.join(" ", parts);
		return (this.random.nextInt(4) == 0) ? "... on User { " + selection + " } id" : selection;
	}

	private String commentsArguments() {
		List<String> arguments = new ArrayList<>();
		maybe(arguments, "first", "Int", this::pageSize);
		if (this.random.nextInt(4) == 0) {
			maybe(arguments, "after", "String", () -> cursor(this.commentCursors));
		}
		if (this.random.nextInt(3) == 0) {
			maybe(arguments, "orderBy", "CommentOrder",
					() -> Map.of("direction", pick(List.of("ASC", "DESC"))));
		}
		return arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
	}

	private String commentConnection() {
		List<String> parts = new ArrayList<>();
		if (this.random.nextInt(3) == 0) {
			parts.add("totalCount");
		}
		if (this.random.nextInt(3) == 0) {
			parts.add("pageInfo { " + some("hasNextPage", "hasPreviousPage", "startCursor", "endCursor") + " }");
		}
		String comment = comment(1);
		parts.add(this.random.nextInt(3) == 0 ? "edges { cursor node { " + comment + " } }" : "nodes { " + comment + " }");
		return " { " + String.join(" ", parts) + " }";
	}

	/** A field, now and then under {@code @include} or {@code @skip} (literal or variable). */
	private String directive(String field) {
		int how = this.random.nextInt(8);
		if (how > 1) {
			return field;
		}
		String name = (how == 0) ? "include" : "skip";
		String condition;
		if (this.random.nextBoolean()) {
			condition = String.valueOf(this.random.nextBoolean());
		}
		else {
			String variable = "v" + this.declarations.size();
			this.declarations.add("$" + variable + ": Boolean!");
			this.variables.put(variable, this.random.nextBoolean());
			condition = "$" + variable;
		}
		int brace = field.indexOf(" {");
		int paren = field.indexOf('(');
		int at = (paren >= 0 && (brace < 0 || paren < brace)) ? field.indexOf(')', paren) + 1 : (brace >= 0) ? brace
				: field.length();
		return field.substring(0, at) + " @" + name + "(if: " + condition + ")" + field.substring(at);
	}

	private String some(String... fields) {
		List<String> chosen = new ArrayList<>();
		for (String field : fields) {
			if (this.random.nextInt(3) == 0) {
				chosen.add(field.equals("__typename") ? field : alias() + field);
			}
		}
		if (chosen.isEmpty()) {
			chosen.add(fields[this.random.nextInt(fields.length)]);
		}
		return String.join(" ", chosen);
	}

	private Integer pageSize() {
		return PAGE_SIZES[this.random.nextInt(PAGE_SIZES.length)];
	}

	private String cursor(List<String> valid) {
		return switch (this.random.nextInt(6)) {
			case 0 -> "bm90LWEtY3Vyc29y";
			case 1 -> "%%%";
			case 2 -> pick(this.random.nextBoolean() ? this.postCursors : this.commentCursors);
			default -> valid.isEmpty() ? null : pick(valid);
		};
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/** A GraphQL literal for a JSON-like value (enum values are written bare). */
	@SuppressWarnings("unchecked")
	private static String literal(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String text) {
			return text.matches("[A-Z_]+") ? text : quote(text);
		}
		if (value instanceof List<?> list) {
			return "[" + String.join(", ", list.stream().map(DocumentGenerator::literal).toList()) + "]";
		}
		if (value instanceof Map<?, ?> map) {
			List<String> fields = new ArrayList<>();
			((Map<String, Object>) map).forEach((key, item) -> fields.add(key + ": " + literal(item)));
			return "{" + String.join(", ", fields) + "}";
		}
		return String.valueOf(value);
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
