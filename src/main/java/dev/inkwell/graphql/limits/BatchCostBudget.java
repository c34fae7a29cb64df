package dev.inkwell.graphql.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The cost limit of a batched request, shared by its operations (in the GraphQL context under
 * this class): each operation is refused before it runs if its cost exceeds what the operations
 * before it left.
 */
public final class BatchCostBudget {

	private final AtomicLong remaining;

	public BatchCostBudget(long maximum) {
		this.remaining = new AtomicLong(maximum);
	}

	/** Takes the cost from the budget if it fits; otherwise takes nothing and answers false. */
	boolean spend(long cost) {
		long left;
		do {
			left = this.remaining.get();
			if (cost > left) {
				return false;
			}
		}
		while (!this.remaining.compareAndSet(left, left - cost));
		return true;
	}

	long remaining() {
		return this.remaining.get();
	}

}
