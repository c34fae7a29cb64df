package dev.inkwell.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The per-operation meters other than the operation timer (which {@link OperationObservationInterceptor}
 * records through its observation), and the bound on how many operation names become tag values:
 * names come from clients, so only those of documents that validated count, and only the first
 * {@code maxOperationNames} of them; any other is tagged {@code other}.
 */
@Component
class OperationMetrics {

	static final String OTHER = "other";

	static final String UNKNOWN = "unknown";

	private static final double[] COST_BUCKETS = { 10, 50, 100, 250, 500, 1000, 2500, 5000 };

	private static final double[] STATEMENT_BUCKETS = { 1, 2, 3, 5, 8, 13, 21, 50 };

	private final MeterRegistry registry;

	private final int maxOperationNames;

	private final Set<String> operationNames = ConcurrentHashMap.newKeySet();

	private final Counter loginFailures;

	private final Counter rateLimited;

	OperationMetrics(MeterRegistry registry,
			@Value("${inkwell.observability.max-operation-names:100}") int maxOperationNames) {
		this.registry = registry;
		this.maxOperationNames = maxOperationNames;
		this.loginFailures = Counter.builder("inkwell.auth.login.failures")
			.description("Failed logins (wrong login or password)")
			.register(registry);
		this.rateLimited = Counter.builder("inkwell.rate.limited")
			.description("Operations refused by a rate limit")
			.register(registry);
	}

	/** The tag value for a validated operation's name: itself while there is room, else "other". */
	String operationTag(String name) {
		if (name == null) {
			return UNKNOWN;
		}
		if (this.operationNames.contains(name)) {
			return name;
		}
		synchronized (this.operationNames) {
			if (this.operationNames.size() < this.maxOperationNames) {
				this.operationNames.add(name);
				return name;
			}
		}
		return OTHER;
	}

	void cost(String operation, String type, long cost) {
		record(operation, type, "inkwell.graphql.operation.cost",
				"Cost of each executed operation, as the cost limit counts it", COST_BUCKETS, cost);
	}

	void statements(String operation, String type, int statements) {
		record(operation, type, "inkwell.graphql.operation.statements", "SQL statements each operation executed",
				STATEMENT_BUCKETS, statements);
	}

	private void record(String operation, String type, String name, String description, double[] buckets,
			double value) {
		DistributionSummary.builder(name)
			.description(description)
			.tags("operation", operation, "type", type)
			.serviceLevelObjectives(buckets)
			.register(this.registry)
			.record(value);
	}

	void error(String operation, String type, String classification) {
		Counter.builder("inkwell.graphql.errors")
			.description("GraphQL errors by classification")
			.tags("operation", operation, "type", type, "classification", classification)
			.register(this.registry)
			.increment();
	}

	void loginFailure() {
		this.loginFailures.increment();
	}

	void rateLimited() {
		this.rateLimited.increment();
	}

}
