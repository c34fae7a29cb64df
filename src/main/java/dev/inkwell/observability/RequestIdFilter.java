package dev.inkwell.observability;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request its id ({@code X-Request-Id} from the client when it is sane, else a new one),
 * returns it in the response, and starts the request's {@link RequestTelemetry}. First of all
 * filters, so that even a request refused by another filter has an id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestTelemetry telemetry = RequestTelemetry
			.forRequest(exchange.getRequest().getHeaders().getFirst(RequestTelemetry.HEADER));
		exchange.getAttributes().put(RequestTelemetry.KEY, telemetry);
		exchange.getResponse().getHeaders().set(RequestTelemetry.HEADER, telemetry.requestId());
		return chain.filter(exchange).contextWrite((context) -> context.put(RequestTelemetry.KEY, telemetry));
	}

}
