package dev.inkwell.edge.cache;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The response cache in the real Redis on 127.0.0.1:6379 (keys under a prefix of this run's own). */
@TestPropertySource(properties = { "inkwell.redis.url=redis://127.0.0.1:6379", "spring.data.redis.url=redis://127.0.0.1:6379",
		"inkwell.redis.key-prefix=inkwell-test-${random.uuid}:", "spring.r2dbc.pool.max-acquire-time=20s" })
class RedisResponseCacheTest extends ResponseCacheContract {

	@Test
	void theServerUsesTheRedisStore() {
		assertThat(this.store).isInstanceOf(RedisResponseStore.class);
	}

}
