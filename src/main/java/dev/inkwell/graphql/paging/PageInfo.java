package dev.inkwell.graphql.paging;

/**
 * Relay page info; the cursors are those of the first and last edge (encoded when asked for), null
 * on an empty page.
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, Edge<?> first, Edge<?> last) {

	public String startCursor() {
		return (this.first != null) ? this.first.cursor() : null;
	}

	public String endCursor() {
		return (this.last != null) ? this.last.cursor() : null;
	}

}
