package dev.inkwell.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.inkwell.auth.Viewer;
import dev.inkwell.graphql.ErrorKind;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Observes each GraphQL operation once (never per field): one observation, which is the
 * {@code inkwell.graphql.operation} timer (tagged by operation name, type and outcome) and, with
 * tracing on, the operation's span, parent of its SQL statements' spans; the cost, SQL statement
 * and error meters; slow operations logged with their document's hash; and the request id in every
 * error's {@code extensions.requestId}. The outermost interceptor, so that it sees the errors as
 * the client does (classified) and times everything the others do.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationObservationInterceptor implements WebGraphQlInterceptor {

	static final String OBSERVATION = "inkwell.graphql.operation";

	private static final Log slowLogger = LogFactory.getLog("inkwell.slow-operations");

	private final ObservationRegistry observations;

	private final OperationMetrics metrics;

	private final long slowNanos;

	OperationObservationInterceptor(ObservationRegistry observations, OperationMetrics metrics,
			@Value("${inkwell.observability.slow-operation-threshold:1s}") Duration slowThreshold) {
		this.observations = observations;
		this.metrics = metrics;
		this.slowNanos = slowThreshold.toNanos();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		RequestTelemetry telemetry = (RequestTelemetry) request.getAttributes().get(RequestTelemetry.KEY);
		if (telemetry == null) {
			return chain.next(request);
		}
		return Mono.deferContextual((context) -> {
			Observation observation = Observation.createNotStarted(OBSERVATION, this.observations)
				.parentObservation(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			long start = System.nanoTime();
			return chain.next(request)
				.map((response) -> completed(request, response, telemetry, observation, System.nanoTime() - start))
				.doOnError((ex) -> stop(observation, telemetry, "failure", ex))
				.doOnCancel(() -> stop(observation, telemetry, "cancelled", null))
				.contextWrite((downstream) -> downstream.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private WebGraphQlResponse completed(WebGraphQlRequest request, WebGraphQlResponse response,
			RequestTelemetry telemetry, Observation observation, long nanos) {
		Viewer viewer = Viewer.from(response.getExecutionInput().getGraphQLContext());
		telemetry.viewerId(viewer.userId());
		telemetry.cost(cost(response));
		String operation = this.metrics.operationTag(telemetry.operationName());
		String type = (telemetry.operationType() != null) ? telemetry.operationType() : OperationMetrics.UNKNOWN;
		List<ResponseError> errors = response.getErrors();
		String outcome = errors.isEmpty() ? "success" : (response.getData() != null) ? "partial" : "failure";
		stop(observation, telemetry, outcome, null);
		if (telemetry.cost() != null) {
			this.metrics.cost(operation, type, telemetry.cost());
		}
		if (telemetry.operationName() != null) {
			this.metrics.statements(operation, type, telemetry.statements());
		}
		for (ResponseError error : errors) {
			this.metrics.error(operation, type, classification(error));
			Object code = error.getExtensions().get("code");
			if ("RATE_LIMITED".equals(code)) {
				this.metrics.rateLimited();
			}
			else if ("LOGIN_FAILED".equals(code)) {
				this.metrics.loginFailure();
			}
		}
		if (nanos >= this.slowNanos) {
			logSlow(request, telemetry, nanos);
		}
		return errors.isEmpty() ? response
				: response.transform((builder) -> builder.errors(withRequestId(errors, telemetry.requestId())));
	}

	private void stop(Observation observation, RequestTelemetry telemetry, String outcome, Throwable ex) {
		String operation = this.metrics.operationTag(telemetry.operationName());
		String type = (telemetry.operationType() != null) ? telemetry.operationType() : OperationMetrics.UNKNOWN;
		observation.lowCardinalityKeyValue("operation", operation)
			.lowCardinalityKeyValue("type", type)
			.lowCardinalityKeyValue("outcome", outcome)
			.highCardinalityKeyValue("request.id", telemetry.requestId())
			.contextualName((telemetry.operationName() != null) ? type + " " + telemetry.operationName() : "graphql");
		if (ex != null) {
			observation.error(ex);
		}
		observation.stop();
	}

	private static Long cost(WebGraphQlResponse response) {
		Object cost = response.getExtensions().get("cost");
		return (cost instanceof Map<?, ?> measured && measured.get("requested") instanceof Number requested)
				? requested.longValue() : null;
	}

	private static String classification(ResponseError error) {
		Object value = error.getExtensions().get("classification");
		for (ErrorKind kind : ErrorKind.values()) {
			if (kind.name().equals(value)) {
				return kind.name();
			}
		}
		return OperationMetrics.OTHER;
	}

	private void logSlow(WebGraphQlRequest request, RequestTelemetry telemetry, long nanos) {
		try (MDC.MDCCloseable id = RequestTelemetry.logScope(telemetry.requestId())) {
			slowLogger.warn("Slow operation: " + telemetry.operationType() + " " + telemetry.operationName() + " took "
					+ TimeUnit.NANOSECONDS.toMillis(nanos) + "ms (document sha256 " + sha256(request.getDocument())
					+ ", cost " + telemetry.cost() + ", " + telemetry.statements() + " SQL statements, requestId "
					+ telemetry.requestId() + ")");
		}
	}

	/** The document's hash, as persisted queries name documents: enough to find it, none of its values. */
	static String sha256(String document) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(document).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<GraphQLError> withRequestId(List<ResponseError> errors, String requestId) {
		return errors.stream().map((error) -> {
			Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
			extensions.put("requestId", requestId);
			GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
				.message(error.getMessage())
				.extensions(extensions);
			if (error.getErrorType() != null) {
				builder.errorType(error.getErrorType());
			}
			if (error.getLocations() != null && !error.getLocations().isEmpty()) {
				builder.locations(error.getLocations());
			}
			if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
				builder.path(error.getParsedPath());
			}
			return builder.build();
		}).toList();
	}

}
