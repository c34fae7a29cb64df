package dev.inkwell.observability;

import dev.inkwell.database.DelegatingConnectionFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Times how long a request waits for a pooled connection ({@code inkwell.db.connection.acquire},
 * by outcome), which the pool itself does not measure; Boot binds its gauges (connections acquired,
 * idle, pending: {@code r2dbc.pool.*}). Wraps the application's connection factory last, around
 * the pool and its dead-connection skipping, so a wait includes every retry.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionAcquireTiming {

	private static final double[] BUCKET_SECONDS = { 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2 };

	@Bean
	static BeanPostProcessor connectionAcquireTimer(ObjectProvider<MeterRegistry> registry) {
		return new TimingPostProcessor(registry);
	}

	private record TimingPostProcessor(ObjectProvider<MeterRegistry> registry) implements BeanPostProcessor, Ordered {

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) {
			return (bean instanceof ConnectionFactory factory && !(bean instanceof TimedConnectionFactory)
					&& isPooled(factory)) ? new TimedConnectionFactory(factory, this.registry.getObject()) : bean;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		private static boolean isPooled(Object factory) {
			return (factory instanceof io.r2dbc.pool.ConnectionPool)
					|| (factory instanceof Wrapped<?> wrapped && isPooled(wrapped.unwrap()));
		}

	}

	static final class TimedConnectionFactory extends DelegatingConnectionFactory {

		private final Timer acquired;

		private final Timer failed;

		TimedConnectionFactory(ConnectionFactory delegate, MeterRegistry registry) {
			super(delegate);
			this.acquired = timer(registry, "acquired");
			this.failed = timer(registry, "failed");
		}

		private static Timer timer(MeterRegistry registry, String outcome) {
			return Timer.builder("inkwell.db.connection.acquire")
				.description("Time waited for a pooled database connection")
				.tag("outcome", outcome)
				.serviceLevelObjectives(java.util.Arrays.stream(BUCKET_SECONDS)
					.mapToObj((seconds) -> java.time.Duration.ofNanos((long) (seconds * 1e9)))
					.toArray(java.time.Duration[]::new))
				.register(registry);
		}

		@Override
		public Mono<? extends Connection> create() {
			return Mono.defer(() -> {
				long start = System.nanoTime();
				return Mono.from(unwrap().create())
					.doOnSuccess((connection) -> this.acquired.record(System.nanoTime() - start,
							java.util.concurrent.TimeUnit.NANOSECONDS))
					.doOnError((ex) -> this.failed.record(System.nanoTime() - start,
							java.util.concurrent.TimeUnit.NANOSECONDS));
			});
		}

	}

}
