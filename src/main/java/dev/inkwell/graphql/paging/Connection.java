package dev.inkwell.graphql.paging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.node.NodeRow;

/**
 * A Relay connection. {@code totalCount} is resolved by {@link ConnectionWiring} through
 * {@link #counter()}, so it costs nothing unless selected.
 */
public record Connection<T extends NodeRow>(List<Edge<T>> edges, PageInfo pageInfo, TotalCount counter) {

	public List<T> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

	/**
	 * Builds a page from rows read with one more than the page size, in reading order: the
	 * extra row only tells that there is more in that direction.
	 */
	public static <T extends NodeRow> Connection<T> of(List<Keyed<T>> rows, PageRequest page, Keyset keyset,
			TotalCount counter) {
		boolean more = rows.size() > page.limit();
		List<Keyed<T>> visible = new ArrayList<>(more ? rows.subList(0, page.limit()) : rows);
		if (page.backward()) {
			Collections.reverse(visible);
		}
		List<Edge<T>> edges = visible.stream().map((row) -> new Edge<>(row, keyset)).toList();
		boolean fromCursor = page.cursor() != null;
		boolean hasNext = page.backward() ? fromCursor : more;
		boolean hasPrevious = page.backward() ? more : (fromCursor || page.offset() > 0);
		Edge<T> first = edges.isEmpty() ? null : edges.get(0);
		Edge<T> last = edges.isEmpty() ? null : edges.get(edges.size() - 1);
		return new Connection<>(edges, new PageInfo(hasNext, hasPrevious, first, last), counter);
	}

	/** The connection of each parent from the rows of a per-parent page statement (read in parent order). */
	public static <T extends NodeRow> Map<Long, Connection<T>> byParent(List<Keyed<T>> rows, PageRequest page,
			Keyset keyset, Function<Long, TotalCount> counter) {
		Map<Long, List<Keyed<T>>> byParent = rows.stream()
			.collect(Collectors.groupingBy(Keyed::parentId, Collectors.toList()));
		Map<Long, Connection<T>> result = new HashMap<>();
		byParent.forEach((parentId, parentRows) -> result.put(parentId,
				Connection.of(parentRows, page, keyset, counter.apply(parentId))));
		return result;
	}

}
