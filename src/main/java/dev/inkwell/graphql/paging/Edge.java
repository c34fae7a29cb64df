package dev.inkwell.graphql.paging;

public record Edge<T>(String cursor, T node) {

}
