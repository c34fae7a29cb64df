package dev.inkwell.comment;

import java.util.Map;

import dev.inkwell.graphql.paging.OrderDirection;


public record CommentOrder(CommentOrderField field, OrderDirection direction) {

	/** Oldest first, as a conversation reads; the schema's default. */
	public static final CommentOrder DEFAULT = new CommentOrder(CommentOrderField.CREATED_AT, OrderDirection.ASC);

	/** From the argument as GraphQL gives it (enum values by name), or the default when absent. */
	static CommentOrder from(Map<String, Object> argument) {
		if (argument == null) {
			return DEFAULT;
		}
		Object field = argument.get("field");
		Object direction = argument.get("direction");
		return new CommentOrder((field != null) ? CommentOrderField.valueOf(field.toString()) : null,
				(direction != null) ? OrderDirection.valueOf(direction.toString()) : null);
	}

	public CommentOrder {
		field = (field != null) ? field : CommentOrderField.CREATED_AT;
		direction = (direction != null) ? direction : OrderDirection.ASC;
	}

}
