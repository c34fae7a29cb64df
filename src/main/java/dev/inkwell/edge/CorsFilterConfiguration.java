package dev.inkwell.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for browser apps on other origins. The allowed origins come from CORS_ALLOWED_ORIGINS
 * (patterns such as {@code http://localhost:*}); a preflight from another origin is refused (403).
 * Tokens travel in the Authorization header, not cookies, so credentials are not allowed. The
 * filter runs before every other one, so that a preflight is answered without reaching GraphQL.
 */
@Configuration(proxyBeanMethods = false)
class CorsFilterConfiguration {

	/** What browser clients send: Apollo's CSRF-prevention header, its client awareness, a request id. */
	static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION,
			HttpHeaders.ACCEPT, HttpHeaders.IF_NONE_MATCH, "apollo-require-preflight", "x-apollo-operation-name",
			"apollographql-client-name", "apollographql-client-version", "x-request-id");

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	CorsWebFilter corsWebFilter(@Value("${inkwell.cors.allowed-origins:}") List<String> allowedOrigins,
			@Value("${inkwell.cors.max-age:1h}") Duration maxAge) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(allowedOrigins.stream().map(String::trim).filter((o) -> !o.isEmpty()).toList());
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(ALLOWED_HEADERS);
		cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL, "x-request-id"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(maxAge);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return new CorsWebFilter(source);
	}

}
