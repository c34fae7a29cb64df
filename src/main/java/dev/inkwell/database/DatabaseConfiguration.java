package dev.inkwell.database;

import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

import dev.inkwell.startup.StartupProblem;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Wrapped;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Wires the located database into both of its users: R2DBC (serving) and Flyway (migrations, over
 * JDBC). Flyway is configured here rather than by Boot because Boot's Flyway auto-configuration
 * only runs when a JDBC DataSource or {@code spring.flyway.url} exists; its JDBC connections are
 * kept out of the context so that Boot does not set up JDBC transactions beside R2DBC's.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	static final String TRANSACTIONAL_LOCK = "flyway.postgresql.transactional.lock";

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DatabaseProperties properties, Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("prod")) && !properties.fullyConfigured()) {
			// Under prod, no guessing: neither postgres/postgres on localhost nor an embedded database.
			throw new StartupProblem("The prod profile needs an explicitly configured database: DATABASE_URL with a "
					+ "user and password, or DB_HOST with DB_USER and DB_PASSWORD. It does not fall back to "
					+ "postgres/postgres on localhost or to an embedded database.",
					"Set DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/inkwell (or DB_HOST, DB_PORT, DB_NAME, "
							+ "DB_USER, DB_PASSWORD).");
		}
		return new DatabaseLocator(properties).locate();
	}

	/**
	 * Wraps Boot's pool, first of the wrappers; see {@link DeadConnectionSkippingConnectionFactory}.
	 * With read replicas configured, routes reads too; see {@link ReadRoutingConnectionFactory}.
	 * Outermost, {@link StatementCancellingConnectionFactory}, so that statements on the primary
	 * and on a replica alike stop with their request.
	 */
	@Bean
	static BeanPostProcessor deadConnectionSkipping(@Value("${spring.r2dbc.pool.max-size:10}") int maxSize,
			@Value("${inkwell.database.replicas.urls:}") String replicaUrls, ObjectProvider<ReadRouter> router,
			ObjectProvider<StatementObserver> observer) {
		return new FirstPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof ConnectionPool pool)) {
					// Already wrapped round the pool (r2dbc-proxy, for SQL spans when tracing): its
					// statements still have to stop with their request.
					return (bean instanceof ConnectionFactory factory && wrapsPool(factory))
							? new StatementCancellingConnectionFactory(factory, observer()) : bean;
				}
				DeadConnectionSkippingConnectionFactory primary = new DeadConnectionSkippingConnectionFactory(pool,
						maxSize);
				return new StatementCancellingConnectionFactory(
						replicaUrls.isBlank() ? primary : new ReadRoutingConnectionFactory(primary, router), observer());
			}

			private StatementObserver observer() {
				return observer.getIfAvailable(() -> StatementObserver.NONE);
			}
		};
	}

	private static boolean wrapsPool(Object factory) {
		Object candidate = factory;
		while (!(candidate instanceof ConnectionPool) && candidate instanceof Wrapped<?> wrapped
				&& wrapped.unwrap() != candidate) {
			candidate = wrapped.unwrap();
		}
		return candidate instanceof ConnectionPool;
	}

	/** Applied before every ordered or unordered post-processor, so that it sees Boot's pool itself. */
	private interface FirstPostProcessor extends BeanPostProcessor, PriorityOrdered {

		@Override
		default int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	@Bean
	R2dbcConnectionDetails r2dbcConnectionDetails(DatabaseServer server, DatabaseConnectionOptions options) {
		ConnectionFactoryOptions primary = options.of(server.target());
		return () -> primary;
	}

	/**
	 * Flyway's lock on PostgreSQL is pinned to the transaction-scoped one (Flyway 12's default): each
	 * migration's turn is a {@code pg_try_advisory_xact_lock} taken in a transaction that stays open on
	 * the history connection while the migration runs on the other, and that ends with the turn. A
	 * session lock ({@code pg_try_advisory_lock}, then {@code pg_advisory_unlock} in another
	 * transaction) would, behind a transaction-mode pooler, be taken on one server connection and
	 * released on another, and stay behind. The price: a migration cannot use
	 * {@code CREATE INDEX CONCURRENTLY}, which would wait for that open transaction.
	 */
	static final Map<String, String> FLYWAY_SETTINGS = Map.of(TRANSACTIONAL_LOCK, "true");

	@Bean
	Flyway flyway(DatabaseServer server, DatabaseTimeouts timeouts) {
		return Flyway.configure()
			.configuration(FLYWAY_SETTINGS)
			.dataSource(jdbc(server.target(), timeouts))
			.locations("classpath:db/migration")
			.load();
	}

	@Bean
	DatabaseMigration databaseMigration(DatabaseServer server, DatabaseTimeouts timeouts, Flyway flyway,
			@Value("${inkwell.database.adopt:true}") boolean adopt) {
		DatabaseTarget target = server.target();
		return new DatabaseMigration(target, jdbc(target, timeouts), jdbc(target.withDatabase("postgres"), timeouts),
				flyway, adopt);
	}

	private static DataSource jdbc(DatabaseTarget target, DatabaseTimeouts timeouts) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(target.jdbcUrl(), target.username(),
				target.password());
		Properties properties = new Properties();
		String seconds = String.valueOf(Math.max(1, timeouts.connect().toSeconds()));
		properties.setProperty("connectTimeout", seconds);
		properties.setProperty("loginTimeout", seconds);
		properties.setProperty("ApplicationName", "inkwell-migration");
		// Unnamed statements only: a transaction-mode pooler does not keep named ones (harmless without one).
		properties.setProperty("prepareThreshold", "0");
		dataSource.setConnectionProperties(properties);
		return dataSource;
	}

}
