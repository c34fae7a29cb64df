package dev.inkwell.observability;

import dev.inkwell.database.StatementObserver;
import dev.inkwell.telemetry.RequestTelemetry;
import reactor.util.context.ContextView;

import org.springframework.stereotype.Component;

/**
 * Counts each SQL statement against the request that runs it, for the statements-per-operation
 * metric and the access log: the request's {@link RequestTelemetry} is in the Reactor context of
 * the data fetcher or batch loader that runs the statement. Not r2dbc-proxy: its listener (and
 * the observation Boot adds per statement and per row) cost the feed about a fifth of its throughput,
 * so the proxy is only there when tracing needs its SQL spans.
 */
@Component
class SqlStatementCounting implements StatementObserver {

	@Override
	public void executing(ContextView context) {
		RequestTelemetry telemetry = RequestTelemetry.from(context);
		if (telemetry != null) {
			telemetry.countStatements(1);
		}
	}

}
