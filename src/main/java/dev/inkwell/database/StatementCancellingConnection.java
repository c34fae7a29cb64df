package dev.inkwell.database;

import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import graphql.execution.AbortExecutionException;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * A pooled connection whose statements stop in PostgreSQL when their request is abandoned.
 * Cancelling a subscription to a statement's results only makes the driver stop listening (it
 * then reads and discards the answer), so a slow statement of a client that went away kept its
 * backend and its connection busy until it ended or hit the statement timeout. Here a statement
 * listens for its request's {@link RequestCancellation} and then fails at once, which makes its
 * caller release the connection; a connection released (or a transaction rolled back) while its
 * statement has neither finished nor sent a row first sends PostgreSQL a cancel request. A reader
 * that stops after the first row of an answer (as {@code .next()} does) costs no cancel request,
 * which opens a connection of its own. The release waits for the cancel request, so that it
 * cannot reach the next borrower's statement.
 */
final class StatementCancellingConnection implements Connection, Wrapped<Connection> {

	private static final Log logger = LogFactory.getLog(StatementCancellingConnection.class);

	/**
	 * The driver still reads the answer of a statement nobody listens to any more, and hands the
	 * error of a cancelled one to Reactor's "dropped error" hook, which by default logs it as an
	 * error with a stack trace. Reactor looks for a hook in the subscriber's context under this
	 * key (Hooks.KEY_ON_ERROR_DROPPED, not public); here an expected cancellation is logged quietly.
	 */
	private static final Function<Context, Context> QUIET_DROPS = (context) -> context
		.put("reactor.onErrorDropped.local", (Consumer<Throwable>) StatementCancellingConnection::dropped);

	private static final String QUERY_CANCELED = "57014";

	private final Connection delegate;

	private final StatementObserver observer;

	/** The last statement executed; a connection runs one at a time. */
	private volatile Progress current;

	StatementCancellingConnection(Connection delegate, StatementObserver observer) {
		this.delegate = delegate;
		this.observer = observer;
	}

	@Override
	public Statement createStatement(String sql) {
		return new CancellingStatement(this.delegate.createStatement(sql));
	}

	@Override
	public Publisher<Void> close() {
		return cancelAbandoned().then(Mono.from(this.delegate.close()));
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		// A rollback would otherwise queue behind the statement it abandons.
		return cancelAbandoned().then(Mono.from(this.delegate.rollbackTransaction()));
	}

	private Mono<Void> cancelAbandoned() {
		return Mono.defer(() -> {
			Progress progress = this.current;
			this.current = null;
			if (progress == null || progress.finished || progress.answered) {
				return Mono.empty();
			}
			PostgresqlConnection postgres = postgres(this.delegate);
			return (postgres != null) ? postgres.cancelRequest().onErrorResume((ex) -> Mono.empty()) : Mono.empty();
		});
	}

	private static PostgresqlConnection postgres(Connection connection) {
		Object candidate = connection;
		while (!(candidate instanceof PostgresqlConnection) && candidate instanceof Wrapped<?> wrapped) {
			candidate = wrapped.unwrap();
		}
		return (candidate instanceof PostgresqlConnection postgres) ? postgres : null;
	}

	@Override
	public Connection unwrap() {
		return this.delegate;
	}

	@Override
	public Publisher<Void> beginTransaction() {
		return this.delegate.beginTransaction();
	}

	@Override
	public Publisher<Void> beginTransaction(TransactionDefinition definition) {
		return this.delegate.beginTransaction(definition);
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return this.delegate.commitTransaction();
	}

	@Override
	public Batch createBatch() {
		return this.delegate.createBatch();
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return this.delegate.createSavepoint(name);
	}

	@Override
	public boolean isAutoCommit() {
		return this.delegate.isAutoCommit();
	}

	@Override
	public ConnectionMetadata getMetadata() {
		return this.delegate.getMetadata();
	}

	@Override
	public IsolationLevel getTransactionIsolationLevel() {
		return this.delegate.getTransactionIsolationLevel();
	}

	@Override
	public Publisher<Void> releaseSavepoint(String name) {
		return this.delegate.releaseSavepoint(name);
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return this.delegate.rollbackTransactionToSavepoint(name);
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return this.delegate.setAutoCommit(autoCommit);
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return this.delegate.setLockWaitTimeout(timeout);
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return this.delegate.setStatementTimeout(timeout);
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
		return this.delegate.setTransactionIsolationLevel(level);
	}

