package dev.inkwell;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.SchemaReport;

/** Keeps the schema-mapping report Spring for GraphQL computes at start-up, for tests to check. */
@TestConfiguration(proxyBeanMethods = false)
public class SchemaReportCapture {

	private final AtomicReference<SchemaReport> report = new AtomicReference<>();

	@Bean
	GraphQlSourceBuilderCustomizer captureSchemaReport() {
		return (builder) -> builder.inspectSchemaMappings(this.report::set);
	}

	public SchemaReport report() {
		return this.report.get();
	}

}
