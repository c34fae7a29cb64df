package dev.inkwell.graphql.paging;

/** Relay page info; the cursors are those of the first and last edge, null on an empty page. */
public final class PageInfo {

	private final boolean hasNextPage;

	private final boolean hasPreviousPage;

	private final Edge<?> first;

	private final Edge<?> last;

	PageInfo(boolean hasNextPage, boolean hasPreviousPage, Edge<?> first, Edge<?> last) {
		this.hasNextPage = hasNextPage;
		this.hasPreviousPage = hasPreviousPage;
		this.first = first;
		this.last = last;
	}

	public boolean hasNextPage() {
		return this.hasNextPage;
	}

	public boolean hasPreviousPage() {
		return this.hasPreviousPage;
	}

	public String startCursor() {
		return (this.first != null) ? this.first.cursor() : null;
	}

	public String endCursor() {
		return (this.last != null) ? this.last.cursor() : null;
	}

}
