package dev.inkwell.observability;

import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import reactor.util.context.ContextView;

import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Counts each SQL statement against the request that runs it, for the statements-per-operation
 * metric and the access log. Boot wraps the connection factory in r2dbc-proxy (which also observes
 * each statement: the {@code r2dbc.query} timer, and a span when tracing); r2dbc-proxy hands the
 * executing subscriber's Reactor context to this listener, where the request's
 * {@link RequestTelemetry} is.
 */
@Component
class SqlStatementCounting implements ProxyExecutionListener, ProxyConnectionFactoryCustomizer {

	@Override
	public void customize(io.r2dbc.proxy.ProxyConnectionFactory.Builder builder) {
		builder.listener(this);
	}

	@Override
	public void beforeQuery(QueryExecutionInfo execution) {
		ContextView context = execution.getValueStore().get(ContextView.class, ContextView.class);
		RequestTelemetry telemetry = (context != null) ? RequestTelemetry.from(context) : null;
		if (telemetry != null) {
			telemetry.countStatements(execution.getQueries().size());
		}
	}

}
