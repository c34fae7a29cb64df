package dev.inkwell.graphql.http;

import dev.inkwell.graphql.limits.OperationLimits;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a body announced as larger than the limit before reading any of it. A body without a
 * length is cut by the codecs' in-memory limit (spring.http.codecs.max-in-memory-size).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter implements WebFilter {

	private final long maxBytes;

	RequestSizeFilter(OperationLimits limits) {
		this.maxBytes = limits.maxBodySize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > this.maxBytes) {
			return GraphQlHttpErrors.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
					"The request body has " + length + " bytes; the limit is " + this.maxBytes);
		}
		return chain.filter(exchange);
	}

}
