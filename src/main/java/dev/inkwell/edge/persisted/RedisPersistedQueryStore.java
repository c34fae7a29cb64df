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

	private final Keys keys;

	private final int maxEntries;

	private final long maxBytes;

	RedisPersistedQueryStore(ReactiveStringRedisTemplate redis, RedisGuard guard, String keyPrefix, int maxEntries,
			long maxBytes) {
		this.redis = redis;
		this.guard = guard;
		this.keys = Keys.under(keyPrefix);
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<String> find(String sha256Hash) {
		return this.guard.call(this.redis.opsForValue().get(this.keys.document(sha256Hash)));
	}

	@Override
	public Mono<Void> register(String sha256Hash, String document) {
		return this.guard.call(this.redis
			.execute(REGISTER, this.keys.forRegister(sha256Hash), List.of(sha256Hash, document,
					String.valueOf(this.maxEntries), String.valueOf(this.maxBytes), this.keys.documentPrefix()))
			.then()).then();
	}

	/** The store's keys below the configured prefix: one a document, and REGISTER's bookkeeping. */
	private record Keys(String documentPrefix, String index, String bytes, String sequence) {

		static Keys under(String prefix) {
			return new Keys(prefix + "apq:doc:", prefix + "apq:index", prefix + "apq:bytes", prefix + "apq:seq");
		}

		String document(String sha256Hash) {
			return this.documentPrefix + sha256Hash;
		}

		/** REGISTER's KEYS[1] to KEYS[4]. */
		List<String> forRegister(String sha256Hash) {
			return List.of(document(sha256Hash), this.index, this.bytes, this.sequence);
		}

	}

}
