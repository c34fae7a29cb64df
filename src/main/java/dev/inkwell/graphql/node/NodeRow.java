package dev.inkwell.graphql.node;

/** A row whose GraphQL type implements Node: its {@code id} field is the global id of this row id. */
public interface NodeRow {

	Long id();

}
