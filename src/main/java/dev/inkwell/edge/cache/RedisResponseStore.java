package dev.inkwell.edge.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.inkwell.edge.redis.RedisGuard;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The response cache shared by all instances. A lookup is one script (one round trip): the entry
 * and the versions of its tags, a missing version being created with a random value (so that a
 * version Redis lost, evicted or restarted without, never matches an old entry again). A bump is
 * one script of INCRs. Entries expire by themselves (their max-age); nothing is ever searched or
 * deleted by pattern.
 * <p>
 * A bump that cannot reach Redis is kept and sent first thing once Redis answers again; until then
 * this instance does not read from the cache, so it never serves what its own mutation changed.
 */
final class RedisResponseStore implements ResponseStore {

	private static final RedisScript<List> LOOKUP = RedisScript.of("""
			local out = { redis.call('GET', KEYS[1]) or '' }
			for i = 2, #KEYS do
			  local v = redis.call('GET', KEYS[i])
			  if not v then
			    v = ARGV[1]
			    redis.call('SET', KEYS[i], v)
			  end
			  out[i] = v
			end
			return out
			""", List.class);

	private static final RedisScript<Long> BUMP = RedisScript.of("""
			for i = 1, #KEYS do redis.call('INCR', KEYS[i]) end
			return #KEYS
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisGuard guard;

	private final String entryPrefix;

	private final String versionPrefix;

	private final Set<DataTags> pending = EnumSet.noneOf(DataTags.class);

	RedisResponseStore(ReactiveStringRedisTemplate redis, RedisGuard guard, String keyPrefix) {
		this.redis = redis;
		this.guard = guard;
		this.entryPrefix = keyPrefix + "rc:entry:";
		this.versionPrefix = keyPrefix + "rc:version:";
	}

	@Override
	public Mono<Lookup> lookup(String key, List<DataTags> tags) {
		return flushPending().filter((flushed) -> flushed).flatMap((flushed) -> {
			List<String> keys = new ArrayList<>(tags.size() + 1);
			keys.add(this.entryPrefix + key);
			tags.forEach((tag) -> keys.add(this.versionPrefix + tag.key()));
			String fresh = String.valueOf(ThreadLocalRandom.current().nextLong(1L << 52));
			return this.guard.call(this.redis.execute(LOOKUP, keys, List.of(fresh)).collectList()).map((replies) -> {
				List<?> values = (replies.size() == 1 && replies.get(0) instanceof List<?> nested) ? nested : replies;
				String current = String.join(",", values.subList(1, values.size()).stream().map(String::valueOf).toList());
				return Lookup.of(String.valueOf(values.get(0)), current, System.currentTimeMillis());
			});
		});
	}

	@Override
	public Mono<Void> store(String key, String versions, String json, Duration ttl) {
		String entry = Lookup.entry(versions, System.currentTimeMillis() + ttl.toMillis(), json);
		return this.guard.call(this.redis.opsForValue().set(this.entryPrefix + key, entry, ttl)).then();
	}

	@Override
	public Mono<Boolean> invalidate(Set<DataTags> tags) {
		Set<DataTags> all = EnumSet.noneOf(DataTags.class);
		synchronized (this.pending) {
			all.addAll(this.pending);
		}
		all.addAll(tags);
		if (all.isEmpty()) {
			return Mono.just(true);
		}
		List<String> keys = all.stream().map((tag) -> this.versionPrefix + tag.key()).toList();
		return this.guard.call(this.redis.execute(BUMP, keys, List.of()).next())
			.map((bumped) -> true)
			.defaultIfEmpty(false)
			.doOnNext((done) -> {
				synchronized (this.pending) {
					if (done) {
						this.pending.removeAll(all);
					}
					else {
						this.pending.addAll(all);
					}
				}
			});
	}

	private Mono<Boolean> flushPending() {
		synchronized (this.pending) {
			if (this.pending.isEmpty()) {
				return Mono.just(true);
			}
		}
		return invalidate(Set.of());
	}

}
