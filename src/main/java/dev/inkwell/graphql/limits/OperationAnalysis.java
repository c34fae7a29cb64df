package dev.inkwell.graphql.limits;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Measures an operation before it runs: depth, aliases, root fields, directives and cost.
 * <p>
 * Cost: every field costs 1 plus the cost of its selection. The items of a list are paid per
 * item: a connection's {@code edges}/{@code nodes} are multiplied by its {@code first}/{@code last}
 * (or the default page size), a field taking {@code ids} by their number, and any other list by
 * {@link OperationLimits#listCost()}. So {@code posts(first: 100) { nodes { comments(first: 100)
 * { nodes { id } } } } } costs about 100 × 100 × 2, not 4. What the database does is weighed too:
 * a connection with a full-text search adds {@link OperationLimits#searchCost()}, a
 * {@code totalCount} adds {@link OperationLimits#totalCountCost()} (plus the search cost again when
 * its connection searches: the count repeats the search), once per place in the document, as a
 * nested one is still one batched statement. Walking stops early once a budget is
 * exceeded, so a query built to explode through fragments costs the walker little. The largest
 * {@code offset} is measured too.
 */
final class OperationAnalysis {

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	private final OperationLimits limits;

	private int maxDepth;

	private long maxOffset;

	/**
	 * The statements' weight (searches, counts): once per place in the document, not multiplied by
	 * enclosing lists, since a nested search or count is one batched statement for all parents.
	 */
	private long databaseCost;

	private OperationAnalysis(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables, OperationLimits limits) {
		this.schema = schema;
		this.fragments = fragments;
		this.variables = variables;
		this.limits = limits;
	}

	record Measures(int depth, int aliases, int rootFields, int directives, long cost, long maxOffset) {
	}

	static Measures measure(GraphQLSchema schema, OperationDefinition operation,
			Map<String, FragmentDefinition> fragments, Map<String, Object> variables, OperationLimits limits) {
		OperationAnalysis analysis = new OperationAnalysis(schema, fragments, variables, limits);
		GraphQLCompositeType root = switch (operation.getOperation()) {
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
			default -> schema.getQueryType();
		};
		long cost = analysis.cost(operation.getSelectionSet(), root, 1, new HashSet<>()) + analysis.databaseCost;
		Counts counts = new Counts();
		counts.visit(operation, fragments, new HashSet<>());
		int rootFields = analysis.rootFields(operation.getSelectionSet(), new HashSet<>());
		return new Measures(analysis.maxDepth, counts.aliases, rootFields, counts.directives, cost, analysis.maxOffset);
	}

	/** The cost of a selection set at the given depth; saturates just past the budget. */
	private long cost(SelectionSet selectionSet, GraphQLType parentType, int depth, Set<String> fragmentPath) {
		long total = 0;
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (total > this.limits.maxCost()) {
				return total;
			}
			if (selection instanceof Field field) {
				total += fieldCost(field, parentType, depth, fragmentPath);
			}
			else if (selection instanceof InlineFragment inline) {
				GraphQLType type = (inline.getTypeCondition() != null)
						? this.schema.getType(inline.getTypeCondition().getName()) : parentType;
				total += cost(inline.getSelectionSet(), type, depth, fragmentPath);
			}
			else if (selection instanceof FragmentSpread spread && !fragmentPath.contains(spread.getName())) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null) {
					Set<String> path = new HashSet<>(fragmentPath);
					path.add(spread.getName());
					total += cost(fragment.getSelectionSet(), this.schema.getType(fragment.getTypeCondition().getName()),
							depth, path);
				}
			}
		}
		return total;
	}

	private long fieldCost(Field field, GraphQLType parentType, int depth, Set<String> fragmentPath) {
		return fieldCost(field, parentType, depth, fragmentPath, null);
	}

	/** @param itemCount what the field's list costs as, when its parent connection decided it */
	private long fieldCost(Field field, GraphQLType parentType, int depth, Set<String> fragmentPath, Long itemCount) {
		if (field.getName().startsWith("__")) {
			// Introspection is bounded by graphql-java's good-faith introspection checks.
			return 0;
		}
		this.maxDepth = Math.max(this.maxDepth, depth);
		Long offset = intArgument(field, "offset");
		if (offset != null) {
			this.maxOffset = Math.max(this.maxOffset, offset);
		}
		if (field.getSelectionSet() == null) {
			return 1;
		}
		GraphQLFieldDefinition definition = (parentType instanceof GraphQLFieldsContainer container)
				? container.getFieldDefinition(field.getName()) : null;
		GraphQLOutputType type = (definition != null) ? definition.getType() : null;
		GraphQLType itemType = (type != null) ? GraphQLTypeUtil.unwrapAll(type) : null;
		if (isConnection(itemType)) {
			return 1 + connectionCost(field, itemType, depth, fragmentPath);
		}
		long multiplier = (itemCount != null) ? itemCount : isList(type) ? listSize(field) : 1;
		return 1 + saturatingMultiply(multiplier, cost(field.getSelectionSet(), itemType, depth + 1, fragmentPath));
	}

	/**
	 * A connection's page-sized parts ({@code edges}, {@code nodes}) are paid per item; a search and
	 * a {@code totalCount} are paid for the statements they run (see {@link #databaseCost}).
	 */
	private long connectionCost(Field field, GraphQLType connectionType, int depth, Set<String> fragmentPath) {
		long pageSize = pageSize(field);
		boolean searches = searches(field);
		this.databaseCost += searches ? this.limits.searchCost() : 0;
		long total = 0;
		for (Selection<?> selection : flatten(field.getSelectionSet(), new HashSet<>(fragmentPath))) {
			if (selection instanceof Field child) {
				boolean perItem = child.getName().equals("edges") || child.getName().equals("nodes");
				total += fieldCost(child, connectionType, depth + 1, fragmentPath, perItem ? pageSize : 1L);
				if (child.getName().equals("totalCount")) {
					this.databaseCost += this.limits.totalCountCost() + (searches ? this.limits.searchCost() : 0);
				}
			}
			if (total > this.limits.maxCost()) {
				break;
			}
		}
		return total;
	}

	private long pageSize(Field field) {
		Long first = intArgument(field, "first");
		Long last = intArgument(field, "last");
		if (first != null || last != null) {
			return Math.max((first != null) ? first : 0, (last != null) ? last : 0);
		}
		return this.limits.defaultPageSize();
	}

	private long listSize(Field field) {
		for (Argument argument : field.getArguments()) {
			Object value = resolve(argument.getValue());
			if (argument.getName().equals("ids") && value instanceof Collection<?> ids) {
				return ids.size();
			}
		}
		Long first = intArgument(field, "first");
		return (first != null) ? first : this.limits.listCost();
	}

	/** Whether the field's {@code filter} has a (non-blank) full-text {@code search}, literal or variable. */
	private boolean searches(Field field) {
		for (Argument argument : field.getArguments()) {
			if (!argument.getName().equals("filter")) {
				continue;
			}
			Object search = null;
			if (argument.getValue() instanceof ObjectValue object) {
				for (ObjectField objectField : object.getObjectFields()) {
					if (objectField.getName().equals("search")) {
						search = (objectField.getValue() instanceof StringValue string) ? string.getValue()
								: (objectField.getValue() instanceof VariableReference reference)
										? this.variables.get(reference.getName()) : null;
					}
				}
			}
			else if (resolve(argument.getValue()) instanceof Map<?, ?> filter) {
				search = filter.get("search");
			}
			return search instanceof String text && !text.isBlank();
		}
		return false;
	}

	private Long intArgument(Field field, String name) {
		for (Argument argument : field.getArguments()) {
			if (argument.getName().equals(name) && resolve(argument.getValue()) instanceof Number number) {
				return Math.max(0, number.longValue());
			}
		}
		return null;
	}

	private Object resolve(Value<?> value) {
		if (value instanceof VariableReference reference) {
			return this.variables.get(reference.getName());
		}
		if (value instanceof IntValue intValue) {
			return intValue.getValue();
		}
		if (value instanceof ArrayValue array) {
			return array.getValues();
		}
		return null;
	}

	private int rootFields(SelectionSet selectionSet, Set<String> seen) {
		int count = 0;
		for (Selection<?> selection : flatten(selectionSet, seen)) {
			if (selection instanceof Field) {
				count++;
			}
		}
		return count;
	}

	/** The fields of a selection set with inline fragments and fragment spreads opened. */
	private List<Selection<?>> flatten(SelectionSet selectionSet, Set<String> seen) {
		List<Selection<?>> result = new java.util.ArrayList<>();
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof InlineFragment inline) {
				result.addAll(flatten(inline.getSelectionSet(), seen));
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null && seen.add(spread.getName())) {
					result.addAll(flatten(fragment.getSelectionSet(), seen));
				}
			}
			else {
				result.add(selection);
			}
		}
		return result;
	}

	private static boolean isConnection(GraphQLType type) {
		return type instanceof GraphQLNamedType named && named.getName().endsWith("Connection");
	}

	private static boolean isList(GraphQLType type) {
		return type != null && GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList;
	}

	private static long saturatingMultiply(long a, long b) {
		long product = a * b;
		return (a != 0 && (product / a != b || product < 0)) ? Long.MAX_VALUE / 2 : product;
	}

	/** Aliases and directive uses, counted once per place in the document (fragments once each). */
	private static final class Counts {

		int aliases;

		int directives;

		void visit(graphql.language.Node<?> node, Map<String, FragmentDefinition> fragments, Set<String> visited) {
			if (node instanceof Field field && field.getAlias() != null) {
				this.aliases++;
			}
			if (node instanceof DirectivesContainer<?> container) {
				List<Directive> uses = container.getDirectives();
				this.directives += uses.size();
			}
			if (node instanceof FragmentSpread spread && visited.add(spread.getName())
					&& fragments.containsKey(spread.getName())) {
				visit(fragments.get(spread.getName()), fragments, visited);
			}
			for (graphql.language.Node<?> child : node.getChildren()) {
				visit(child, fragments, visited);
			}
		}

	}

}
