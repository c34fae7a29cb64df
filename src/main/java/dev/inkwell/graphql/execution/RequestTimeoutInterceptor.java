package dev.inkwell.graphql.execution;

import java.time.Duration;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.graphql.errors.GraphQlErrors;
import dev.inkwell.telemetry.RequestTelemetry;
import graphql.ExecutionResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Bounds a whole request (REQUEST_TIMEOUT, default 30 s): when it runs out the client gets a
 * classified error and the work is cancelled, the same way it is when a client disconnects:
 * cancelling the execution cancels its data fetchers and stops waiting for their database calls.
 * A statement PostgreSQL is already running is cancelled there too (see
 * admission/RequestCancellationInterceptor, just inside this one); DB_STATEMENT_TIMEOUT bounds
 * it otherwise. Outermost
 * interceptor, so that everything after it (authentication's lookup included) counts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)   // inside the observation interceptor, which times the whole request
class RequestTimeoutInterceptor implements WebGraphQlInterceptor {

	private static final Log logger = LogFactory.getLog(RequestTimeoutInterceptor.class);

	private final Duration timeout;

	RequestTimeoutInterceptor(@Value("${inkwell.request-timeout:30s}") Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).timeout(this.timeout, Mono.fromSupplier(() -> timedOut(request)));
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		// The timer's thread carries no request: the id goes into the line's MDC explicitly.
		try (MDC.MDCCloseable scope = RequestTelemetry.logScope(RequestTelemetry.requestId(request.getAttributes()))) {
			logger.warn("Request " + RequestTelemetry.requestId(request.getAttributes()) + " ran longer than "
					+ readable(this.timeout) + " and was cancelled");
		}
		ApiException ex = new ApiException(ErrorKind.INTERNAL_ERROR, "The request took longer than "
				+ readable(this.timeout) + " and was cancelled; try again, or ask for less (a smaller first, fewer "
				+ "nested fields)", null, Map.of());
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(GraphQlErrors.of(ex, null)).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
