package dev.inkwell.graphql.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.inkwell.graphql.limits.OperationLimits;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * GraphQL over HTTP GET, as the GraphQL-over-HTTP specification describes it: {@code query},
 * {@code variables}, {@code operationName} and {@code extensions} as URL parameters. Queries
 * only: a mutation over GET is refused with 405, since GET must be safe to repeat and cache. The
 * request is then handed to Spring's POST handling, so both methods behave the same otherwise.
 * A persisted query may come as its hash alone ({@code extensions.persistedQuery}); whether it is
 * a query is checked once its document is known (see {@link #GET_ATTRIBUTE}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class GraphQlOverGetFilter implements WebFilter {

	/** Exchange attribute present on requests that came as GET. */
	public static final String GET_ATTRIBUTE = GraphQlOverGetFilter.class.getName() + ".GET";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String path;

	private final ParserOptions parserOptions;

	GraphQlOverGetFilter(@Value("${spring.graphql.http.path:/graphql}") String path, OperationLimits limits) {
		this.path = path;
		this.parserOptions = limits.parserOptions();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.GET || !this.path.equals(request.getPath().value())) {
			return chain.filter(exchange);
		}
		MultiValueMap<String, String> parameters = request.getQueryParams();
		String query = parameters.getFirst("query");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("operationName", parameters.getFirst("operationName"));
		try {
			body.put("variables", jsonObject(parameters.getFirst("variables")));
			body.put("extensions", jsonObject(parameters.getFirst("extensions")));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return GraphQlHttpErrors.write(exchange, HttpStatus.BAD_REQUEST,
					"The 'variables' and 'extensions' URL parameters must be JSON objects");
		}
		boolean persisted = body.get("extensions") instanceof Map<?, ?> extensions
				&& extensions.get("persistedQuery") != null;
		if ((query == null || query.isBlank()) && !persisted) {
			return GraphQlHttpErrors.write(exchange, HttpStatus.BAD_REQUEST,
					"A GET request needs the GraphQL document in the 'query' URL parameter");
		}
		if (query == null || query.isBlank()) {
			body.remove("query");
		}
		else if (!isQuery(query, parameters.getFirst("operationName"), this.parserOptions)) {
			exchange.getResponse().getHeaders().setAllow(Set.of(HttpMethod.POST));
			return GraphQlHttpErrors.write(exchange, HttpStatus.METHOD_NOT_ALLOWED,
					"Only queries may be sent with GET; send mutations with POST");
		}
		byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getAttributes().put(GET_ATTRIBUTE, Boolean.TRUE);
		return chain.filter(exchange.mutate().request(asPost(request, bytes)).build());
	}

	/** Whether the operation to run is a query; unparsable documents are left to the executor to report. */
	public static boolean isQuery(String query, String operationName, ParserOptions parserOptions) {
		Document document;
		try {
			document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(query)
				.parserOptions(parserOptions)
				.build());
		}
		catch (InvalidSyntaxException ex) {
			return true;
		}
		return document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter((operation) -> operationName == null || operationName.equals(operation.getName()))
			.allMatch((operation) -> operation.getOperation() == OperationDefinition.Operation.QUERY);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> jsonObject(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Object parsed = json.readValue(value, Object.class);
		if (!(parsed instanceof Map)) {
			throw new IllegalArgumentException("not an object");
		}
		return (Map<String, Object>) parsed;
	}

	private static ServerHttpRequest asPost(ServerHttpRequest request, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(request.getHeaders());
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(body.length);
		boolean acceptsGraphQl = headers.getAccept().stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.parseMediaType("application/graphql-response+json")));
		if (!acceptsGraphQl) {
			headers.setAccept(List.of(MediaType.parseMediaType("application/graphql-response+json"),
					MediaType.APPLICATION_JSON));
		}
		return new ServerHttpRequestDecorator(request) {

			@Override
			public HttpMethod getMethod() {
				return HttpMethod.POST;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
			}

		};
	}

}
