package dev.inkwell.lifecycle;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM), readiness turns DOWN at once, but the web server's graceful shutdown would
 * also stop accepting connections at once, before a load balancer has seen readiness fail. This
 * keeps serving for SHUTDOWN_DRAIN_DELAY first (stopped before the web server: highest phase), so
 * traffic moves away; then the graceful shutdown lets in-flight requests finish.
 */
@Component
class ShutdownDrainDelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ShutdownDrainDelay.class);

	private final Duration delay;

	private volatile boolean running;

	ShutdownDrainDelay(@Value("${inkwell.shutdown-drain-delay:0s}") Duration delay) {
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (!this.delay.isZero() && !this.delay.isNegative()) {
			logger.info("Shutting down: readiness is DOWN; serving " + this.delay.toMillis()
					+ " ms more so that load balancers notice, then finishing in-flight requests");
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
