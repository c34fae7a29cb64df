package dev.inkwell.database;

import io.r2dbc.spi.Closeable;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A ConnectionFactory that changes only how connections are handed out ({@link #create()}): the
 * rest goes to the factory it wraps, so that the pool under any number of these can still be found
 * ({@link Wrapped}), closed and disposed.
 */
public abstract class DelegatingConnectionFactory
		implements ConnectionFactory, Wrapped<ConnectionFactory>, Closeable, Disposable {

	private final ConnectionFactory delegate;

	protected DelegatingConnectionFactory(ConnectionFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public abstract Publisher<? extends Connection> create();

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return this.delegate;
	}

	@Override
	public Mono<Void> close() {
		return (this.delegate instanceof Closeable closeable) ? Mono.from(closeable.close()) : Mono.empty();
	}

	@Override
	public void dispose() {
		if (this.delegate instanceof Disposable disposable) {
			disposable.dispose();
		}
	}

	@Override
	public boolean isDisposed() {
		return (this.delegate instanceof Disposable disposable) && disposable.isDisposed();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
