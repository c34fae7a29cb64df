package dev.inkwell.post;

import java.util.Map;

import dev.inkwell.graphql.paging.OrderDirection;



public record PostOrder(PostOrderField field, OrderDirection direction) {

	/** Newest first, as the schema's defaults say. */
	public static final PostOrder DEFAULT = new PostOrder(PostOrderField.CREATED_AT, OrderDirection.DESC);

	/** From the argument as GraphQL gives it (enum values by name), or null when absent. */
	static PostOrder from(Map<String, Object> argument) {
		if (argument == null) {
			return null;
		}
		Object field = argument.get("field");
		Object direction = argument.get("direction");
		return new PostOrder((field != null) ? PostOrderField.valueOf(field.toString()) : null,
				(direction != null) ? OrderDirection.valueOf(direction.toString()) : null);
	}

	public PostOrder {
		field = (field != null) ? field : PostOrderField.CREATED_AT;
		direction = (direction != null) ? direction : OrderDirection.DESC;
	}

}
