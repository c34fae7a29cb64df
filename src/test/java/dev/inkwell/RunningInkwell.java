package dev.inkwell;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole Inkwell server started by a test with its own settings (a database of its own, replicas,
 * a pooler), driven over HTTP like any client: for tests that need more than one instance or a
 * database set-up other than the shared test database.
 */
public final class RunningInkwell implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private RunningInkwell(ConfigurableApplicationContext context) {
		this.context = context;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * Starts one on a free port. Settings are command-line arguments, so that they win over DB_*
	 * variables set in the environment.
	 */
	public static RunningInkwell start(String databaseUrl, String... settings) {
		URI url = URI.create(databaseUrl.replaceFirst("^postgresql:", "http:"));
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--inkwell.database.url=" + databaseUrl,
				"--inkwell.database.host=" + url.getHost(), "--inkwell.database.port=" + url.getPort(),
				"--inkwell.database.name=" + url.getPath().substring(1), "--inkwell.database.username=postgres"));
		if (List.of(settings).stream().noneMatch((setting) -> setting.startsWith("--inkwell.admission.queue-timeout="))) {
			// As in IntegrationTest: a burst of test requests on a busy machine waits for admission
			// rather than be shed after the default second. (An argument given twice binds as both
			// values joined, "60s,60s", so it is added only when the test sets none.)
			arguments.add("--inkwell.admission.queue-timeout=60s");
		}
		if (List.of(settings).stream().noneMatch((setting) -> setting.startsWith("--inkwell.cache.response-cache="))) {
			// As in IntegrationTest: tests that write rows straight into the tables would read stale answers.
			arguments.add("--inkwell.cache.response-cache=false");
		}
		arguments.addAll(List.of(settings));
		return new RunningInkwell(new SpringApplicationBuilder(InkwellApplication.class)
			.run(arguments.toArray(String[]::new)));
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** Posts a GraphQL request (with a bearer token unless null) and returns the whole answer. */
	public JsonNode graphQl(String query, Map<String, Object> variables, String token) throws Exception {
		return graphQl(query, variables, token, Map.of());
	}

	/** Like {@link #graphQl(String, Map, String)}, with these request headers too. */
	public JsonNode graphQl(String query, Map<String, Object> variables, String token, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(json.writeValueAsString(Map.of("query", query, "variables", variables))));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/** Posts a request body as it is (e.g. a persisted query's hash without its document). */
	public JsonNode post(Map<String, Object> body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	/** Like {@link #graphQl}, failing the test on any error. */
	public JsonNode data(String query, Map<String, Object> variables, String token) throws Exception {
		JsonNode response = graphQl(query, variables, token);
		assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
		return response.path("data");
	}

	public JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(response.body());
	}

	/** Registers a user and returns its token. */
	public String register(String username) throws Exception {
		return data("mutation($u: String!, $e: String!) { register(input: {username: $u, email: $e, "
				+ "password: \"correct-horse-battery\"}) { token } }", Map.of("u", username, "e", username + "@example.com"),
				null)
			.at("/register/token")
			.asString();
	}

	/** Waits (polling) until the condition holds, failing after {@code limit}. */
	public static void await(Duration limit, Condition condition) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.holds()) {
			assertThat(System.nanoTime()).as("condition still false after " + limit).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	@FunctionalInterface
	public interface Condition {

		boolean holds() throws Exception;

	}

}
