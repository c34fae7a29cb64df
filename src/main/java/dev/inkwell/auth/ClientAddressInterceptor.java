package dev.inkwell.auth;

import java.net.InetSocketAddress;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the client's address into the GraphQL context as {@code clientAddress}, for per-address
 * limits. Behind a load balancer, set FORWARD_HEADERS_STRATEGY=native so that it is the
 * client's address from X-Forwarded-For rather than the balancer's.
 */
@Component
class ClientAddressInterceptor implements WebGraphQlInterceptor {

	static final String CONTEXT_KEY = "clientAddress";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		InetSocketAddress remote = request.getRemoteAddress();
		String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(CONTEXT_KEY, address))
			.build());
		return chain.next(request);
	}

}
