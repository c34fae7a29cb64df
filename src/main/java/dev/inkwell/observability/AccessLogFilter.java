package dev.inkwell.observability;

import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One log line per request when it ends: method, path, GraphQL operation, status, duration, cost,
 * SQL statements, request id and viewer id. Never variables, the query text or headers (tokens
 * travel in one). The fields are also in the MDC while the line is written, so that structured
 * (JSON) logs carry each as a field of its own. Actuator requests (probes, scrapes) are not logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter implements WebFilter {

	/** The logger operators filter on (logging.level.inkwell.access=warn turns the lines off). */
	private static final Log logger = LogFactory.getLog("inkwell.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!logger.isInfoEnabled() || exchange.getRequest().getPath().value().startsWith("/actuator")) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).doFinally((signal) -> log(exchange, signal));
	}

	private static void log(ServerWebExchange exchange, SignalType signal) {
		RequestTelemetry telemetry = RequestTelemetry.from(exchange);
		if (telemetry == null) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		String statusText = (signal == SignalType.CANCEL) ? "cancelled"
				: String.valueOf((status != null) ? status.value() : 200);
		long millis = TimeUnit.NANOSECONDS.toMillis(telemetry.elapsedNanos());
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getPath().value();
		String operation = (telemetry.operationName() != null)
				? telemetry.operationType() + " " + telemetry.operationName() : "-";
		try (MDC.MDCCloseable id = RequestTelemetry.logScope(telemetry.requestId());
				MDC.MDCCloseable m = MDC.putCloseable("http.method", method);
				MDC.MDCCloseable p = MDC.putCloseable("http.path", path);
				MDC.MDCCloseable s = MDC.putCloseable("http.status", statusText);
				MDC.MDCCloseable d = MDC.putCloseable("durationMs", String.valueOf(millis));
				MDC.MDCCloseable o = MDC.putCloseable("graphql.operation", operation);
				MDC.MDCCloseable c = MDC.putCloseable("graphql.cost", String.valueOf(telemetry.cost()));
				MDC.MDCCloseable q = MDC.putCloseable("sql.statements", String.valueOf(telemetry.statements()));
				MDC.MDCCloseable v = MDC.putCloseable("viewerId", String.valueOf(telemetry.viewerId()))) {
			logger.info(method + " " + path + " " + operation + " " + statusText + " " + millis + "ms cost="
					+ telemetry.cost() + " sql=" + telemetry.statements() + " requestId=" + telemetry.requestId()
					+ " viewer=" + telemetry.viewerId());
		}
	}

}
