package dev.inkwell.post;

import java.util.Map;

import dev.inkwell.graphql.paging.OrderArgument;
import dev.inkwell.graphql.paging.OrderDirection;



public record PostOrder(PostOrderField field, OrderDirection direction) {

	/** Newest first, as the schema's defaults say. */
	public static final PostOrder DEFAULT = new PostOrder(PostOrderField.CREATED_AT, OrderDirection.DESC);

	/** From the argument as GraphQL gives it, or null when absent. */
	static PostOrder from(Map<String, Object> argument) {
		return OrderArgument.read(argument, PostOrderField.class, PostOrder::new);
	}

	public PostOrder {
		field = (field != null) ? field : PostOrderField.CREATED_AT;
		direction = (direction != null) ? direction : OrderDirection.DESC;
	}

}
