package dev.inkwell.graphql.paging;

public enum OrderDirection {

	ASC, DESC

}
