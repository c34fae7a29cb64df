package dev.inkwell.graphql.paging;

import dev.inkwell.graphql.node.NodeRow;


/**
 * A row read for a page, with what its cursor needs.
 *
 * @param sortKey the ordering's sort key as PostgreSQL prints it
 * @param parentId the parent the row was read for (per-parent pages), or 0 for top-level lists
 */
public record Keyed<T extends NodeRow>(T row, String sortKey, long parentId) {

}
