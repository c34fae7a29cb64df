package dev.inkwell.edge.persisted;

import dev.inkwell.edge.redis.RedisGuard;
import dev.inkwell.edge.redis.RedisSettings;
import dev.inkwell.startup.StartupProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The persisted query store (Redis when REDIS_URL is set, else in-process) and the manifest. */
@Configuration(proxyBeanMethods = false)
class PersistedOperationsConfiguration {

	@Bean
	PersistedQueryStore persistedQueryStore(PersistedOperationsSettings settings, RedisSettings redis,
			ObjectProvider<ReactiveStringRedisTemplate> template, RedisGuard guard) {
		long maxBytes = settings.maxSize().toBytes();
		return redis.enabled()
				? new RedisPersistedQueryStore(template.getObject(), guard, redis.keyPrefix(), settings.maxEntries(), maxBytes)
				: new InProcessPersistedQueryStore(settings.maxEntries(), maxBytes);
	}

	@Bean
	TrustedDocuments trustedDocuments(PersistedOperationsSettings settings) {
		if (settings.onlyPersisted() && settings.manifest().isEmpty()) {
			throw new StartupProblem("ONLY_PERSISTED_OPERATIONS is true but no manifest is configured, so every request "
					+ "would be refused", "Set PERSISTED_OPERATIONS_MANIFEST to your apps' persisted query manifest.");
		}
		return TrustedDocuments.load(settings.manifest());
	}

}
