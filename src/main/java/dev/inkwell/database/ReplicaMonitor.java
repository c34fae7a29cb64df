package dev.inkwell.database;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ValidationDepth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Knows how far behind each read replica is, by reading positions in the write-ahead log, twice a
 * second by default: the primary's current position (with the time it was read) and each standby's
 * replay position. A standby that has replayed the position the primary had at time T holds every
 * commit acknowledged before T, so its data is at most {@code now - T} old. Unlike
 * {@code now() - pg_last_xact_replay_timestamp()}, this stays right when the primary is idle (no
 * new commits to replay does not mean behind) and needs no synchronised clocks. Both reads use a
 * connection of their own (see {@link ProbeConnection}).
 */
@Component
public class ReplicaMonitor implements SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(ReplicaMonitor.class);

	private static final String PRIMARY_POSITION = "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";

	private static final String REPLAY_POSITION = "SELECT pg_is_in_recovery(), "
			+ "(pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";

	private final ReplicaProperties properties;

	private final List<ReadReplica> replicas;

	private final ProbeConnection primary;

	private final Deque<Sample> samples = new ArrayDeque<>();

	private final AtomicInteger next = new AtomicInteger();

	private volatile Disposable checking;

	ReplicaMonitor(ReplicaProperties properties, DatabaseServer server, DatabaseConnectionOptions options,
			R2dbcProperties r2dbc) {
		this.properties = properties;
		this.replicas = properties.targets(server.target()).stream().map((target) -> {
			ConnectionPoolConfiguration.Builder pool = ConnectionPoolConfiguration
				.builder(ConnectionFactories.get(options.of(target)))
				.name("replica-" + target.host() + "-" + target.port())
				.initialSize(0)
				.validationDepth(ValidationDepth.LOCAL)
				.acquireRetry(0);
			R2dbcProperties.Pool settings = r2dbc.getPool();
			pool.maxSize(settings.getMaxSize());
			if (settings.getMaxAcquireTime() != null) {
				pool.maxAcquireTime(settings.getMaxAcquireTime());
			}
			if (settings.getMaxIdleTime() != null) {
				pool.maxIdleTime(settings.getMaxIdleTime());
			}
			if (settings.getMaxLifeTime() != null) {
				pool.maxLifeTime(settings.getMaxLifeTime());
			}
			return new ReadReplica(target.host() + ":" + target.port() + "/" + target.database(),
					new ConnectionPool(pool.build()), new ProbeConnection(options.of(target)));
		}).toList();
		this.primary = this.replicas.isEmpty() ? null : new ProbeConnection(options.of(server.target()));
	}

	boolean hasReplicas() {
		return !this.replicas.isEmpty();
	}

	Duration maxLag() {
		return this.properties.maxLag();
	}

	List<ReadReplica> replicas() {
		return this.replicas;
	}

	/**
	 * A replica that has replayed at least {@code position} and whose data is at most REPLICA_MAX_LAG
	 * old, taking turns among those that qualify; null when none does (the caller uses the primary).
	 */
	ReadReplica pick(long position) {
		Instant now = Instant.now();
		int size = this.replicas.size();
		int start = Math.floorMod(this.next.getAndIncrement(), Math.max(1, size));
		for (int i = 0; i < size; i++) {
			ReadReplica replica = this.replicas.get((start + i) % size);
			if (replica.serves(position, this.properties.maxLag(), now)) {
				return replica;
			}
		}
		return null;
	}

	/** One round: the primary's position first, then every replica's, so each replay is compared with earlier samples. */
	Mono<Void> check() {
		Instant sampledAt = Instant.now();
		return this.primary.query(PRIMARY_POSITION, (row) -> row.get(0, Long.class), timeout())
			.doOnNext((position) -> record(new Sample(sampledAt, position)))
			.onErrorResume((ex) -> Mono.empty())
			.thenMany(Flux.fromIterable(this.replicas).flatMap(this::checkReplica))
			.then();
	}

	private Mono<ReadReplica.State> checkReplica(ReadReplica replica) {
		Instant checkedAt = Instant.now();
		ReadReplica.State before = replica.state();
		return replica.probe().query(REPLAY_POSITION, (row) -> {
			boolean standby = Boolean.TRUE.equals(row.get(0, Boolean.class));
			Long replayed = row.get(1, Long.class);
			return (standby && replayed != null)
					? new ReadReplica.State(true, replayed, freshAsOf(replayed), checkedAt, null)
					: new ReadReplica.State(false, -1, null, checkedAt, "not a standby (not in recovery)");
		}, timeout())
			.onErrorResume((ex) -> Mono.just(new ReadReplica.State(false, before.replayed(), before.freshAsOf(),
					checkedAt, problem(ex))))
			.doOnNext((state) -> {
				if (state.up() != before.up() && before.checkedAt() != null) {
					logger.warn("Read replica " + replica.name() + " is " + (state.up() ? "up again" : "down: "
							+ state.problem()) + (state.up() ? "" : "; its reads go to the primary"));
				}
				replica.update(state);
			});
	}

	/** The time of the newest primary sample the replay position covers, or null if none does. */
	private synchronized Instant freshAsOf(long replayed) {
		for (Iterator<Sample> newestFirst = this.samples.descendingIterator(); newestFirst.hasNext();) {
			Sample sample = newestFirst.next();
			if (sample.position() <= replayed) {
				return sample.at();
			}
		}
		return null;
	}

	private synchronized void record(Sample sample) {
		this.samples.addLast(sample);
		// Older samples cannot make a replica usable any more; keep a little more than the lag limit.
		Instant horizon = sample.at().minus(this.properties.maxLag()).minus(this.properties.checkInterval().multipliedBy(4));
		while (this.samples.size() > 1 && this.samples.peekFirst().at().isBefore(horizon)) {
			this.samples.removeFirst();
		}
	}

	private Duration timeout() {
		Duration interval = this.properties.checkInterval();
		return interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval;
	}

	private static String problem(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	@Override
	public void start() {
		if (hasReplicas()) {
			this.checking = Flux.interval(Duration.ZERO, this.properties.checkInterval())
				.onBackpressureDrop()
				.concatMap((tick) -> check().onErrorResume((ex) -> Mono.empty()), 1)
				.subscribe();
		}
	}

	@Override
	public void stop() {
		Disposable running = this.checking;
		if (running != null) {
			running.dispose();
		}
		this.checking = null;
	}

	/** Late in shutdown (phase 0), after the web server has let in-flight requests finish. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public void destroy() {
		this.replicas.forEach(ReadReplica::close);
		if (this.primary != null) {
			this.primary.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.checking != null;
	}

	private record Sample(Instant at, long position) {
	}

}
