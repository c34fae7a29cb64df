package dev.inkwell.post;

import dev.inkwell.graphql.paging.OrderDirection;



public record PostOrder(PostOrderField field, OrderDirection direction) {

	/** Newest first, as the schema's defaults say. */
	public static final PostOrder DEFAULT = new PostOrder(PostOrderField.CREATED_AT, OrderDirection.DESC);

	public PostOrder {
		field = (field != null) ? field : PostOrderField.CREATED_AT;
		direction = (direction != null) ? direction : OrderDirection.DESC;
	}

}
