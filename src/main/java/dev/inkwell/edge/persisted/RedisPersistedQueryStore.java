package dev.inkwell.edge.persisted;

import java.util.List;

import dev.inkwell.edge.redis.RedisGuard;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Persisted queries shared by all instances. Registration is one script, so the bounds hold under
 * concurrent registrations: an index (sorted by registration order) and a byte count beside the
 * documents; past either bound the oldest registrations are removed. No key is ever searched by
 * pattern. Redis trouble makes lookups miss (clients then resend the document) and registrations
 * no-ops.
 */
final class RedisPersistedQueryStore implements PersistedQueryStore {

	private static final RedisScript<Long> REGISTER = RedisScript.of("""
			if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
			redis.call('SET', KEYS[1], ARGV[2])
			redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ARGV[1])
			local total = redis.call('INCRBY', KEYS[3], string.len(ARGV[2]))
			local count = redis.call('ZCARD', KEYS[2])
			while (count > tonumber(ARGV[3]) or total > tonumber(ARGV[4])) and count > 0 do
			  local oldest = redis.call('ZPOPMIN', KEYS[2])
			  local key = ARGV[5] .. oldest[1]
			  total = redis.call('DECRBY', KEYS[3], redis.call('STRLEN', key))
			  redis.call('DEL', key)
			  count = count - 1
			end
			return 1
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisGuard guard;

	private final String documentPrefix;

	private final List<String> bookkeeping;

	private final int maxEntries;

	private final long maxBytes;

	RedisPersistedQueryStore(ReactiveStringRedisTemplate redis, RedisGuard guard, String keyPrefix, int maxEntries,
			long maxBytes) {
		this.redis = redis;
		this.guard = guard;
		this.documentPrefix = keyPrefix + "apq:doc:";
		this.bookkeeping = List.of(keyPrefix + "apq:index", keyPrefix + "apq:bytes", keyPrefix + "apq:seq");
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<String> find(String sha256Hash) {
		return this.guard.call(this.redis.opsForValue().get(this.documentPrefix + sha256Hash));
	}

	@Override
	public Mono<Void> register(String sha256Hash, String document) {
		List<String> keys = List.of(this.documentPrefix + sha256Hash, this.bookkeeping.get(0), this.bookkeeping.get(1),
				this.bookkeeping.get(2));
		return this.guard.call(this.redis
			.execute(REGISTER, keys, List.of(sha256Hash, document, String.valueOf(this.maxEntries),
					String.valueOf(this.maxBytes), this.documentPrefix))
			.then()).then();
	}

}
