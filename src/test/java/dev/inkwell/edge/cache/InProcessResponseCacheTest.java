package dev.inkwell.edge.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The response cache of a single instance (no REDIS_URL), and its memory bound. */
class InProcessResponseCacheTest extends ResponseCacheContract {

	@Test
	void theServerUsesTheInProcessStore() {
		assertThat(this.store).isInstanceOf(InProcessResponseStore.class);
	}

	@Test
	void theInProcessStoreKeepsNoMoreThanItsBound() {
		InProcessResponseStore small = new InProcessResponseStore(1_000);   // 500 characters
		String versions = small.lookup("k", java.util.List.of(DataTags.POST)).block().versions();
		for (int i = 0; i < 10; i++) {
			small.store("k" + i, versions, "x".repeat(100), java.time.Duration.ofMinutes(1)).block();
		}
		assertThat(small.size()).isBetween(1, 4);
		assertThat(small.lookup("k9", java.util.List.of(DataTags.POST)).block().isHit()).isTrue();
		assertThat(small.lookup("k0", java.util.List.of(DataTags.POST)).block().isHit()).isFalse();
		// A bump of another tag leaves the entry; a bump of its own makes it a miss.
		small.invalidate(java.util.Set.of(DataTags.USER)).block();
		assertThat(small.lookup("k9", java.util.List.of(DataTags.POST)).block().isHit()).isTrue();
		small.invalidate(java.util.Set.of(DataTags.POST)).block();
		assertThat(small.lookup("k9", java.util.List.of(DataTags.POST)).block().isHit()).isFalse();
	}

}
