package dev.inkwell.graphql;

public enum OrderDirection {

	ASC, DESC

}