	@Override
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return this.delegate.validate(depth);
	}

	private static void dropped(Throwable ex) {
		if (ex instanceof R2dbcException r2dbc && QUERY_CANCELED.equals(r2dbc.getSqlState())) {
			logger.debug("Statement of an abandoned request cancelled");
		}
		else {
			logger.warn("Error of a statement nobody waited for any more", ex);
		}
	}

	/**
	 * Stops listening when the request is abandoned, and fails, so that the statement's caller
	 * releases the connection at once (which sends the cancel request, see {@link #close()}).
	 */
	private static <T> Flux<T> abandonOn(Flux<T> results, RequestCancellation cancellation) {
		return results.takeUntilOther(cancellation.cancelled())
			.concatWith(Mono.defer(
					() -> cancellation.isCancelled() ? Mono.error(new StatementAbandoned()) : Mono.empty()));
	}

	/**
	 * The failure of a statement whose request was abandoned. Nobody receives it; it is graphql-java's
	 * "execution aborted" so that it is treated as the cancellation it is (not logged as a fault).
	 */
	static final class StatementAbandoned extends AbortExecutionException {

		StatementAbandoned() {
			super("The request was abandoned");
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

	/** How far one statement got: whether the server finished it, or started answering. */
	private static final class Progress {

		volatile boolean finished;

		volatile boolean answered;

	}

	private final class CancellingStatement implements Statement {

		private final Statement statement;

		CancellingStatement(Statement statement) {
			this.statement = statement;
		}

		@Override
		public Publisher<? extends Result> execute() {
			return Flux.deferContextual((context) -> {
				StatementCancellingConnection.this.observer.executing(context);
				Progress progress = new Progress();
				StatementCancellingConnection.this.current = progress;
				RequestCancellation cancellation = RequestCancellation.of(context);
				// The driver hands out the result at once and streams the rows through it, so the
				// statement has finished when the rows (or the update count) have been read.
				Flux<Result> results = Flux.from(this.statement.execute())
					.map((result) -> new ProgressResult(result, progress, cancellation));
				return (cancellation != null) ? abandonOn(results, cancellation) : results;
			}).contextWrite(QUIET_DROPS);
		}

				@Override
		public Statement add() {
			this.statement.add();
			return this;
		}

		@Override
		public Statement bind(int index, Object value) {
			this.statement.bind(index, value);
			return this;
		}

		@Override
		public Statement bind(String name, Object value) {
			this.statement.bind(name, value);
			return this;
		}

		@Override
		public Statement bindNull(int index, Class<?> type) {
			this.statement.bindNull(index, type);
			return this;
		}

		@Override
		public Statement bindNull(String name, Class<?> type) {
			this.statement.bindNull(name, type);
			return this;
		}

		@Override
		public Statement returnGeneratedValues(String... columns) {
			this.statement.returnGeneratedValues(columns);
			return this;
		}

		@Override
		public Statement fetchSize(int rows) {
			this.statement.fetchSize(rows);
			return this;
		}

	}

	/**
	 * Marks its statement answered at the first row or update count and finished at the end of
	 * them, and stops reading when the request is abandoned.
	 */
	private record ProgressResult(Result result, Progress progress, RequestCancellation cancellation)
			implements Result {

		private <T> Flux<T> watched(Publisher<T> publisher) {
			Flux<T> items = Flux.from(publisher)
				.doOnNext((item) -> this.progress.answered = true)
				.doOnTerminate(() -> this.progress.finished = true);
			return ((this.cancellation != null) ? abandonOn(items, this.cancellation) : items).contextWrite(QUIET_DROPS);
		}

		@Override
		public Publisher<Long> getRowsUpdated() {
			return watched(this.result.getRowsUpdated());
		}

		@Override
		public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
			return watched(this.result.map(mapping));
		}

		@Override
		public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
			return watched(this.result.map(mapping));
		}

		@Override
		public Result filter(Predicate<Result.Segment> filter) {
			return new ProgressResult(this.result.filter(filter), this.progress, this.cancellation);
		}

		@Override
		public <T> Publisher<T> flatMap(Function<Result.Segment, ? extends Publisher<? extends T>> mapping) {
			return watched(this.result.flatMap(mapping));
		}

	}

}
