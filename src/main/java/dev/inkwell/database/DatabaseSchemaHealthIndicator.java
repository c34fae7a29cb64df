package dev.inkwell.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code databaseSchema}): DOWN until the database exists and is migrated, so a
 * load balancer sends no traffic to an instance that started while PostgreSQL was away.
 */
@Component
class DatabaseSchemaHealthIndicator implements HealthIndicator {

	private final DatabaseMigration migration;

	DatabaseSchemaHealthIndicator(DatabaseMigration migration) {
		this.migration = migration;
	}

	@Override
	public Health health() {
		String problem = this.migration.problem();
		return (problem == null) ? Health.up().build() : Health.down().withDetail("problem", problem).build();
	}

}
