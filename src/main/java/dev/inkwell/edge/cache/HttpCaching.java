package dev.inkwell.edge.cache;

import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.inkwell.edge.Sha256;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The HTTP side of caching on {@code /graphql}: every answer gets a {@code Cache-Control} (the one
 * {@link ResponseCacheInterceptor} chose for an error-free query over GET, else {@code no-store}),
 * and a successful GET gets a weak {@code ETag} (a hash of the body), {@code Vary} and, when the
 * client already holds that body ({@code If-None-Match}), a 304 without it. Runs before the GET
 * filter turns a GET into a POST, so it sees the method the client used.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 19)
class HttpCaching implements WebFilter {

	/** Exchange attribute holding the request's {@link Decision}. */
	static final String ATTRIBUTE = HttpCaching.class.getName();

	static final String VARY = "Authorization, Accept, Accept-Encoding";

	private final String path;

	HttpCaching(@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.path = path;
	}

	/** What the GraphQL layer decided about this request's Cache-Control; no-store until it says otherwise. */
	static final class Decision {

		final boolean get;

		volatile String cacheControl = "no-store";

		Decision(boolean get) {
			this.get = get;
		}

		static Decision of(Map<String, Object> attributes) {
			return (attributes.get(ATTRIBUTE) instanceof Decision decision) ? decision : null;
		}

	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.path.equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		boolean get = exchange.getRequest().getMethod() == HttpMethod.GET;
		Decision decision = new Decision(get);
		exchange.getAttributes().put(ATTRIBUTE, decision);
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			headers.set(HttpHeaders.CACHE_CONTROL, decision.cacheControl);
			if (get) {
				vary(headers);
			}
			return Mono.empty();
		});
		if (!get) {
			return chain.filter(exchange);
		}
		List<String> ifNoneMatch = exchange.getRequest().getHeaders().getIfNoneMatch();
		return chain.filter(exchange.mutate().response(new ServerHttpResponseDecorator(response) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				HttpStatus status = HttpStatus.resolve(getStatusCode() != null ? getStatusCode().value() : 200);
				if (status != HttpStatus.OK) {
					return super.writeWith(body);
				}
				return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
					byte[] bytes = new byte[joined.readableByteCount()];
					joined.read(bytes);
					DataBufferUtils.release(joined);
					String etag = etag(bytes);
					getHeaders().setETag(etag);
					if (matches(ifNoneMatch, etag)) {
						setStatusCode(HttpStatus.NOT_MODIFIED);
						getHeaders().remove(HttpHeaders.CONTENT_TYPE);
						getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
						return super.setComplete();
					}
					return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
				});
			}

		}).build());
	}

	/** Adds ours to the Vary values already there (CORS's Origin among them), each once. */
	private static void vary(HttpHeaders headers) {
		Set<String> values = new LinkedHashSet<>();
		for (String header : headers.getOrEmpty(HttpHeaders.VARY)) {
			for (String value : header.split(",")) {
				if (!value.isBlank()) {
					values.add(value.trim());
				}
			}
		}
		values.addAll(List.of(VARY.split(", ")));
		headers.set(HttpHeaders.VARY, String.join(", ", values));
	}

	/**
	 * The same bytes always give the same tag, on every instance. A weak validator: the body is
	 * hashed before compression, so the gzip and the identity representation carry one tag, which
	 * RFC 9110 (8.8.1) allows only for a weak one; a 304 compares weakly anyway.
	 */
	static String etag(byte[] body) {
		return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest(body)).substring(0, 32)
				+ "\"";
	}

	/** If-None-Match compares weakly (RFC 9110, 13.1.2): a W/ prefix does not matter; * matches anything. */
	private static boolean matches(List<String> ifNoneMatch, String etag) {
		for (String candidate : ifNoneMatch) {
			String tag = candidate.trim();
			if (tag.equals("*") || opaque(tag).equals(opaque(etag))) {
				return true;
			}
		}
		return false;
	}

	private static String opaque(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

}
