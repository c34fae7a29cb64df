package dev.inkwell.graphql.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.telemetry.RequestTelemetry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a GraphQL-shaped error body for requests refused at the HTTP level (unreadable body,
 * wrong method, too large, server at capacity), so clients parse every failure the same way.
 */
final class GraphQlHttpErrors {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private GraphQlHttpErrors() {
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String message) {
		return write(exchange, status, message, Map.of("classification", ErrorKind.BAD_REQUEST.name()));
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String message,
			Map<String, Object> extensions) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		boolean graphQlResponse = exchange.getRequest().getHeaders().getAccept().stream()
			.anyMatch((accepted) -> accepted.isCompatibleWith(GRAPHQL_RESPONSE) && !accepted.isWildcardType());
		response.getHeaders().setContentType(graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON);
		RequestTelemetry telemetry = RequestTelemetry.from(exchange);
		if (telemetry != null) {
			extensions = new LinkedHashMap<>(extensions);
			extensions.put("requestId", telemetry.requestId());
		}
		Map<String, Object> body = Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)));
		DataBuffer buffer = response.bufferFactory()
			.wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
