package dev.inkwell.tag;

import dev.inkwell.graphql.paging.OrderDirection;



public record TagOrder(TagOrderField field, OrderDirection direction) {

	/** Alphabetical, as the schema's defaults say. */
	public static final TagOrder DEFAULT = new TagOrder(TagOrderField.NAME, OrderDirection.ASC);

	public TagOrder {
		field = (field != null) ? field : TagOrderField.NAME;
		direction = (direction != null) ? direction : OrderDirection.ASC;
	}

}
