package dev.inkwell.edge.cache;

import dev.inkwell.edge.redis.RedisGuard;
import dev.inkwell.edge.redis.RedisSettings;
import dev.inkwell.graphql.limits.OperationLimits;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.graphql.execution.GraphQlSource;

/** The cache policy analysis, the response store (Redis when REDIS_URL is set, else in-process) and its metrics. */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

	@Bean
	CacheAnalyzer cacheAnalyzer(GraphQlSource source, CacheSettings settings, OperationLimits limits,
			@Value("${inkwell.limits.document-cache-size:1000}") int maxEntries) {
		return new CacheAnalyzer(source::schema, (int) settings.maxAge().toSeconds(), limits.parserOptions(), maxEntries);
	}

	@Bean
	ResponseStore responseStore(CacheSettings settings, RedisSettings redis,
			ObjectProvider<ReactiveStringRedisTemplate> template, RedisGuard guard) {
		return redis.enabled() ? new RedisResponseStore(template.getObject(), guard, redis.keyPrefix())
				: new InProcessResponseStore(settings.maxSize().toBytes());
	}

	@Bean
	CacheMetrics responseCacheMetrics(MeterRegistry registry) {
		return new CacheMetrics(registry);
	}

}
