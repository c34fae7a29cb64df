package dev.inkwell.database;

import java.util.Properties;

import javax.sql.DataSource;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Wires the located database into both of its users: R2DBC (serving) and Flyway (migrations, over
 * JDBC). Flyway is configured here rather than by Boot because Boot's Flyway auto-configuration
 * only runs when a JDBC DataSource or {@code spring.flyway.url} exists; its JDBC connections are
 * kept out of the context so that Boot does not set up JDBC transactions beside R2DBC's.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties) {
		return new DatabaseLocator(properties).locate();
	}

	/**
	 * Wraps Boot's pool, first of the wrappers; see {@link DeadConnectionSkippingConnectionFactory}
	 * and {@link StatementCancellingConnectionFactory}.
	 */
	@Bean
	static BeanPostProcessor deadConnectionSkipping(@Value("${spring.r2dbc.pool.max-size:10}") int maxSize) {
		return new FirstPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof ConnectionPool pool)
						? new StatementCancellingConnectionFactory(new DeadConnectionSkippingConnectionFactory(pool, maxSize))
						: bean;
			}
		};
	}

	/** Applied before every ordered or unordered post-processor, so that it sees Boot's pool itself. */
	private interface FirstPostProcessor extends BeanPostProcessor, PriorityOrdered {

		@Override
		default int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	@Bean
	R2dbcConnectionDetails r2dbcConnectionDetails(DatabaseServer server, DatabaseTimeouts timeouts) {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
			.from(server.target().r2dbcOptions())
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, timeouts.connect())
			// Sent to PostgreSQL as statement_timeout: the server cancels a slow statement itself.
			.option(ConnectionFactoryOptions.STATEMENT_TIMEOUT, timeouts.statement())
			// Notices a peer that vanished without closing the connection (host crash, network cut).
			.option(Option.valueOf("tcpKeepAlive"), true)
			// Results in binary: timestamps decode from 8 bytes instead of being parsed from text,
			// which was the largest single cost of reading rows.
			.option(Option.valueOf("forceBinary"), true)
			.build();
		return () -> options;
	}

	@Bean
	Flyway flyway(DatabaseServer server, DatabaseTimeouts timeouts) {
		return Flyway.configure()
			.dataSource(jdbc(server.target(), timeouts))
			.locations("classpath:db/migration")
			.load();
	}

	@Bean
	DatabaseMigration databaseMigration(DatabaseServer server, DatabaseTimeouts timeouts, Flyway flyway) {
		DatabaseTarget target = server.target();
		return new DatabaseMigration(target, jdbc(target, timeouts), jdbc(target.withDatabase("postgres"), timeouts),
				flyway);
	}

	private static DataSource jdbc(DatabaseTarget target, DatabaseTimeouts timeouts) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(target.jdbcUrl(), target.username(),
				target.password());
		Properties properties = new Properties();
		String seconds = String.valueOf(Math.max(1, timeouts.connect().toSeconds()));
		properties.setProperty("connectTimeout", seconds);
		properties.setProperty("loginTimeout", seconds);
		properties.setProperty("ApplicationName", "inkwell-migration");
		dataSource.setConnectionProperties(properties);
		return dataSource;
	}

}
