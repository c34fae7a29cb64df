package dev.inkwell.database;

import reactor.util.context.ContextView;

/**
 * Told of each SQL statement a pooled connection starts, with the Reactor context of whoever runs
 * it (which knows its request). Called on the statement's path, so it must be cheap.
 */
@FunctionalInterface
public interface StatementObserver {

	StatementObserver NONE = (context) -> {
	};

	void executing(ContextView context);

}
