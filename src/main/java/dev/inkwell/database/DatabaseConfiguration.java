package dev.inkwell.database;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the located database into both of its users: R2DBC (serving) and Flyway (migrations at
 * start-up, over JDBC). Flyway is configured here rather than by Boot because Boot's Flyway
 * auto-configuration only runs when a JDBC DataSource or {@code spring.flyway.url} exists.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties) {
		return new DatabaseLocator(properties).locate();
	}

	@Bean
	R2dbcConnectionDetails r2dbcConnectionDetails(DatabaseServer server) {
		return server.target()::r2dbcOptions;
	}

	@Bean
	Flyway flyway(DatabaseServer server) {
		DatabaseTarget target = server.target();
		return Flyway.configure()
			.dataSource(target.jdbcUrl(), target.username(), target.password())
			.locations("classpath:db/migration")
			.load();
	}

	@Bean
	FlywayMigrationInitializer flywayMigrationInitializer(Flyway flyway) {
		return new FlywayMigrationInitializer(flyway, null);
	}

}
