package dev.inkwell.graphql.planned;

import java.util.List;
import java.util.Map;

import dev.inkwell.graphql.batch.BatchField;
import graphql.execution.MergedField;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * A compiled read operation: the root fields, each with what it selects, fragments flattened,
 * fields merged by response key and {@code @include}/{@code @skip} decided.
 */
record Plan(GraphQLObjectType rootType, List<Field> fields) {

	/** How a field's value is obtained from its parent. */
	enum Kind {

		/** {@code __typename}. */
		TYPENAME,
		/** A property of the parent read without an environment (graphql-java's LightDataFetcher). */
		LIGHT,
		/** A pure function of the parent (TrivialDataFetcher, e.g. the global id). */
		TRIVIAL,
		/** The schema's fetcher with a full environment: controller methods, batch loaders, counts. */
		RESOLVED,
		/** A relation read through a loader ({@link BatchField}): a level's parents are asked for at once. */
		BATCHED

	}

	/**
	 * One field of a selection: its response key, definition, the fetcher the schema has for it,
	 * what it selects on each object type its value may have, and, for a single scalar or enum
	 * value, that type ({@code leaf}; else null), and for a {@link Kind#BATCHED} field how it is loaded.
	 * {@code endsBranch}: nothing the field selects has to be fetched or loaded, so its value ends
	 * the run's branch.
	 */
	record Field(String key, Kind kind, GraphQLObjectType parentType, GraphQLFieldDefinition definition,
			DataFetcher<?> fetcher, MergedField merged, Map<String, List<Field>> children, GraphQLType leaf,
			BatchField batch, List<Field> onlyChildren, boolean endsBranch) {

		/**
		 * {@code onlyChildren}: the selection of a field with one possible type, so that no object of a
		 * list looks it up; {@code endsBranch} from the children, which are planned before their parent.
		 */
		Field(String key, Kind kind, GraphQLObjectType parentType, GraphQLFieldDefinition definition,
				DataFetcher<?> fetcher, MergedField merged, Map<String, List<Field>> children, GraphQLType leaf,
				BatchField batch) {
			this(key, kind, parentType, definition, fetcher, merged, children, leaf, batch,
					(children != null && children.size() == 1) ? children.values().iterator().next() : null,
					selectsColumnsOnly(children));
		}

		GraphQLOutputType type() {
			return this.definition.getType();
		}

		/** What this field selects on the given object type (its own, or one implementing its interface). */
		List<Field> children(GraphQLObjectType type) {
			return (this.onlyChildren != null) ? this.onlyChildren : this.children.get(type.getName());
		}

		/**
		 * Whether this batched field can wait for the next level's loads: it takes no arguments (so
		 * its argument checks and their errors keep their place), and nothing it selects needs a
		 * level of its own. Loaded with the next level, it shares that level's statements where
		 * their loaders are the same (a post's author and its comments' authors).
		 */
		boolean deferrable() {
			return this.kind == Kind.BATCHED && this.definition.getArguments().isEmpty() && endsBranch();
		}

		private static boolean selectsColumnsOnly(Map<String, List<Field>> children) {
			if (children == null) {
				return true;
			}
			for (List<Field> selection : children.values()) {
				for (Field child : selection) {
					boolean column = child.kind == Kind.TYPENAME || child.kind == Kind.LIGHT || child.kind == Kind.TRIVIAL;
					if (!column || !child.endsBranch) {
						return false;
					}
				}
			}
			return true;
		}

		boolean nonNull() {
			return this.kind != Kind.TYPENAME && GraphQLTypeUtil.isNonNull(this.definition.getType());
		}

	}

}
