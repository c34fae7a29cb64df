package dev.inkwell.graphql;

import java.util.List;
import java.util.Map;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.stereotype.Component;

/**
 * Refuses text arguments that PostgreSQL cannot store or compare: a NUL character (U+0000)
 * is valid in JSON and GraphQL strings but not in PostgreSQL text, where it fails the statement.
 * Checked here, once for every argument of every field, before the field's fetcher runs, so the
 * client gets a BAD_REQUEST naming the argument instead of an internal error, and no SQL runs.
 */
@Component
class StorableTextInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		return (environment) -> {
			environment.getArguments().forEach((name, value) -> check(name, value));
			return dataFetcher.get(environment);
		};
	}

	private static void check(String path, Object value) {
		if (value instanceof String text && text.indexOf(0) >= 0) {
			throw ApiException.badRequest(path, "'" + path + "' must not contain NUL characters (\\u0000)");
		}
		if (value instanceof Map<?, ?> fields) {
			fields.forEach((name, field) -> check(path + "." + name, field));
		}
		else if (value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				check(path + "[" + i + "]", items.get(i));
			}
		}
	}

}
