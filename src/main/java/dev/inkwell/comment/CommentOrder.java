package dev.inkwell.comment;

import java.util.Map;

import dev.inkwell.graphql.paging.OrderArgument;
import dev.inkwell.graphql.paging.OrderDirection;


public record CommentOrder(CommentOrderField field, OrderDirection direction) {

	/** Oldest first, as a conversation reads; the schema's default. */
	public static final CommentOrder DEFAULT = new CommentOrder(CommentOrderField.CREATED_AT, OrderDirection.ASC);

	/** From the argument as GraphQL gives it, or the default when absent. */
	static CommentOrder from(Map<String, Object> argument) {
		CommentOrder order = OrderArgument.read(argument, CommentOrderField.class, CommentOrder::new);
		return (order != null) ? order : DEFAULT;
	}

	public CommentOrder {
		field = (field != null) ? field : CommentOrderField.CREATED_AT;
		direction = (direction != null) ? direction : OrderDirection.ASC;
	}

}
