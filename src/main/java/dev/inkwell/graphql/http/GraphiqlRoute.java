package dev.inkwell.graphql.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL at {@code /graphiql}, with its scripts served by Inkwell from webjars: Spring's stock
 * page loads them from a CDN and stays blank without internet access.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "inkwell.graphiql.enabled", matchIfMissing = true)
class GraphiqlRoute {

	@Bean
	RouterFunction<ServerResponse> graphiqlRouter(@Value("classpath:graphiql/index.html") Resource page) {
		return RouterFunctions.route()
			.GET("/graphiql", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.build();
	}

}
