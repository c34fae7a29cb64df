package dev.inkwell.graphql.input;

import java.util.List;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.limits.OperationLimits;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.stereotype.Component;

/**
 * Refuses text arguments that PostgreSQL cannot store or compare, and text longer than
 * LIMIT_TEXT_LENGTH (the fields' own rules, e.g. a title's 200 characters, are checked after). A NUL character (U+0000)
 * is valid in JSON and GraphQL strings but not in PostgreSQL text, where it fails the statement;
 * an unpaired surrogate ({@code "\\ud800"} in JSON) is no Unicode character at all, and would be
 * stored silently as '?' by the UTF-8 encoding on its way to PostgreSQL. Checked here, once for
 * every argument of every field, before the field's fetcher runs, so the client gets a BAD_REQUEST
 * naming the argument instead of an internal error or altered text, and no SQL runs.
 */
@Component
public class StorableTextInstrumentation extends SimplePerformantInstrumentation {

	private final int maxLength;

	StorableTextInstrumentation(OperationLimits limits) {
		this.maxLength = limits.maxTextLength();
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()) {
			return dataFetcher;
		}
		return (environment) -> {
			environment.getArguments().forEach((name, value) -> check(name, value, this.maxLength));
			return dataFetcher.get(environment);
		};
	}

	private static boolean storable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0 || Character.isLowSurrogate(c)) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
		}
		return true;
	}

	/** Also for text that arrives inside cursors, so that one rule decides. */
	public static boolean isStorable(String text) {
		return storable(text);
	}

	private static void check(String path, Object value, int maxLength) {
		if (value instanceof String text) {
			if (text.length() > maxLength) {
				throw ApiException.badRequest(path, "'" + path + "' may be at most " + String.format("%,d", maxLength)
						+ " characters; got " + String.format("%,d", text.length()));
			}
			if (!storable(text)) {
				throw ApiException.badRequest(path,
						"'" + path + "' must be Unicode text without NUL characters (\\u0000) or unpaired surrogates");
			}
		}
		if (value instanceof Map<?, ?> fields) {
			fields.forEach((name, field) -> check(path + "." + name, field, maxLength));
		}
		else if (value instanceof List<?> items) {
			for (int i = 0; i < items.size(); i++) {
				check(path + "[" + i + "]", items.get(i), maxLength);
			}
		}
	}

}
