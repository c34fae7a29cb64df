package dev.inkwell.graphql.paging;

import dev.inkwell.graphql.errors.ApiException;


/**
 * The paging arguments of one connection field, checked: how many rows, which way, and from
 * where (a cursor, or an offset for numbered pages).
 *
 * @param limit rows on the page
 * @param backward true for {@code last}/{@code before}: rows are read in reverse order from the cursor
 * @param cursor where the page starts (exclusive), or null
 * @param offset rows skipped for numbered pages (0 when paging by cursor)
 */
public record PageRequest(int limit, boolean backward, Cursor cursor, int offset) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 100;

	/** Forward-only fields ({@code first}, {@code after}). */
	public static PageRequest forward(Integer first, String after, Keyset ordering) {
		return of(first, after, null, null, null, ordering);
	}

	public static PageRequest of(Integer first, String after, Integer last, String before, Integer offset,
			Keyset ordering) {
		if (first != null && last != null) {
			throw ApiException.badRequest("last", "Give 'first' or 'last', not both");
		}
		if (after != null && before != null) {
			throw ApiException.badRequest("before", "Give 'after' or 'before', not both");
		}
		if (first != null && before != null || last != null && after != null) {
			throw ApiException.badRequest((first != null) ? "before" : "after",
					"Page forward with 'first' and 'after', or backward with 'last' and 'before'");
		}
		boolean backward = last != null || before != null;
		if (offset != null) {
			if (offset < 0) {
				throw ApiException.badRequest("offset", "'offset' must not be negative");
			}
			if (backward || after != null) {
				throw ApiException.badRequest("offset",
						"'offset' numbers pages from the start; use it with 'first' only, not with cursors or 'last'");
			}
		}
		String sizeArgument = backward ? "last" : "first";
		Integer size = backward ? last : first;
		if (size != null && size < 0) {
			throw ApiException.badRequest(sizeArgument, "'" + sizeArgument + "' must not be negative");
		}
		if (size != null && size > MAX_SIZE) {
			throw ApiException.badRequest(sizeArgument,
					"'" + sizeArgument + "' may be at most " + MAX_SIZE + "; got " + size + ". Page through larger lists");
		}
		Cursor cursor = (after != null) ? ordering.cursor(after, "after")
				: (before != null) ? ordering.cursor(before, "before") : null;
		return new PageRequest((size != null) ? size : DEFAULT_SIZE, backward, cursor, (offset != null) ? offset : 0);
	}

}
