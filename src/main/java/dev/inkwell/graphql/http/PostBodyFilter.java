package dev.inkwell.graphql.http;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Two gaps in Spring's POST handling of the GraphQL endpoint. An empty body would be answered
 * with an empty 200; it is made an unreadable request (400, see {@link MalformedRequestHandler}).
 * A content type Spring's GraphQL route does not take gets a bare 415; it gets a GraphQL-shaped
 * body too, so clients parse every failure the same way. Which content types are taken stays
 * Spring's decision.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PostBodyFilter implements WebFilter {

	private final String path;

	PostBodyFilter(@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.path = path;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getMethod() != HttpMethod.POST || !this.path.equals(request.getPath().value())) {
			return chain.filter(exchange);
		}
		ServerHttpRequest nonEmpty = new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().switchIfEmpty(Flux.error(() -> new ServerWebInputException("empty body: no query")));
			}

		};
		ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> setComplete() {
				if (HttpStatus.UNSUPPORTED_MEDIA_TYPE.equals(getStatusCode())) {
					return GraphQlHttpErrors.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
							"Send GraphQL requests as JSON (Content-Type: application/json), or queries with GET");
				}
				return super.setComplete();
			}

		};
		return chain.filter(exchange.mutate().request(nonEmpty).response(response).build());
	}

}
