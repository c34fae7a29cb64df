package dev.inkwell.edge.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.inkwell.graphql.ErrorKind;
import dev.inkwell.graphql.limits.BatchCostBudget;
import dev.inkwell.graphql.limits.OperationLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * HTTP batching as Apollo's {@code BatchHttpLink} and Apollo Kotlin send it: a JSON array of
 * operations in one POST is answered with a JSON array of their results, in order. Each operation
 * goes through the whole GraphQL pipeline on its own (persisted queries, authentication, every
 * limit, each {@code login} counted by the rate limit), so one that fails does not fail the
 * others. They run one after another, so mutations apply in order; their cost is also charged to
 * one budget of the cost limit for the whole batch. The operations share their DataLoaders (see
 * {@link SharedLoaders}); a mutation empties the loaders' caches so later operations read fresh
 * data. A body that is not an array passes on untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class BatchedRequestFilter implements WebFilter {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String path;

	private final WebGraphQlHandler handler;

	private final OperationLimits limits;

	private final int maxBatchSize;

	BatchedRequestFilter(@Value("${spring.graphql.http.path:/graphql}") String path, WebGraphQlHandler handler,
			OperationLimits limits, @Value("${inkwell.limits.max-batch-size:10}") int maxBatchSize) {
		this.path = path;
		this.handler = handler;
		this.limits = limits;
		this.maxBatchSize = maxBatchSize;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !this.path.equals(request.getPath().value())) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), (int) this.limits.maxBodySize().toBytes())
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMap((bytes) -> isArray(bytes) ? batch(exchange, bytes)
					: chain.filter(exchange.mutate().request(withBody(request, bytes)).build()));
	}

	private Mono<Void> batch(ServerWebExchange exchange, byte[] bytes) {
		List<?> operations;
		try {
			operations = json.readValue(bytes, List.class);
		}
		catch (JacksonException ex) {
			return write(exchange, HttpStatus.BAD_REQUEST, error("The batch is not valid JSON: send a JSON array of "
					+ "objects with 'query' and optional 'variables', 'operationName' and 'extensions'"));
		}
		if (operations.isEmpty() || operations.size() > this.maxBatchSize) {
			return write(exchange, HttpStatus.BAD_REQUEST, error("A batch holds 1 to " + this.maxBatchSize
					+ " operations; this one has " + operations.size()));
		}
		BatchCostBudget budget = new BatchCostBudget(this.limits.maxCost());
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < operations.size(); i++) {
			indexes.add(i);
		}
		return Flux.fromIterable(indexes)
			.concatMap((index) -> run(exchange, index, operations.get(index), budget))
			.collectList()
			.flatMap((results) -> write(exchange, HttpStatus.OK, results));
	}

	private Mono<Object> run(ServerWebExchange exchange, int index, Object operation, BatchCostBudget budget) {
		if (!(operation instanceof Map<?, ?> body)) {
			return Mono.just(error("Operation " + index + " of the batch is not a JSON object"));
		}
		WebGraphQlRequest request;
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = (Map<String, Object>) body;
			ServerHttpRequest http = exchange.getRequest();
			request = new WebGraphQlRequest(http.getURI(), http.getHeaders(), http.getCookies(), http.getRemoteAddress(),
					exchange.getAttributes(), fields, http.getId() + "-" + index, exchange.getLocaleContext().getLocale());
		}
		catch (RuntimeException ex) {
			return Mono.just(error("Operation " + index + " of the batch has no GraphQL document: give it a 'query' "
					+ "string (or extensions.persistedQuery)"));
		}
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(BatchCostBudget.class, budget))
			.build());
		return this.handler.handleRequest(request)
			.<Object>map(WebGraphQlResponse::toMap)
			.onErrorResume((ex) -> Mono.just(error("Operation " + index + " of the batch could not be read: "
					+ "check its 'variables' and 'extensions'")));
	}

	private static boolean isArray(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
				return b == '[';
			}
		}
		return false;
	}

	private static Map<String, Object> error(String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("extensions", Map.of("classification", ErrorKind.BAD_REQUEST.name()));
		return Map.of("errors", List.of(error));
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, Object body) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setCacheControl("no-store");
		byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

	private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return (body.length == 0) ? Flux.empty()
						: Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}

		};
	}

}
