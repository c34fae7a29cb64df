package dev.inkwell.edge.persisted;

import java.util.UUID;

import dev.inkwell.edge.redis.RedisGuard;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol with the store in the real Redis on 127.0.0.1:6379 (keys under a prefix of this
 * run's own), and that store's bounds.
 */
@TestPropertySource(properties = { "inkwell.redis.url=redis://127.0.0.1:6379", "spring.data.redis.url=redis://127.0.0.1:6379",
		"inkwell.redis.key-prefix=inkwell-test-${random.uuid}:", "spring.r2dbc.pool.max-acquire-time=20s" })
class RedisPersistedQueriesTest extends PersistedQueryProtocol {

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	PersistedQueryStore store;

	@Autowired
	RedisGuard guard;

	@Test
	void theServerUsesTheRedisStore() {
		assertThat(this.store).isInstanceOf(RedisPersistedQueryStore.class);
	}

	@Test
	void theRedisStoreIsBoundedInEntriesAndBytes() {
		String prefix = "inkwell-test-" + UUID.randomUUID() + ":";
		RedisPersistedQueryStore byCount = new RedisPersistedQueryStore(this.redis, this.guard, prefix + "a:", 3, 1_000_000);
		for (int i = 0; i < 10; i++) {
			byCount.register("h" + i, "{ a" + i + " }").block();
		}
		assertThat(this.redis.opsForZSet().size(prefix + "a:apq:index").block()).isEqualTo(3);
		assertThat(byCount.find("h9").block()).isEqualTo("{ a9 }");
		assertThat(byCount.find("h0").block()).isNull();
		RedisPersistedQueryStore byBytes = new RedisPersistedQueryStore(this.redis, this.guard, prefix + "b:", 1_000, 100);
		for (int i = 0; i < 10; i++) {
			byBytes.register("h" + i, "x".repeat(40)).block();
		}
		assertThat(this.redis.opsForZSet().size(prefix + "b:apq:index").block()).isEqualTo(2);
		assertThat(this.redis.opsForValue().get(prefix + "b:apq:bytes").block()).isEqualTo("80");
		assertThat(byBytes.find("h9").block()).isNotNull();
		assertThat(byBytes.find("h7").block()).isNull();
	}

}
