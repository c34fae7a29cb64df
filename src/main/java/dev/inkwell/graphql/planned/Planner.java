package dev.inkwell.graphql.planned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.inkwell.graphql.batch.BatchField;
import graphql.execution.ExecutionContext;
import graphql.execution.MergedField;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.TrivialDataFetcher;

/**
 * Compiles a query operation into a {@link Plan}, or says it falls back to graphql-java. Fields are
 * collected as graphql-java collects them (response keys in first-seen order, fragments whose type
 * condition matches, each named fragment once per selection, {@code @skip} before
 * {@code @include}); the fields the plan may contain are listed in {@link #COVERED}, the ones the
 * differential suite proves alike, and any other field, type or directive makes the whole
 * operation fall back.
 */
final class Planner {

	private static final Set<String> CONNECTION = Set.of("edges", "nodes", "pageInfo", "totalCount");

	private static final Set<String> EDGE = Set.of("cursor", "node");

	/**
	 * Fields the planned engine runs, by type: every query field and type field of the read schema;
	 * {@code __typename} is covered on all of them. Introspection, mutations and any field added
	 * later fall back until listed here (and so exercised by the differential suite).
	 */
	static final Map<String, Set<String>> COVERED = Map.ofEntries(
			Map.entry("Query", Set.of("node", "nodes", "me", "user", "users", "post", "posts", "tag", "tags", "comment")),
			Map.entry("Post", Set.of("id", "title", "slug", "content", "excerpt", "published", "publishedAt", "createdAt",
					"updatedAt", "version", "author", "tags", "commentCount", "comments")),
			Map.entry("User", Set.of("id", "username", "email", "fullName", "bio", "isActive", "isSuperuser",
					"createdAt", "updatedAt", "postCount", "posts", "comments")),
			Map.entry("Tag", Set.of("id", "name", "slug", "color", "createdAt", "postCount", "posts")),
			Map.entry("Comment", Set.of("id", "content", "createdAt", "updatedAt", "version", "author", "post")),
			Map.entry("PostConnection", CONNECTION), Map.entry("CommentConnection", CONNECTION),
			Map.entry("UserConnection", CONNECTION), Map.entry("TagConnection", CONNECTION),
			Map.entry("PostEdge", EDGE), Map.entry("CommentEdge", EDGE), Map.entry("UserEdge", EDGE),
			Map.entry("TagEdge", EDGE),
			Map.entry("PageInfo", Set.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor")));

	/** Distinct combinations of condition variables kept per operation; beyond, plans are not kept. */
	private static final int MAX_VARIANTS = 16;

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	/** Relation fields read through loaders, by coordinates ({@code Type.field}). */
	private final Map<String, BatchField> batchFields;

	private Planner(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
			Map<String, BatchField> batchFields) {
		this.schema = schema;
		this.fragments = fragments;
		this.variables = variables;
		this.batchFields = batchFields;
	}

	/** An operation's compiled forms: one per combination of the variables its directives read. */
	static final class Compiled {

		private final List<String> conditionVariables;

		private final Map<List<Object>, Plan> plans = new ConcurrentHashMap<>();

		/** Set when the operation is not covered whatever the variables. */
		private final boolean fallback;

		private final Map<String, BatchField> batchFields;

		private Compiled(List<String> conditionVariables, boolean fallback, Map<String, BatchField> batchFields) {
			this.conditionVariables = conditionVariables;
			this.fallback = fallback;
			this.batchFields = batchFields;
		}

		/** The plan for this request, or null when graphql-java runs it. */
		Plan plan(ExecutionContext context) {
			if (this.fallback) {
				return null;
			}
			Map<String, Object> variables = context.getCoercedVariables().toMap();
			List<Object> key = Arrays.asList(this.conditionVariables.stream().map(variables::get).toArray());
			Plan plan = this.plans.get(key);
			if (plan == null) {
				plan = compile(context, this.batchFields);
				if (this.plans.size() < MAX_VARIANTS) {
					this.plans.put(key, (plan != null) ? plan : NOT_COVERED);
				}
			}
			return (plan == NOT_COVERED) ? null : plan;
		}

	}

	private static final Plan NOT_COVERED = new Plan(null, List.of());

	/** Looks at an operation once: which variables its directives read, and whether it can be covered at all. */
	static Compiled prepare(ExecutionContext context, Map<String, BatchField> batchFields) {
		OperationDefinition operation = context.getOperationDefinition();
		if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
			return new Compiled(List.of(), true, batchFields);
		}
		Set<String> conditionVariables = new LinkedHashSet<>();
		Set<Node<?>> seen = new HashSet<>();
		collectConditionVariables(operation, context.getFragmentsByName(), conditionVariables, seen);
		return new Compiled(List.copyOf(conditionVariables), false, batchFields);
	}

	private static void collectConditionVariables(Node<?> node, Map<String, FragmentDefinition> fragments,
			Set<String> names, Set<Node<?>> seen) {
		if (!seen.add(node)) {
			return;
		}
		if (node instanceof Directive directive) {
			directive.getArguments().forEach((argument) -> {
				if (argument.getValue() instanceof VariableReference reference) {
					names.add(reference.getName());
				}
			});
		}
		if (node instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
			collectConditionVariables(fragments.get(spread.getName()), fragments, names, seen);
		}
		for (Node<?> child : node.getChildren()) {
			collectConditionVariables(child, fragments, names, seen);
		}
	}

	/** The plan of the request's operation under its variables, or null when it is not covered. */
	static Plan compile(ExecutionContext context, Map<String, BatchField> batchFields) {
		Planner planner = new Planner(context.getGraphQLSchema(), context.getFragmentsByName(),
				context.getCoercedVariables().toMap(), batchFields);
		GraphQLObjectType root = context.getGraphQLSchema().getQueryType();
		try {
			return new Plan(root, planner.fields(root, List.of(context.getOperationDefinition().getSelectionSet())));
		}
		catch (NotCovered ex) {
			return null;
		}
	}

	/** Thrown while compiling what the plan does not cover; the operation then falls back. */
	private static final class NotCovered extends RuntimeException {

		NotCovered() {
			super(null, null, false, false);
		}

	}

	private List<Plan.Field> fields(GraphQLObjectType type, List<SelectionSet> selectionSets) {
		Map<String, List<Field>> collected = new LinkedHashMap<>();
		Set<String> visitedFragments = new HashSet<>();
		for (SelectionSet selectionSet : selectionSets) {
			collect(type, selectionSet, collected, visitedFragments);
		}
		List<Plan.Field> result = new ArrayList<>(collected.size());
		collected.forEach((key, occurrences) -> result.add(field(type, key, occurrences)));
		return List.copyOf(result);
	}

	private Plan.Field field(GraphQLObjectType parentType, String key, List<Field> occurrences) {
		String name = occurrences.get(0).getName();
		MergedField merged = MergedField.newMergedField(occurrences).build();
		if (name.equals("__typename")) {
			return new Plan.Field(key, Plan.Kind.TYPENAME, parentType, null, null, merged, null, null, null);
		}
		Set<String> covered = COVERED.get(parentType.getName());
		if (covered == null || !covered.contains(name)) {
			throw new NotCovered();
		}
		GraphQLFieldDefinition definition = parentType.getFieldDefinition(name);
		DataFetcher<?> fetcher = this.schema.getCodeRegistry().getDataFetcher(parentType, definition);
		BatchField batch = this.batchFields.get(parentType.getName() + "." + name);
		Plan.Kind kind = (batch != null) ? Plan.Kind.BATCHED : (fetcher instanceof LightDataFetcher) ? Plan.Kind.LIGHT
				: (fetcher instanceof TrivialDataFetcher) ? Plan.Kind.TRIVIAL : Plan.Kind.RESOLVED;
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
		Map<String, List<Plan.Field>> children = null;
		if (unwrapped instanceof GraphQLCompositeType composite) {
			List<SelectionSet> selectionSets = occurrences.stream()
				.map(Field::getSelectionSet)
				.filter((selectionSet) -> selectionSet != null)
				.toList();
			// An interface's (Node's) selection is compiled for each type that may turn up.
			List<GraphQLObjectType> possible;
			if (composite instanceof GraphQLObjectType objectType) {
				possible = List.of(objectType);
			}
			else if (composite instanceof GraphQLInterfaceType interfaceType) {
				possible = this.schema.getImplementations(interfaceType);
			}
			else {
				throw new NotCovered();   // unions: none in the schema yet
			}
			children = new LinkedHashMap<>();
			for (GraphQLObjectType objectType : possible) {
				children.put(objectType.getName(), fields(objectType, selectionSets));
			}
		}
		GraphQLType single = GraphQLTypeUtil.unwrapNonNull(definition.getType());
		GraphQLType leaf = (single instanceof GraphQLScalarType || single instanceof GraphQLEnumType) ? single : null;
		return new Plan.Field(key, kind, parentType, definition, fetcher, merged, children, leaf, batch);
	}

	private void collect(GraphQLObjectType type, SelectionSet selectionSet, Map<String, List<Field>> collected,
			Set<String> visitedFragments) {
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				if (included(field.getDirectives())) {
					collected.computeIfAbsent(field.getResultKey(), (key) -> new ArrayList<>()).add(field);
				}
			}
			else if (selection instanceof InlineFragment inline) {
				if (included(inline.getDirectives()) && matches(type, inline.getTypeCondition())) {
					collect(type, inline.getSelectionSet(), collected, visitedFragments);
				}
			}
			else if (selection instanceof FragmentSpread spread) {
				if (visitedFragments.contains(spread.getName()) || !included(spread.getDirectives())) {
					continue;
				}
				visitedFragments.add(spread.getName());
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null && matches(type, fragment.getTypeCondition())) {
					collect(type, fragment.getSelectionSet(), collected, visitedFragments);
				}
			}
		}
	}

	private boolean matches(GraphQLObjectType type, TypeName condition) {
		if (condition == null || condition.getName().equals(type.getName())) {
			return true;
		}
		GraphQLType conditionType = this.schema.getType(condition.getName());
		return !(conditionType instanceof GraphQLObjectType) && conditionType instanceof GraphQLNamedOutputType named
				&& this.schema.isPossibleType(named, type);
	}

	/** {@code @skip} and {@code @include}, as graphql-java decides them; {@code @defer} is not covered. */
	private boolean included(List<Directive> directives) {
		for (Directive directive : directives) {
			switch (directive.getName()) {
				case "skip" -> {
					if (condition(directive)) {
						return false;
					}
				}
				case "include" -> {
					if (!condition(directive)) {
						return false;
					}
				}
				default -> throw new NotCovered();
			}
		}
		return true;
	}

	private boolean condition(Directive directive) {
		Value<?> value = (directive.getArgument("if") != null) ? directive.getArgument("if").getValue() : null;
		if (value instanceof BooleanValue literal) {
			return literal.isValue();
		}
		if (value instanceof VariableReference reference) {
			return Boolean.TRUE.equals(this.variables.get(reference.getName()));
		}
		throw new NotCovered();
	}

}
