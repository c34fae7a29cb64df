package dev.inkwell.graphql;

public record Edge<T>(String cursor, T node) {

}
