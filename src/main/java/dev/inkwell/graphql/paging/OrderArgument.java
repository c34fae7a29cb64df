package dev.inkwell.graphql.paging;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * An {@code orderBy} argument ({@code { field, direction }}) read as GraphQL gives it, enum values
 * by name: lists are ordered on every request, and Spring's reflective binding of the order
 * record cost a visible share of a list's CPU.
 */
public final class OrderArgument {

	private OrderArgument() {
	}

	/**
	 * The order the argument names, made by {@code order} from its field and direction (either
	 * may be null: the record supplies its default); null when the argument is absent.
	 */
	public static <F extends Enum<F>, O> O read(Map<String, Object> argument, Class<F> fields,
			BiFunction<F, OrderDirection, O> order) {
		if (argument == null) {
			return null;
		}
		Object field = argument.get("field");
		Object direction = argument.get("direction");
		return order.apply((field != null) ? Enum.valueOf(fields, field.toString()) : null,
				(direction != null) ? OrderDirection.valueOf(direction.toString()) : null);
	}

}
