package dev.inkwell.demo;

import dev.inkwell.database.DatabaseMigration;
import dev.inkwell.startup.StartupProblem;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/** Loads the demo content at start-up when {@code inkwell.demo-data=true} (or the demo profile). */
@Component
@ConditionalOnBooleanProperty("inkwell.demo-data")
class DemoData implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DemoData.class);

	private final ConnectionFactory connectionFactory;

	private final Resource script;

	private final DatabaseMigration migration;

	DemoData(ConnectionFactory connectionFactory, @Value("classpath:db/demo/demo-data.sql") Resource script,
			DatabaseMigration migration, Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new StartupProblem("Demo data is switched on (INKWELL_DEMO_DATA or the demo profile) under the prod "
					+ "profile. It would create the superuser 'admin' with the published password 'inkwell-demo'.",
					"Remove INKWELL_DEMO_DATA=true and the demo profile from this production configuration.");
		}
		this.connectionFactory = connectionFactory;
		this.script = script;
		this.migration = migration;
	}

	/** Loads at once if the database is ready; otherwise as soon as it is, without holding up start-up. */
	@Override
	public void run(ApplicationArguments args) {
		Mono<Void> load = this.migration.ready()
			.then(new ResourceDatabasePopulator(this.script).populate(this.connectionFactory))
			.doOnSuccess((done) -> logger
				.info("Demo data is loaded: sign in as admin, alice, bob or carol with password 'inkwell-demo'"));
		if (this.migration.isReady()) {
			load.block();
		}
		else {
			logger.info("Demo data will be loaded once the database is ready");
			load.subscribe(null, (ex) -> logger.error("Could not load the demo data", ex));
		}
	}

}
