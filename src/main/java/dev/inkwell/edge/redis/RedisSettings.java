package dev.inkwell.edge.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the state shared by all instances lives. Without a URL, every store is in-process (one
 * instance, nothing to install).
 *
 * @param url REDIS_URL, e.g. {@code redis://host:6379}; empty for in-process stores
 * @param keyPrefix put before every key, so that several deployments (or test runs) share one Redis
 * @param timeout the longest a request waits for Redis before treating it as unavailable
 */
@ConfigurationProperties("inkwell.redis")
public record RedisSettings(String url, String keyPrefix, Duration timeout) {

	public RedisSettings {
		url = (url != null) ? url.trim() : "";
		keyPrefix = (keyPrefix != null && !keyPrefix.isBlank()) ? keyPrefix : "inkwell:";
		timeout = (timeout != null) ? timeout : Duration.ofMillis(500);
	}

	public boolean enabled() {
		return !this.url.isEmpty();
	}

}
