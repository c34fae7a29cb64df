package dev.inkwell.graphql.paging;

/** Relay page info; the cursors are those of the first and last edge, null on an empty page. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

}
