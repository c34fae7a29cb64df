package dev.inkwell.demo;

import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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

	DemoData(ConnectionFactory connectionFactory, @Value("classpath:db/demo/demo-data.sql") Resource script) {
		this.connectionFactory = connectionFactory;
		this.script = script;
	}

	@Override
	public void run(ApplicationArguments args) {
		new ResourceDatabasePopulator(this.script).populate(this.connectionFactory).block();
		logger.info("Demo data is loaded: sign in as admin, alice, bob or carol with password 'inkwell-demo'");
	}

}
