package dev.inkwell.graphql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.inkwell.IntegrationTest;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of parsed and validated documents, seen from outside: graphql-java reports each time it
 * really parses a document (an instrumentation counts it per document), and the cache decides when
 * that happens. Its bound is three here, so that eviction shows with a handful of documents.
 */
@TestPropertySource(properties = "inkwell.limits.document-cache-size=3")
@Import(DocumentCacheTest.Parses.class)
class DocumentCacheTest extends IntegrationTest {

	@Autowired
	Parses parses;

	@Test
	void aRepeatedDocumentIsParsedOnce() {
		String query = "{ posts(first: 1) { totalCount } } # repeated";
		for (int i = 0; i < 3; i++) {
			execute(query).errors().verify().path("posts.totalCount").entity(Integer.class).isEqualTo(0);
		}
		assertThat(this.parses.of(query)).isOne();
	}

	@Test
	void theLeastRecentlyUsedDocumentLeavesWhenMoreThanTheBoundAreUsed() {
		String a = document("a");
		String b = document("b");
		String c = document("c");
		String d = document("d");
		for (String query : new String[] { a, b, c, a, d, a, b }) {
			execute(query).errors().verify();
		}
		// a, b, c fill the cache; a is used again, so d pushes out b, the least recently used.
		assertThat(this.parses.of(a)).as("a").isOne();
		assertThat(this.parses.of(b)).as("b, used again after it was pushed out").isEqualTo(2);
		assertThat(this.parses.of(c)).as("c").isOne();
		assertThat(this.parses.of(d)).as("d").isOne();
	}

	@Test
	void anInvalidDocumentIsNeverCached() {
		String invalid = "{ posts { nodes { noSuchField } } } # invalid";
		for (int i = 0; i < 3; i++) {
			singleError(execute(invalid), "BAD_REQUEST", null);
		}
		assertThat(this.parses.of(invalid)).isEqualTo(3);
	}

	private GraphQlTester.Response execute(String query) {
		return this.graphQl.document(query).execute();
	}

	private static String document(String name) {
		return "{ tags(first: 1) { totalCount } } # " + name;
	}

	/** Counts graphql-java's parses per document text. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Parses {

		private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		@Bean
		Instrumentation parseCounting() {
			return new Instrumentation() {

				@Override
				public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
						InstrumentationState state) {
					Parses.this.counts.computeIfAbsent(parameters.getQuery(), (query) -> new AtomicInteger())
						.incrementAndGet();
					return SimpleInstrumentationContext.noOp();
				}

			};
		}

		int of(String query) {
			AtomicInteger count = this.counts.get(query);
			return (count != null) ? count.get() : 0;
		}

	}

}
