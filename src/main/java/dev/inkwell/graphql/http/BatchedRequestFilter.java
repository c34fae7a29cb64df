package dev.inkwell.graphql.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.inkwell.graphql.batch.LoaderSharing;
import dev.inkwell.graphql.batch.SharedLoaders;
import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.graphql.limits.BatchCostBudget;
import dev.inkwell.graphql.limits.OperationLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * HTTP batching as Apollo's {@code BatchHttpLink} and Apollo Kotlin send it: a JSON array of
 * operations in one POST is answered with a JSON array of their results, in order.
 * <ul>
 * <li>A body that cannot be a batch (an element that is not a GraphQL request object, more than
 * LIMIT_BATCH_SIZE operations, none) is refused whole with 400, as a single unreadable request
 * is, and nothing runs.</li>
 * <li>Each operation goes through the whole GraphQL pipeline on its own (persisted queries,
 * authentication, every limit, each {@code login} counted by the rate limit), so one that fails
 * does not fail the others: its slot holds its errors. Their costs are charged in order against
 * one budget of the cost limit ({@link BatchCostBudget}).</li>
 * <li>Queries next to each other run together and share their DataLoaders ({@link SharedLoaders}).
 * A mutation runs alone, after everything before it and before everything after it, so
 * mutations apply in order and later operations read what they wrote. An operation sent by hash
 * alone is a query or a mutation as its stored document says ({@link StoredOperationLanes}), and
 * runs alone while its hash is not stored.</li>
 * </ul>
 * Admission (AdmissionFilter, before this) admits a batch as one request, in the mutation lane if
 * any of its operations is a mutation. A body that is not an array passes on untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class BatchedRequestFilter implements WebFilter {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String path;

	private final WebGraphQlHandler handler;

	private final OperationLimits limits;

	private final LoaderSharing sharing;

	private final StoredOperationLanes storedLanes;

	BatchedRequestFilter(@Value("${spring.graphql.http.path:/graphql}") String path, WebGraphQlHandler handler,
			OperationLimits limits, LoaderSharing sharing, StoredOperationLanes storedLanes) {
		this.path = path;
		this.handler = handler;
		this.limits = limits;
		this.sharing = sharing;
		this.storedLanes = storedLanes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MediaType contentType = request.getHeaders().getContentType();
		if (request.getMethod() != HttpMethod.POST || !this.path.equals(request.getPath().value())
				|| contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), (int) Math.min(Integer.MAX_VALUE, this.limits.maxBodySize().toBytes()))
			.map(RequestBodies::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((bytes) -> isArray(bytes) ? batch(exchange, bytes)
					: chain.filter(exchange.mutate().request(RequestBodies.replaying(request, bytes)).build()));
	}

	private Mono<Void> batch(ServerWebExchange exchange, byte[] bytes) {
		List<?> body;
		try {
			body = json.readValue(bytes, List.class);
		}
		catch (JacksonException ex) {
			return GraphQlHttpErrors.write(exchange, HttpStatus.BAD_REQUEST, "The request body is not a valid GraphQL "
					+ "request: send a JSON object, or a JSON array of objects, with 'query' and optional 'variables', "
					+ "'operationName' and 'extensions'");
		}
		int maxBatchSize = this.limits.maxBatchSize();
		if (body.isEmpty() || body.size() > maxBatchSize) {
			return GraphQlHttpErrors.write(exchange, HttpStatus.BAD_REQUEST, "A batch holds 1 to " + maxBatchSize
					+ " operations (LIMIT_BATCH_SIZE); this one has " + body.size(), Map.of("classification", ErrorKind.BAD_REQUEST.name(),
							"limit", "batchSize", "maximum", maxBatchSize, "actual", body.size()));
		}
		List<WebGraphQlRequest> requests = new ArrayList<>();
		for (int i = 0; i < body.size(); i++) {
			String problem = problem(body.get(i));
			WebGraphQlRequest request = (problem == null) ? request(exchange, i, body.get(i)) : null;
			if (request == null) {
				return GraphQlHttpErrors.write(exchange, HttpStatus.BAD_REQUEST, "Operation " + i + " of the batch is "
						+ "not a GraphQL request: " + ((problem != null) ? problem : "it has no GraphQL document")
						+ ". Nothing in the batch ran");
			}
			requests.add(request);
		}
		BatchCostBudget budget = new BatchCostBudget(this.limits.maxCost(), requests.size());
		Object[] results = new Object[requests.size()];
		return Flux.range(0, requests.size())
			.concatMap((i) -> kind(body.get(i)).map((kind) -> new Operation(i, requests.get(i), kind)))
			.collectList()
			.flatMapMany((operations) -> Flux.fromIterable(groups(operations)))
			.concatMap((group) -> run(group, budget, results))
			.then(Mono.defer(() -> write(exchange, List.of(results))));
	}

	/**
	 * Consecutive queries form one group; a mutation, or an operation of unknown kind (a hash not
	 * stored yet: it may be registered by an operation before it in the batch), is a group of its own.
	 */
	private static List<List<Operation>> groups(List<Operation> operations) {
		List<List<Operation>> groups = new ArrayList<>();
		List<Operation> queries = new ArrayList<>();
		for (Operation operation : operations) {
			if (operation.kind() == Kind.QUERY) {
				queries.add(operation);
				continue;
			}
			if (!queries.isEmpty()) {
				groups.add(queries);
				queries = new ArrayList<>();
			}
			groups.add(List.of(operation));
		}
		if (!queries.isEmpty()) {
			groups.add(queries);
		}
		return groups;
	}

	/**
	 * Runs a group's operations together, sharing their loaders; each starts once the one before it
	 * has been charged to the budget, so costs are charged in the batch's order.
	 */
	private Mono<Void> run(List<Operation> group, BatchCostBudget budget, Object[] results) {
		SharedLoaders loaders = new SharedLoaders(this.sharing);
		List<SharedLoaders.Participant> participants = group.stream().map((operation) -> loaders.join()).toList();
		return Flux.range(0, group.size()).flatMap((i) -> {
			Operation operation = group.get(i);
			SharedLoaders.Participant participant = participants.get(i);
			BatchCostBudget.Turn turn = budget.turn(operation.index());
			WebGraphQlRequest request = operation.request();
			request.configureExecutionInput((input, builder) -> participant.configure(input,
					builder.graphQLContext(Map.of(BatchCostBudget.Turn.class, turn))));
			Mono<Void> previous = (operation.index() == 0) ? Mono.empty()
					: Mono.fromFuture(budget.charged(operation.index() - 1), true);
			return previous.then(Mono.defer(() -> this.handler.handleRequest(request)))
				.<Object>map(WebGraphQlResponse::toMap)
				// What a single request would be answered 400 for (unreadable variables) fails only its slot.
				.onErrorResume(ServerWebInputException.class, (ex) -> Mono.just(Map.of("errors", List.of(Map.of(
						"message", "Operation " + operation.index() + " of the batch could not be read: check its "
								+ "'variables' and 'extensions'",
						"extensions", Map.of("classification", ErrorKind.BAD_REQUEST.name()))))))
				.doOnNext((result) -> results[operation.index()] = result)
				.doFinally((signal) -> {
					turn.pass();
					participant.leave();
				});
		}, group.size()).then();
	}

	/** What makes an element of the batch unreadable as a GraphQL request, or null. */
	private static String problem(Object element) {
		if (!(element instanceof Map<?, ?> fields)) {
			return "it is not a JSON object";
		}
		if (fields.get("query") != null && !(fields.get("query") instanceof String)) {
			return "'query' is not a string";
		}
		if (fields.get("operationName") != null && !(fields.get("operationName") instanceof String)) {
			return "'operationName' is not a string";
		}
		if (fields.get("variables") != null && !(fields.get("variables") instanceof Map)) {
			return "'variables' is not a JSON object";
		}
		if (fields.get("extensions") != null && !(fields.get("extensions") instanceof Map)) {
			return "'extensions' is not a JSON object";
		}
		return null;
	}

	/** The request of one element (read as Spring reads a single one), or null if it has no document nor persisted hash. */
	@SuppressWarnings("unchecked")
	private static WebGraphQlRequest request(ServerWebExchange exchange, int index, Object element) {
		Map<String, Object> fields = (Map<String, Object>) element;
		SerializableGraphQlRequest body = new SerializableGraphQlRequest();
		body.setQuery((String) fields.get("query"));
		body.setOperationName((String) fields.get("operationName"));
		if (fields.get("variables") != null) {
			body.setVariables((Map<String, Object>) fields.get("variables"));
		}
		if (fields.get("extensions") != null) {
			body.setExtensions((Map<String, Object>) fields.get("extensions"));
		}
		ServerHttpRequest http = exchange.getRequest();
		try {
			return new WebGraphQlRequest(http.getURI(), http.getHeaders(), http.getCookies(), http.getRemoteAddress(),
					exchange.getAttributes(), body, http.getId() + "-" + index, exchange.getLocaleContext().getLocale());
		}
		catch (ServerWebInputException ex) {
			return null;
		}
	}

	/**
	 * Whether an element is a query or a mutation, from its document, or for a persisted operation
	 * sent by hash alone from its stored document; unknown when that is not stored (yet).
	 */
	private Mono<Kind> kind(Object element) {
		Map<?, ?> fields = (Map<?, ?>) element;
		String operationName = (String) fields.get("operationName");
		if (fields.get("query") instanceof String query && !query.isBlank()) {
			return Mono.just(RequestLane.isMutation(query, operationName) ? Kind.MUTATION : Kind.QUERY);
		}
		if (fields.get("extensions") instanceof Map<?, ?> extensions
				&& extensions.get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash) {
			return this.storedLanes.stored(new RequestLane.StoredOperation(hash, operationName))
				.map((mutation) -> mutation ? Kind.MUTATION : Kind.QUERY)
				.defaultIfEmpty(Kind.UNKNOWN);
		}
		return Mono.just(Kind.UNKNOWN);
	}

	private static boolean isArray(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return b == '[';
			}
		}
		return false;
	}

	private static Mono<Void> write(ServerWebExchange exchange, List<Object> results) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl("no-store");
		byte[] bytes = json.writeValueAsString(results).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private enum Kind {

		QUERY, MUTATION, UNKNOWN

	}

	private record Operation(int index, WebGraphQlRequest request, Kind kind) {
	}

}
