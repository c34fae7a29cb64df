package dev.inkwell.auth;

import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.DatabaseErrors;
import dev.inkwell.graphql.errors.GraphQlErrors;
import dev.inkwell.telemetry.RequestTelemetry;
import dev.inkwell.user.UserReadStore;
import dev.inkwell.viewer.Viewer;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Turns the {@code Authorization: Bearer} header into the request's {@link Viewer}. A token that
 * is present but expired, tampered with, revoked (logout, a new password), or for a user who is
 * gone or deactivated fails the whole request with UNAUTHORIZED rather than silently running it
 * anonymously.
 */
@Component
class AuthenticationInterceptor implements WebGraphQlInterceptor {

	private static final String BEARER = "Bearer ";

	private final AccessTokens tokens;

	private final UserReadStore users;

	AuthenticationInterceptor(AccessTokens tokens, UserReadStore users) {
		this.tokens = tokens;
		this.users = users;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return viewer(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
			.<Object>map((viewer) -> viewer)
			.onErrorResume((ex) -> {
				// The account lookup can meet a database outage: that, too, is a classified error.
				// Its warning is logged on a driver thread, outside any request: the id goes in explicitly.
				if (ex instanceof ApiException known) {
					return Mono.just(known);
				}
				try (MDC.MDCCloseable scope = RequestTelemetry.logScope(RequestTelemetry.requestId(request.getAttributes()))) {
					ApiException api = DatabaseErrors.classify(ex, "the access token's account lookup");
					return (api != null) ? Mono.just(api) : Mono.error(ex);
				}
			})
			.flatMap((outcome) -> (outcome instanceof Viewer viewer) ? proceed(request, chain, viewer)
					: Mono.just(GraphQlErrors.refuse(request, (ApiException) outcome)));
	}

	private Mono<Viewer> viewer(String authorization) {
		if (authorization == null || authorization.isBlank()) {
			return Mono.just(Viewer.ANONYMOUS);
		}
		if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.error(ApiException.unauthorized("The Authorization header must be 'Bearer <token>'"));
		}
		return this.tokens.verify(authorization.substring(BEARER.length()).trim())
			.flatMap((claims) -> this.users.tokenOwner(claims.userId())
				.switchIfEmpty(Mono.error(() -> ApiException
					.unauthorized("The access token's account no longer exists or is deactivated")))
				.filter((owner) -> owner.honours(claims.tokenVersion()))
				.switchIfEmpty(Mono.error(() -> ApiException.unauthorized(
						"The access token was revoked (signed out, password changed or account deactivated); log in again"))))
			.map((owner) -> new Viewer(owner.id(), owner.isSuperuser()));
	}

	private static Mono<WebGraphQlResponse> proceed(WebGraphQlRequest request, Chain chain, Viewer viewer) {
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(Viewer.CONTEXT_KEY, viewer))
			.build());
		return chain.next(request);
	}

}
