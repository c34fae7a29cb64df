package dev.inkwell.comment;

import dev.inkwell.graphql.OrderDirection;

public record CommentOrder(CommentOrderField field, OrderDirection direction) {

	/** Oldest first, as a conversation reads; the schema's default. */
	public static final CommentOrder DEFAULT = new CommentOrder(CommentOrderField.CREATED_AT, OrderDirection.ASC);

	public CommentOrder {
		field = (field != null) ? field : CommentOrderField.CREATED_AT;
		direction = (direction != null) ? direction : OrderDirection.ASC;
	}

}
