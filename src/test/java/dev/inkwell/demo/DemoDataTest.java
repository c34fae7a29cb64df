package dev.inkwell.demo;

import java.util.List;

import dev.inkwell.IntegrationTest;
import dev.inkwell.database.DatabaseMigration;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest extends IntegrationTest {

	@Autowired
	ConnectionFactory connectionFactory;

	@Autowired
	DatabaseMigration migration;

	@Value("classpath:db/demo/demo-data.sql")
	Resource script;

	@Test
	void loadsRealisticContentOnceHoweverOftenItRuns() {
		DemoData demoData = new DemoData(this.connectionFactory, this.script, this.migration, new org.springframework.mock.env.MockEnvironment());
		demoData.run(null);
		List<Long> first = counts();
		demoData.run(null);
		assertThat(counts()).isEqualTo(first);
		assertThat(first.get(0)).as("users").isEqualTo(4);
		assertThat(first.get(1)).as("posts").isGreaterThanOrEqualTo(5);
		assertThat(first.get(2)).as("drafts").isGreaterThanOrEqualTo(1);
		assertThat(first.get(3)).as("comments").isGreaterThanOrEqualTo(5);
		assertThat(first.get(4)).as("tag links").isGreaterThanOrEqualTo(5);

		for (String username : new String[] { "admin", "alice", "bob", "carol" }) {
			this.graphQl.documentName("login")
				.variable("login", username)
				.variable("password", "inkwell-demo")
				.execute()
				.path("login.user.username")
				.entity(String.class)
				.isEqualTo(username);
		}
	}

	private List<Long> counts() {
		return this.db.sql("""
				SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM posts),
				       (SELECT count(*) FROM posts WHERE NOT published), (SELECT count(*) FROM comments),
				       (SELECT count(*) FROM post_tags)""")
			.map((row) -> List.of(row.get(0, Long.class), row.get(1, Long.class), row.get(2, Long.class),
					row.get(3, Long.class), row.get(4, Long.class)))
			.one()
			.block();
	}

}
