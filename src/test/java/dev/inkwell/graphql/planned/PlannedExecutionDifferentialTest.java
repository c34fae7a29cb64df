package dev.inkwell.graphql.planned;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.RunningInkwell;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planned engine answers exactly as graphql-java does. This server runs with
 * {@code INKWELL_EXECUTION=planned}; a second one, on the same database, with
 * {@code graphql-java}. Every document of the corpus goes to both, as four viewers (anonymous, an
 * author, another user, a superuser), with the same request id, and the two response bodies (data,
 * errors with paths and extensions, {@code extensions.cost}) must be equal byte for byte, status
 * included; the one liberty is the order of several errors ({@link #withErrorsInPathOrder}).
 * <p>
 * Corpus: the read documents of {@code src/test/resources/graphql-test} and {@code bench/queries},
 * the README's examples, regression documents under {@code src/test/resources/differential}, and
 * generated documents ({@link DocumentGenerator}) from a seed that is printed; set
 * {@code -Ddifferential.seed=} to replay one and {@code -Ddifferential.count=} for more. A document
 * that answers differently is written to {@code target/differential-failures/} (query and
 * variables), ready to be kept as a regression document.
 */
@TestPropertySource(properties = "inkwell.execution=planned")
class PlannedExecutionDifferentialTest extends IntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient client = HttpClient.newHttpClient();

	private static RunningInkwell reference;

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	/** Tokens of the viewers; null is anonymous. */
	private final Map<String, String> viewers = new LinkedHashMap<>();

	private DifferentialSeed seed;

	private int requests;

	private final List<String> failures = new ArrayList<>();

	@BeforeEach
	void seedAndStartReference() {
		Account author = register("alice");
		Account other = register("bob");
		Account root = register("root");
		this.db.sql("UPDATE users SET is_superuser = true WHERE username = 'root'").then().block();
		this.viewers.put("anonymous", null);
		this.viewers.put("author", author.token());
		this.viewers.put("other", other.token());
		this.viewers.put("superuser", root.token());
		this.seed = DifferentialSeed.write(this.db,
				List.of(Content.rowId(author.id()), Content.rowId(other.id()), Content.rowId(root.id())));
		if (reference == null) {
			String name = System.getenv().getOrDefault("INKWELL_TEST_DB", "inkwell_test");
			reference = RunningInkwell.start("postgresql://postgres:postgres@127.0.0.1:5432/" + name,
					"--inkwell.execution=graphql-java", "--spring.r2dbc.pool.max-acquire-time=10s",
					"--DB_STATEMENT_TIMEOUT=30s");
		}
	}

	@AfterAll
	static void stopReference() {
		if (reference != null) {
			reference.close();
			reference = null;
		}
	}

	@Test
	void theCorpusAnswersAlikeOnBothEngines() throws Exception {
		Map<String, Boolean> planned = new LinkedHashMap<>();
		for (Path file : corpusFiles()) {
			String query = Files.readString(file);
			for (Map<String, Object> variables : keptVariables(query).orElseGet(() -> variablesFor(query))) {
				planned.merge(file.getFileName().toString(), compare(file.getFileName().toString(), query, variables),
						Boolean::logicalAnd);
			}
		}
		for (Map.Entry<String, String> example : readmeExamples().entrySet()) {
			planned.put(example.getKey(), compare(example.getKey(), example.getValue(), Map.of()));
		}
		assertThat(this.failures).as("documents answered differently (see target/differential-failures)").isEmpty();
		// What the planner covers ran on it, for every viewer; the rest fell back.
		assertThat(planned).containsEntry("posts-nested.graphql", true)
			.containsEntry("errors-from-two-batches-of-one-level.graphql", true)
			.containsEntry("post-by-slug.graphql", true)
			.containsEntry("readme-feed", true)
			.containsEntry("readme-post-page", true)
			.containsEntry("bad-nested-page-size", true)
			.containsEntry("bad-nested-cursor", true)
			.containsEntry("exactly-one", true)
			.containsEntry("bad-top-level-arguments", true)
			.containsEntry("relevance-without-search", true)
			.containsEntry("nodes.graphql", true)
			.containsEntry("me.graphql", true)
			.containsEntry("node.graphql", true)
			.containsEntry("tag-page.graphql", true)
			.containsEntry("search.graphql", true)
			.containsEntry("introspection", false);
		assertThat(reference.context().getBean(MeterRegistry.class)
			.counter("inkwell.graphql.execution", "engine", "planned").count()).isZero();
	}

	@Test
	void generatedDocumentsAnswerAlikeOnBothEngines() throws Exception {
		long seedValue = Long.getLong("differential.seed", System.nanoTime());
		int count = Integer.getInteger("differential.count", 150);
		System.out.println("PlannedExecutionDifferentialTest: -Ddifferential.seed=" + seedValue
				+ " -Ddifferential.count=" + count);
		DocumentGenerator generator = new DocumentGenerator(seedValue, this.seed, cursors("posts"),
				cursors("comments"));
		int planned = 0;
		for (int i = 0; i < count; i++) {
			DocumentGenerator.Document document = generator.next();
			planned += compare("generated-" + seedValue + "-" + i, document.query(), document.variables()) ? 1 : 0;
		}
		System.out.println("PlannedExecutionDifferentialTest: " + planned + " of " + count
				+ " generated documents ran on the planned engine");
		assertThat(this.failures).as("documents answered differently with seed " + seedValue
				+ " (see target/differential-failures)").isEmpty();
		// Most generated documents are within what the planner covers (some are invalid or over a limit).
		assertThat(planned).as("generated documents run by the planned engine").isGreaterThan(count / 3);
	}

	/**
	 * Sends one document to both engines as every viewer and compares the whole answers.
	 * @return whether the planned engine ran it every time
	 */
	private boolean compare(String name, String query, Map<String, Object> variables) throws Exception {
		double before = plannedCount();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		String requestBody = json.writeValueAsString(body);
		for (Map.Entry<String, String> viewer : this.viewers.entrySet()) {
			String requestId = "differential-" + (this.requests++);
			HttpResponse<String> planned = send("http://127.0.0.1:" + this.port, requestBody, viewer.getValue(),
					requestId);
			HttpResponse<String> expected = send(reference.baseUrl(), requestBody, viewer.getValue(), requestId);
			if (planned.statusCode() != expected.statusCode()
					|| !withErrorsInPathOrder(planned.body()).equals(withErrorsInPathOrder(expected.body()))) {
				record(name, viewer.getKey(), query, variables, expected, planned);
			}
		}
		return plannedCount() - before == this.viewers.size();
	}

	/**
	 * The body as it is, except that two or more errors are put in the order of their paths (then
	 * messages). graphql-java adds an error when the batch that failed completes, and two batches of
	 * one level (two statements on two connections) complete in either order, so it does not fix
	 * the order of errors itself; everything else is compared byte for byte, key order included.
	 */
	static String withErrorsInPathOrder(String body) {
		if (!body.startsWith("{\"errors\":[{") || body.indexOf("},{\"message\"") < 0) {
			return body;
		}
		JsonNode tree = json.readTree(body);
		List<JsonNode> errors = new ArrayList<>();
		tree.get("errors").forEach(errors::add);
		errors.sort(java.util.Comparator.comparing((JsonNode error) -> pathKey(error.path("path")))
			.thenComparing((error) -> error.path("message").asString()));
		tools.jackson.databind.node.ObjectNode sorted = (tools.jackson.databind.node.ObjectNode) tree;
		sorted.putArray("errors").addAll(errors);
		return json.writeValueAsString(sorted);
	}

	/** A path as a sortable string: names as they are, indexes zero-padded. */
	private static String pathKey(JsonNode path) {
		StringBuilder key = new StringBuilder();
		path.forEach((segment) -> key.append('/').append(segment.isNumber()
				? String.format("%09d", segment.asInt()) : segment.asString()));
		return key.toString();
	}

	private static HttpResponse<String> send(String baseUrl, String body, String token, String requestId)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.header("X-Request-Id", requestId)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private void record(String name, String viewer, String query, Map<String, Object> variables,
			HttpResponse<String> expected, HttpResponse<String> planned) throws IOException {
		String report = "# " + name + " as " + viewer + "\n# variables: " + json.writeValueAsString(variables)
				+ "\n# graphql-java (" + expected.statusCode() + "): " + expected.body() + "\n# planned ("
				+ planned.statusCode() + "):      " + planned.body() + "\n" + query + "\n";
		this.failures.add(report);
		System.out.println(report);
		Path dir = Path.of("target", "differential-failures");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + viewer + ".graphql"), report);
	}

	private double plannedCount() {
		return this.meters.counter("inkwell.graphql.execution", "engine", "planned").count();
	}

	/** Cursors of a list as the server hands them out, for documents that page from them. */
	private List<String> cursors(String list) throws Exception {
		String query = list.equals("posts") ? "{ posts(first: 5) { edges { cursor } } }"
				: "{ posts(first: 5) { nodes { comments(first: 3) { edges { cursor } } } } }";
		JsonNode data = reference.data(query, Map.of(), this.viewers.get("superuser"));
		List<String> cursors = new ArrayList<>();
		data.findValues("cursor").forEach((cursor) -> cursors.add(cursor.asString()));
		return cursors;
	}

	/** The read documents of the test resources, the benchmark and the regression folder. */
	private static List<Path> corpusFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path dir : List.of(Path.of("src/test/resources/graphql-test"), Path.of("bench/queries"),
				Path.of("src/test/resources/differential"))) {
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> found = Files.list(dir)) {
				found.filter((file) -> file.toString().endsWith(".graphql"))
					.filter((file) -> !isMutation(file))
					.sorted()
					.forEach(files::add);
			}
		}
		assertThat(files).as("corpus documents").hasSizeGreaterThanOrEqualTo(9);
		return files;
	}

	private static boolean isMutation(Path file) {
		try {
			return Files.readAllLines(file).stream()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.findFirst()
				.orElse("")
				.startsWith("mutation");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The variables a regression document was kept with: its {@code # variables: {...}} line, as
	 * {@link #record} writes it (ids in kept documents are those of {@link DifferentialSeed}).
	 */
	@SuppressWarnings("unchecked")
	private static java.util.Optional<List<Map<String, Object>>> keptVariables(String query) {
		return query.lines()
			.filter((line) -> line.startsWith("# variables: "))
			.findFirst()
			.map((line) -> List.of((Map<String, Object>) json.readValue(line.substring("# variables: ".length()),
					Map.class)));
	}

	/**
	 * Values for a document's variables, by name: several sets, so that visible, hidden, missing and
	 * malformed ids and every kind of slug are tried.
	 */
	private List<Map<String, Object>> variablesFor(String query) {
		String post = Content.id("Post", this.seed.posts.get(0));
		String draft = Content.id("Post", this.seed.drafts.get(0));
		String user = Content.id("User", this.seed.users.get(0));
		Map<String, List<Object>> candidates = Map.of(
				"id", List.of(user, post, draft, Content.id("User", 999_999), "bad-id"),
				"ids", List.of(List.of(post, draft, user, Content.id("Tag", this.seed.tags.get(0)),
						Content.id("Comment", this.seed.comments.get(0)), Content.id("Post", 999_999)), List.of("bad-id")),
				"username", List.of("alice", "nobody"),
				"slug", List.of(this.seed.slugs.get(0), this.seed.slugs.get(3), "no-such-post"),
				"q", List.of("graphql", "backup -zebra"),
				"tag", List.of("graphql", "empty"),
				"after", List.of());
		List<String> used = candidates.keySet().stream().filter((name) -> query.contains("$" + name)).sorted().toList();
		int sets = used.stream().mapToInt((name) -> Math.max(1, candidates.get(name).size())).max().orElse(1);
		List<Map<String, Object>> result = new ArrayList<>();
		for (int i = 0; i < sets; i++) {
			Map<String, Object> variables = new LinkedHashMap<>();
			for (String name : used) {
				List<Object> values = candidates.get(name);
				if (!values.isEmpty()) {
					variables.put(name, values.get(i % values.size()));
				}
			}
			result.add(variables);
		}
		return result;
	}

	/** The README's read examples (feed, post page) and other documents clients send. */
	private Map<String, String> readmeExamples() {
		Map<String, String> examples = new LinkedHashMap<>();
		examples.put("readme-feed", """
				query feed($after: String) {
				  posts(first: 20, after: $after) {
				    totalCount
				    pageInfo { hasNextPage endCursor }
				    nodes {
				      id title slug excerpt publishedAt
				      author { username fullName }
				      tags { name slug color }
				      commentCount
				      comments(first: 10, orderBy: { direction: DESC }) { nodes { content createdAt author { username } } }
				    }
				  }
				}""");
		examples.put("readme-post-page", """
				query {
				  post(slug: "%s") {
				    title content publishedAt updatedAt
				    author { username bio }
				    tags { name slug }
				    comments(first: 50) {
				      totalCount
				      pageInfo { hasNextPage endCursor }
				      nodes { content createdAt author { username email } }
				    }
				  }
				}""".formatted(this.seed.slugs.get(5)));
		examples.put("bad-nested-page-size", """
				{ posts(first: 3) { nodes { id comments(first: 101) { nodes { id } } } } }""");
		examples.put("bad-nested-cursor", """
				{ post(id: "%s") { id comments(after: "nope") { totalCount } } }"""
			.formatted(Content.id("Post", this.seed.posts.get(2))));
		examples.put("exactly-one", """
				{ a: post(id: "%s", slug: "x") { id } b: post(slug: "%s") { title } posts(first: 1) { nodes { id } } }"""
			.formatted(Content.id("Post", this.seed.posts.get(1)), this.seed.slugs.get(1)));
		examples.put("introspection", """
				{ __schema { queryType { name } } posts(first: 1) { nodes { id } } }""");
		examples.put("bad-top-level-arguments", """
				{ posts(first: 5, last: 5) { nodes { id } } }""");
		examples.put("relevance-without-search", """
				{ ok: post(slug: "%s") { id } posts(orderBy: {field: RELEVANCE}) { totalCount } }"""
			.formatted(this.seed.slugs.get(2)));
		return examples;
	}

}
