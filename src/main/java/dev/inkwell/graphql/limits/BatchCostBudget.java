package dev.inkwell.graphql.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The cost limit of a batched request, shared by its operations: each is refused before it runs
 * if its cost exceeds what the operations before it left. Operations are charged in their order in
 * the batch, whatever order they reach execution in: each {@link Turn} is in the GraphQL context
 * of its operation (under {@code Turn.class}), and an operation should start only once the one
 * before it has {@linkplain #charged(int) been charged} (or ended without running).
 */
public final class BatchCostBudget {

	private final List<Turn> turns = new ArrayList<>();

	private long remaining;

	public BatchCostBudget(long maximum, int operations) {
		this.remaining = maximum;
		for (int i = 0; i < operations; i++) {
			this.turns.add(new Turn());
		}
	}

	public Turn turn(int index) {
		return this.turns.get(index);
	}

	/** Completes once operation {@code index} has been charged or refused, or has ended without that. */
	public CompletableFuture<Void> charged(int index) {
		return this.turns.get(index).charged;
	}

	/** One operation's place in the budget. */
	public final class Turn {

		private final CompletableFuture<Void> charged = new CompletableFuture<>();

		private Turn() {
		}

		/** Takes the cost from the budget if it fits; otherwise takes nothing and answers false. */
		boolean spend(long cost) {
			synchronized (BatchCostBudget.this) {
				boolean fits = cost <= BatchCostBudget.this.remaining;
				if (fits) {
					BatchCostBudget.this.remaining -= cost;
				}
				pass();
				return fits;
			}
		}

		long remaining() {
			synchronized (BatchCostBudget.this) {
				return BatchCostBudget.this.remaining;
			}
		}

		/** The operation will not be charged (refused for another reason, or ended): the next may go. */
		public void pass() {
			this.charged.complete(null);
		}

	}

}
