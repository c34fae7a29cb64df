package dev.inkwell.edge.persisted;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol with the in-process store (no REDIS_URL), and that store's bounds. */
class InProcessPersistedQueriesTest extends PersistedQueryProtocol {

	@Test
	void theInProcessStoreIsBoundedInEntriesAndBytes() {
		InProcessPersistedQueryStore byCount = new InProcessPersistedQueryStore(3, 1_000_000);
		for (int i = 0; i < 10; i++) {
			byCount.register("h" + i, "{ a" + i + " }").block();
		}
		assertThat(byCount.size()).isEqualTo(3);
		assertThat(byCount.find("h9").block()).isEqualTo("{ a9 }");
		assertThat(byCount.find("h0").block()).isNull();
		InProcessPersistedQueryStore byBytes = new InProcessPersistedQueryStore(1_000, 100);
		for (int i = 0; i < 10; i++) {
			byBytes.register("h" + i, "x".repeat(40)).block();
		}
		assertThat(byBytes.size()).isEqualTo(2);
	}

}
