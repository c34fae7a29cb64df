package dev.inkwell.database;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * The signal that a request was abandoned (its client went away, or it ran out of time), carried
 * in the Reactor context under {@link #KEY} down to the statements the request runs. Spring for
 * GraphQL hands futures to graphql-java, and cancelling a request does not cancel the work behind
 * them, so each statement listens for this signal itself (see {@link StatementCancellingConnection}).
 */
public final class RequestCancellation {

	/** The Reactor context key; Spring for GraphQL must propagate it into data fetchers and batch loaders. */
	public static final String KEY = RequestCancellation.class.getName();

	private final Sinks.Empty<Void> signal = Sinks.empty();

	private volatile boolean cancelled;

	public void cancel() {
		this.cancelled = true;
		this.signal.tryEmitEmpty();
	}

	boolean isCancelled() {
		return this.cancelled;
	}

	/** Completes when the request is abandoned. */
	Mono<Void> cancelled() {
		return this.signal.asMono();
	}

	static RequestCancellation of(ContextView context) {
		Object value = context.getOrDefault(KEY, null);
		return (value instanceof RequestCancellation cancellation) ? cancellation : null;
	}

}
