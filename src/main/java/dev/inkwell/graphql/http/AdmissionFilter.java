package dev.inkwell.graphql.http;

import java.util.Map;

import dev.inkwell.admission.AdmissionGate;
import dev.inkwell.admission.AdmissionGate.Lane;
import dev.inkwell.admission.Overloaded;
import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.graphql.limits.OperationLimits;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Admission control for the GraphQL endpoint (see {@link AdmissionGate}): a request runs only
 * with a slot; it waits for one in its lane's bounded queue, and is shed with 503, Retry-After
 * and a GraphQL-shaped {@code OVERLOADED} error when the queue is full or the wait runs out.
 * Runs before the document is parsed: a POST body is only read and scanned for its operation's
 * keyword (mutations have a lane of their own), or, for a persisted operation sent by hash alone,
 * its stored document's ({@link StoredOperationLanes}); GET is always a read. The slot is freed when the
 * response is written, or when the client goes away or the request is cancelled. Other paths
 * (health probes, GraphiQL, the schema) are never held back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class AdmissionFilter implements WebFilter {

	private final String path;

	private final AdmissionGate gate;

	private final StoredOperationLanes storedLanes;

	private final int maxBodyBytes;

	private final String retryAfterSeconds;

	AdmissionFilter(@Value("${spring.graphql.http.path:/graphql}") String path, AdmissionGate gate,
			StoredOperationLanes storedLanes, OperationLimits limits) {
		this.path = path;
		this.gate = gate;
		this.storedLanes = storedLanes;
		this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, limits.maxBodySize().toBytes());
		this.retryAfterSeconds = String.valueOf(Math.max(1, (gate.queueTimeout().toMillis() + 999) / 1000));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.path.equals(request.getPath().value())) {
			return chain.filter(exchange);
		}
		if (request.getMethod() == HttpMethod.GET) {
			return admit(Lane.READ, 0, exchange, chain);
		}
		if (request.getMethod() != HttpMethod.POST) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), this.maxBodyBytes)
			.map(RequestBodies::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> this.storedLanes.of(RequestLane.read(body))
				.flatMap((lane) -> admit(lane, body.length,
						exchange.mutate().request(RequestBodies.replaying(request, body)).build(), chain)))
			.onErrorResume(DataBufferLimitException.class, (ex) -> GraphQlHttpErrors.write(exchange,
					HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the limit of " + this.maxBodyBytes
							+ " bytes"));
	}

	private Mono<Void> admit(Lane lane, int bodyBytes, ServerWebExchange exchange, WebFilterChain chain) {
		AdmissionGate.Ticket ticket = this.gate.enter(lane, bodyBytes);
		return ticket.ready()
			.then(Mono.defer(() -> chain.filter(exchange)))
			.onErrorResume(Overloaded.class, (ex) -> shed(exchange))
			.doFinally((signal) -> ticket.close());
	}

	private Mono<Void> shed(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		return GraphQlHttpErrors.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
				"The server is at capacity and did not run this request; retry after " + this.retryAfterSeconds
						+ "s",
				Map.of("classification", ErrorKind.INTERNAL_ERROR.name(), "code", "OVERLOADED", "retryAfterSeconds",
						Integer.parseInt(this.retryAfterSeconds)));
	}

}
