package dev.inkwell.edge.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Runs Redis calls so that Redis trouble never fails a request: a call that fails or takes longer
 * than the timeout counts as a miss (empty), and one log line says when Redis stops and when it
 * answers again, instead of one per request.
 */
public final class RedisGuard {

	private static final Log logger = LogFactory.getLog(RedisGuard.class);

	private final Duration timeout;

	private final AtomicBoolean down = new AtomicBoolean();

	public RedisGuard(Duration timeout) {
		this.timeout = timeout;
	}

	/** The call's value, or empty when Redis is unavailable. */
	public <T> Mono<T> call(Mono<T> redisCall) {
		return redisCall.timeout(this.timeout)
			.doOnSuccess((value) -> {
				if (this.down.compareAndSet(true, false)) {
					logger.info("Redis answers again: shared persisted queries and the response cache are back in use");
				}
			})
			.onErrorResume((ex) -> {
				if (this.down.compareAndSet(false, true)) {
					logger.warn("Redis is unavailable (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
							+ "): persisted-query lookups miss and the response cache is bypassed until it answers again");
				}
				return Mono.empty();
			});
	}

	/** Whether the last call failed (for tests and health reporting). */
	public boolean isDown() {
		return this.down.get();
	}

}
