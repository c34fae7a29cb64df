package dev.inkwell.graphql.execution;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.inkwell.graphql.node.NodeReader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that every schema field has a data fetcher and every mapping a field, and
 * keeps the report (tests assert it is clean). Node types are reached only through the Node
 * interface in places, so the inspector is told which row class backs each.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

	private static final Log logger = LogFactory.getLog(SchemaInspection.class);

	private final List<NodeReader<?>> readers;

	private final AtomicReference<SchemaReport> report = new AtomicReference<>();

	SchemaInspection(List<NodeReader<?>> readers) {
		this.readers = readers;
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		builder.inspectSchemaMappings(
				(initializer) -> this.readers
					.forEach((reader) -> initializer.classMapping(reader.type().typeName(), reader.rowClass())),
				(report) -> {
					this.report.set(report);
					boolean clean = report.unmappedFields().isEmpty() && report.unmappedRegistrations().isEmpty()
							&& report.unmappedArguments().isEmpty() && report.skippedTypes().isEmpty()
							&& report.fieldNullnessErrors().isEmpty() && report.argumentNullnessErrors().isEmpty();
					if (clean) {
						logger.info("GraphQL schema inspection: every field is mapped");
					}
					else {
						logger.warn(report);
					}
				});
	}

	public SchemaReport report() {
		return this.report.get();
	}

}
