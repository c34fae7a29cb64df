package dev.inkwell.graphql.paging;

import dev.inkwell.graphql.node.NodeRow;

/**
 * A Relay edge. Its cursor is encoded when it is first asked for: most lists select {@code nodes}
 * only, and encoding a cursor per row was the largest allocation of the feed after the rows.
 */
public final class Edge<T extends NodeRow> {

	private final Keyed<T> row;

	private final Keyset keyset;

	private String cursor;

	Edge(Keyed<T> row, Keyset keyset) {
		this.row = row;
		this.keyset = keyset;
	}

	public String cursor() {
		if (this.cursor == null) {
			this.cursor = this.keyset.cursor(this.row);
		}
		return this.cursor;
	}

	public T node() {
		return this.row.row();
	}

}
