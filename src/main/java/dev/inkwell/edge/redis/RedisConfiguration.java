package dev.inkwell.edge.redis;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis as a cache, never a dependency: calls fail fast while it is away instead of queueing. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean
	RedisGuard redisGuard(RedisSettings settings) {
		return new RedisGuard(settings.timeout());
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true);
	}

}
