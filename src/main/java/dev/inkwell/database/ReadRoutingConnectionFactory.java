package dev.inkwell.database;

import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's ConnectionFactory when read replicas are configured: hands out a replica's
 * connection when the subscriber's Reactor context carries a {@link ReadRoute} that allows one,
 * the primary's otherwise. Everything above it (DatabaseClient, transactions, the SQL) is the same
 * for both; a transaction binds the connection it started with, so a mutation's work stays on the
 * primary.
 */
final class ReadRoutingConnectionFactory extends DelegatingConnectionFactory {

	private final DeadConnectionSkippingConnectionFactory primary;

	private final ObjectProvider<ReadRouter> router;

	/** @param router looked up on first use: it needs beans that need this factory */
	ReadRoutingConnectionFactory(DeadConnectionSkippingConnectionFactory primary, ObjectProvider<ReadRouter> router) {
		super(primary);
		this.primary = primary;
		this.router = router;
	}

	@Override
	public Mono<Connection> create() {
		return Mono.deferContextual((context) -> {
			ReadRoute route = context.getOrDefault(ReadRoute.CONTEXT_KEY, null);
			return (route != null) ? this.router.getObject().connect(route, this.primary.create())
					: this.primary.create();
		});
	}

}
