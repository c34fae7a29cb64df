package dev.inkwell.graphql.planned;

import java.util.Locale;

/** Which engine executes read operations: {@code INKWELL_EXECUTION=planned|graphql-java}, planned by default. */
public enum ExecutionEngine {

	/** The default: covered read operations run from a compiled plan; the rest on graphql-java. */
	PLANNED("planned"),
	/** Everything runs on graphql-java's field-by-field execution. */
	GRAPHQL_JAVA("graphql-java");

	private final String tag;

	ExecutionEngine(String tag) {
		this.tag = tag;
	}

	/** The value of the setting and of the counter's {@code engine} tag. */
	public String tag() {
		return this.tag;
	}

	static ExecutionEngine of(String value) {
		String wanted = (value == null) ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (ExecutionEngine engine : values()) {
			if (engine.tag.equals(wanted)) {
				return engine;
			}
		}
		throw new IllegalArgumentException(
				"INKWELL_EXECUTION must be 'planned' or 'graphql-java', not '" + value + "'");
	}

}
