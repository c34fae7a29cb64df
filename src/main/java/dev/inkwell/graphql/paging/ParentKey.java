package dev.inkwell.graphql.paging;

/**
 * A DataLoader key for a relation with arguments: the parent's row id and the field's
 * (checked) arguments. Keys with equal arguments are loaded together in one statement.
 */
public record ParentKey<A>(long parentId, A arguments) {

}
