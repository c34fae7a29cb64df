package dev.inkwell.graphql.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Keeps the parsed and validated form of the most recently used query documents, so that the
 * same query (clients send a handful, over and over) is parsed and validated once, not on every
 * request. Only valid documents are kept, and at most {@code maxEntries}, least recently used
 * first out, so that a stream of unique documents cannot grow it.
 */
@Component
class DocumentCache implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

	private final Map<String, PreparsedDocumentEntry> entries;

	DocumentCache(@Value("${inkwell.limits.document-cache-size:1000}") int maxEntries) {
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
				return size() > maxEntries;
			}

		};
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		PreparsedDocumentEntry cached;
		synchronized (this.entries) {
			cached = this.entries.get(query);
		}
		if (cached == null) {
			cached = parseAndValidate.apply(input);
			if (!cached.hasErrors()) {
				synchronized (this.entries) {
					this.entries.put(query, cached);
				}
			}
		}
		return CompletableFuture.completedFuture(cached);
	}

}
