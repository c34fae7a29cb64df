package dev.inkwell.telemetry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import org.slf4j.MDC;
import reactor.util.context.ContextView;

import org.springframework.web.server.ServerWebExchange;

/**
 * What one HTTP request has done, for its access log line, its metrics and its errors: the request
 * id, and what the GraphQL layer learns (operation, cost, viewer, SQL statements). Created by
 * {@link RequestIdFilter}, carried as an exchange attribute and in the Reactor context under
 * {@link #KEY}, from which Spring for GraphQL copies it into the GraphQLContext and into the
 * Reactor context of every data fetcher and batch loader (so that a SQL statement knows its
 * request). Log lines read it explicitly: no ThreadLocal is set.
 */
public final class RequestTelemetry {

	/** Exchange attribute, Reactor context and GraphQLContext key. */
	public static final String KEY = RequestTelemetry.class.getName();

	public static final String HEADER = "X-Request-Id";

	/** The MDC key (and JSON log field) of the request id. */
	public static final String MDC_KEY = "requestId";

	/** A client's id is kept if it is this sane: short, and nothing that could forge a log line. */
	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:=+/-]{1,100}");

	private final String requestId;

	private final long startNanos = System.nanoTime();

	private final AtomicInteger statements = new AtomicInteger();

	private volatile String operationName;

	private volatile String operationType;

	private volatile Long cost;

	private volatile Long viewerId;

	RequestTelemetry(String requestId) {
		this.requestId = requestId;
	}

	/** The client's id when it is sane, else a new one. */
	public static RequestTelemetry forRequest(String clientRequestId) {
		return new RequestTelemetry((clientRequestId != null && SANE_ID.matcher(clientRequestId).matches())
				? clientRequestId : newId());
	}

	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
	}

	public static RequestTelemetry from(ServerWebExchange exchange) {
		return exchange.getAttribute(KEY);
	}

	public static RequestTelemetry from(GraphQLContext context) {
		return (context != null) ? context.get(KEY) : null;
	}

	public static RequestTelemetry from(ContextView context) {
		return context.getOrDefault(KEY, null);
	}

	/** The request id of the request a GraphQLContext belongs to, or null outside a request. */
	public static String requestId(GraphQLContext context) {
		RequestTelemetry telemetry = from(context);
		return (telemetry != null) ? telemetry.requestId : null;
	}

	/** The request id of the request whose exchange (or GraphQL request) has these attributes. */
	public static String requestId(java.util.Map<String, Object> attributes) {
		return (attributes.get(KEY) instanceof RequestTelemetry telemetry) ? telemetry.requestId : null;
	}

	/**
	 * Puts the request id into the logging MDC until closed, for the log lines written in between
	 * (they run on event-loop threads shared by many requests, so it is set only around them).
	 */
	public static MDC.MDCCloseable logScope(String requestId) {
		return MDC.putCloseable(MDC_KEY, (requestId != null) ? requestId : "-");
	}

	public String requestId() {
		return this.requestId;
	}

	public long elapsedNanos() {
		return System.nanoTime() - this.startNanos;
	}

	public void countStatements(int count) {
		this.statements.addAndGet(count);
	}

	public int statements() {
		return this.statements.get();
	}

	/** Only operations of documents that parsed and validated get here: their name is a real one. */
	public void operation(String type, String name) {
		this.operationType = type;
		this.operationName = name;
	}

	public String operationName() {
		return this.operationName;
	}

	public String operationType() {
		return this.operationType;
	}

	public void cost(Long cost) {
		this.cost = cost;
	}

	public Long cost() {
		return this.cost;
	}

	public void viewerId(Long viewerId) {
		this.viewerId = viewerId;
	}

	public Long viewerId() {
		return this.viewerId;
	}

}
