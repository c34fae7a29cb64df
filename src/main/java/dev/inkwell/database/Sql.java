package dev.inkwell.database;

import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

/** Binding the named parameters of statements built in code. */
public final class Sql {

	private Sql() {
	}

	/** Binds named parameters; none may be null (write the condition differently instead). */
	public static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec,
			Map<String, Object> parameters) {
		for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
			spec = spec.bind(parameter.getKey(), parameter.getValue());
		}
		return spec;
	}

}
