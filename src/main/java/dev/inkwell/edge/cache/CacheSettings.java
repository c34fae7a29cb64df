package dev.inkwell.edge.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxAge CACHE_MAX_AGE: what root fields and object-typed fields without a hint may be cached
 * for (Apollo's {@code defaultMaxAge}); zero makes every response {@code no-store}
 * @param responseCache RESPONSE_CACHE_ENABLED: keep anonymous, public, error-free query results on
 * the server
 * @param maxSize RESPONSE_CACHE_MAX_SIZE: the most response text the in-process cache keeps
 * (Redis is bounded by its own {@code maxmemory} and the entries' time to live)
 */
@ConfigurationProperties("inkwell.cache")
record CacheSettings(Duration maxAge, boolean responseCache, DataSize maxSize) {

	CacheSettings {
		maxAge = (maxAge != null && !maxAge.isNegative()) ? maxAge : Duration.ofSeconds(30);
		maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(32);
	}

}
