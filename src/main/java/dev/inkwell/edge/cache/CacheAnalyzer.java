package dev.inkwell.edge.cache;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

/**
 * Computes an operation's {@link CacheAnalysis} from its document and the schema's
 * {@code @cacheControl} hints, following Apollo Server's rules: a field's maxAge is its own hint,
 * else its type's hint; without either, a root field or a field of object, interface or union type
 * gets the default (CACHE_MAX_AGE) unless it (or its type) says {@code inheritMaxAge}, and a scalar
 * field inherits its parent's (it restricts nothing). PRIVATE on any field or type makes the whole
 * response private. The answer is static: every field the document could resolve counts (fragments
 * on types that do not turn up, fields under a false {@code @include}), which can only make the
 * policy more restrictive than the one Apollo computes while executing. Results are kept per
 * document and operation name, least recently used out first.
 */
final class CacheAnalyzer {

	private final Supplier<GraphQLSchema> schema;

	private final int defaultMaxAge;

	private final ParserOptions parserOptions;

	private final Map<String, CacheAnalysis> analyses;

	CacheAnalyzer(Supplier<GraphQLSchema> schema, int defaultMaxAge, ParserOptions parserOptions, int maxEntries) {
		this.schema = schema;
		this.defaultMaxAge = defaultMaxAge;
		this.parserOptions = parserOptions;
		this.analyses = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CacheAnalysis> eldest) {
				return size() > maxEntries;
			}

		};
	}

	CacheAnalysis analyze(String document, String operationName) {
		String key = (operationName != null ? operationName : "") + '\u0000' + document;
		synchronized (this.analyses) {
			CacheAnalysis known = this.analyses.get(key);
			if (known != null) {
				return known;
			}
		}
		CacheAnalysis analysis = compute(document, operationName);
		synchronized (this.analyses) {
			this.analyses.put(key, analysis);
		}
		return analysis;
	}

	private CacheAnalysis compute(String text, String operationName) {
		try {
			Document document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(text)
				.parserOptions(this.parserOptions)
				.build());
			List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class)
				.stream()
				.filter((operation) -> operationName == null || operationName.equals(operation.getName()))
				.toList();
			if (operations.size() != 1) {
				return CacheAnalysis.UNKNOWN;
			}
			OperationDefinition operation = operations.get(0);
			return switch (operation.getOperation()) {
				case QUERY -> query(document, operation);
				case MUTATION -> mutation(operation);
				default -> CacheAnalysis.UNKNOWN;
			};
		}
		catch (InvalidSyntaxException | InvalidDocument ex) {
			// graphql-java reports it when the operation runs; its error makes the answer no-store.
			return CacheAnalysis.UNKNOWN;
		}
		catch (RuntimeException ex) {
			// e.g. the parser's token limit: the executor reports that too.
			return CacheAnalysis.UNKNOWN;
		}
	}

	private CacheAnalysis query(Document document, OperationDefinition operation) {
		Walk walk = new Walk(this.schema.get(), document);
		walk.selections(operation.getSelectionSet(), walk.schema.getQueryType(), null, true);
		int maxAge = (walk.maxAge != null) ? walk.maxAge : 0;
		return new CacheAnalysis(CacheAnalysis.Kind.QUERY, new CachePolicy(maxAge, walk.isPrivate),
				Set.copyOf(walk.reads), Map.of());
	}

	private static CacheAnalysis mutation(OperationDefinition operation) {
		Map<String, Set<DataTags>> changes = new LinkedHashMap<>();
		for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
			if (selection instanceof Field field) {
				changes.put(field.getResultKey(), DataTags.changedBy(field.getName()));
			}
			else {
				// A fragment at the mutation's root: whatever it holds may change anything.
				changes.put("*", DataTags.ALL);
			}
		}
		return new CacheAnalysis(CacheAnalysis.Kind.MUTATION, CachePolicy.NO_STORE, Set.of(), Map.copyOf(changes));
	}

	/** One walk over a query's selections, gathering the policy and the data tags. */
	private final class Walk {

		final GraphQLSchema schema;

		final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();

		final Set<String> entered = new HashSet<>();

		final Set<DataTags> reads = EnumSet.noneOf(DataTags.class);

		Integer maxAge;

		boolean isPrivate;

		Walk(GraphQLSchema schema, Document document) {
			this.schema = schema;
			for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
				this.fragments.put(fragment.getName(), fragment);
			}
		}

		void selections(SelectionSet set, GraphQLCompositeType parent, Integer parentMaxAge, boolean root) {
			if (set == null) {
				return;
			}
			for (Selection<?> selection : set.getSelections()) {
				if (selection instanceof Field field) {
					field(field, parent, parentMaxAge, root);
				}
				else if (selection instanceof InlineFragment inline) {
					GraphQLCompositeType on = (inline.getTypeCondition() != null)
							? compositeType(inline.getTypeCondition().getName()) : parent;
					selections(inline.getSelectionSet(), on, parentMaxAge, root);
				}
				else if (selection instanceof FragmentSpread spread) {
					FragmentDefinition fragment = this.fragments.get(spread.getName());
					if (fragment == null) {
						throw new InvalidDocument();
					}
					if (this.entered.add(spread.getName())) {   // validation refuses cycles; do not loop on one
						selections(fragment.getSelectionSet(), compositeType(fragment.getTypeCondition().getName()),
								parentMaxAge, root);
						this.entered.remove(spread.getName());
					}
				}
			}
		}

		private void field(Field field, GraphQLCompositeType parent, Integer parentMaxAge, boolean root) {
			String name = field.getName();
			if (name.equals("__typename")) {
				return;
			}
			if (name.startsWith("__")) {   // introspection: not for caches
				restrict(0, false);
				return;
			}
			if (!(parent instanceof GraphQLFieldsContainer container)
					|| container.getFieldDefinition(name) == null) {
				throw new InvalidDocument();
			}
			GraphQLFieldDefinition definition = container.getFieldDefinition(name);
			for (GraphQLNamedOutputType type : concrete(parent)) {
				this.reads.addAll(DataTags.ofType(type.getName()));
				this.reads.addAll(DataTags.ofField(type.getName(), name));
			}
			this.reads.addAll(DataTags.ofField(parent.getName(), name));
			Hint fieldHint = Hint.of(definition);
			GraphQLType returned = GraphQLTypeUtil.unwrapAll(definition.getType());
			GraphQLCompositeType composite = (returned instanceof GraphQLCompositeType type) ? type : null;
			Hint typeHint = Hint.NONE;
			if (composite != null) {
				for (GraphQLNamedOutputType type : concrete(composite)) {
					typeHint = typeHint.and(Hint.of((GraphQLDirectiveContainer) type));
					this.reads.addAll(DataTags.ofType(type.getName()));
				}
				typeHint = typeHint.and(Hint.of((GraphQLDirectiveContainer) composite));
			}
			Integer maxAge;
			if (fieldHint.maxAge() != null) {
				maxAge = fieldHint.maxAge();
			}
			else if (typeHint.maxAge() != null) {
				maxAge = typeHint.maxAge();
			}
			else if (fieldHint.inherit() || typeHint.inherit()) {
				maxAge = (parentMaxAge != null) ? parentMaxAge : CacheAnalyzer.this.defaultMaxAge;
			}
			else if (composite != null || root) {
				maxAge = CacheAnalyzer.this.defaultMaxAge;
			}
			else {
				maxAge = null;   // a scalar without a hint restricts nothing
			}
			restrict(maxAge, fieldHint.isPrivate() || typeHint.isPrivate());
			if (composite != null) {
				selections(field.getSelectionSet(), composite, (maxAge != null) ? maxAge : parentMaxAge, false);
			}
		}

		private void restrict(Integer fieldMaxAge, boolean fieldIsPrivate) {
			if (fieldMaxAge != null) {
				this.maxAge = (this.maxAge == null) ? fieldMaxAge : Math.min(this.maxAge, fieldMaxAge);
			}
			this.isPrivate |= fieldIsPrivate;
		}

		/** The object types a value of this type can be. */
		private List<? extends GraphQLNamedOutputType> concrete(GraphQLCompositeType type) {
			if (type instanceof GraphQLObjectType object) {
				return List.of(object);
			}
			if (type instanceof GraphQLInterfaceType abstractType) {
				return this.schema.getImplementations(abstractType);
			}
			return ((GraphQLUnionType) type).getTypes();
		}

		private GraphQLCompositeType compositeType(String name) {
			if (this.schema.getType(name) instanceof GraphQLCompositeType type) {
				return type;
			}
			throw new InvalidDocument();
		}

	}

	/** A field's or type's {@code @cacheControl}, or what several of them say together. */
	private record Hint(Integer maxAge, boolean isPrivate, boolean inherit) {

		static final Hint NONE = new Hint(null, false, false);

		static Hint of(GraphQLDirectiveContainer container) {
			GraphQLAppliedDirective directive = container.getAppliedDirective("cacheControl");
			if (directive == null) {
				return NONE;
			}
			Object maxAge = argument(directive, "maxAge");
			Object scope = argument(directive, "scope");
			Object inherit = argument(directive, "inheritMaxAge");
			return new Hint((maxAge instanceof Number number) ? number.intValue() : null,
					"PRIVATE".equals(String.valueOf(scope)), Boolean.TRUE.equals(inherit));
		}

		private static Object argument(GraphQLAppliedDirective directive, String name) {
			GraphQLAppliedDirectiveArgument argument = directive.getArgument(name);
			return (argument != null) ? argument.getValue() : null;
		}

		Hint and(Hint other) {
			Integer both = this.maxAge;
			if (both == null || (other.maxAge != null && other.maxAge < both)) {
				both = other.maxAge;
			}
			return new Hint(both, this.isPrivate || other.isPrivate, this.inherit || other.inherit);
		}

	}

	/** The document does not fit the schema; validation will say how. */
	private static final class InvalidDocument extends RuntimeException {

		InvalidDocument() {
			super(null, null, false, false);
		}

	}

}
