package dev.inkwell.database;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import dev.inkwell.startup.StartupProblem;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Inkwell does at start-up with a database that already holds something: it adopts the
 * FastAPI tutorial's exactly into its own schema (also when an earlier adoption was interrupted
 * before its baseline), and refuses, changing nothing, a database it does not know, a tutorial
 * database that differs from the models or has rows it cannot take, and, with adoption off, the
 * tutorial's, saying how to adopt it by hand (which then works).
 */
class ExistingDatabaseStartupTest {

	@Test
	void aDatabaseAsCreateAllMakesItBecomesExactlyInkwellsSchema() {
		try (ScratchDatabase tutorial = ScratchDatabase.create(); ScratchDatabase fresh = ScratchDatabase.create()) {
			FastApiTutorial.asCreateAllMakesIt(tutorial);
			List<String> ids = tutorial.query(ALL_IDS);
			startAndStop(tutorial);
			fresh.migrateAsNew();
			assertThat(tutorial.schema()).isEqualTo(fresh.schema());
			assertThat(tutorial.query(ALL_IDS)).isEqualTo(ids).hasSize(4 + 5 + 4 + 3);
		}
	}

	@Test
	void anAdoptionInterruptedBeforeItsBaselineIsFinishedOnTheNextStart() {
		try (ScratchDatabase tutorial = ScratchDatabase.create(); ScratchDatabase fresh = ScratchDatabase.create()) {
			FastApiTutorial.asCreateAllMakesIt(tutorial);
			tutorial.run(FastApiTutorialSchema.ADOPTION_SCRIPT);
			startAndStop(tutorial);
			fresh.migrateAsNew();
			assertThat(tutorial.schema()).isEqualTo(fresh.schema());
			assertThat(tutorial.query("SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank")
				.get(0)).isEqualTo("1 BASELINE");
		}
	}

	@Test
	void anUnknownDatabaseIsRefusedUntouched() {
		try (ScratchDatabase unknown = ScratchDatabase.create()) {
			unknown.execute("""
					CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
					CREATE TABLE invoices (id serial PRIMARY KEY, customer_id integer REFERENCES customers);
					CREATE VIEW big_customers AS SELECT * FROM customers;
					INSERT INTO customers (name) VALUES ('ACME')""");
			String problem = refusedUntouched(unknown);
			assertThat(problem).contains("'" + unknown.name() + "'", "neither empty, nor Inkwell's",
					"tables customers, invoices", "view big_customers", "Inkwell changed nothing");
		}
	}

	@Test
	void aTutorialDatabaseThatIsNotAsTheModelsMakeItIsRefusedUntouched() {
		try (ScratchDatabase changed = ScratchDatabase.create()) {
			FastApiTutorial.asCreateAllMakesIt(changed);
			changed.execute("ALTER TABLE users ADD COLUMN avatar_url text; ALTER TABLE tags ALTER COLUMN color TYPE text");
			String problem = refusedUntouched(changed);
			assertThat(problem).contains("FastAPI tutorial's tables, but not as the tutorial's models make them",
					"column users.avatar_url is not the tutorial's", "column tags.color is text, not character varying(7)");
		}
	}

	@Test
	void rowsDifferingOnlyInCaseWhereInkwellIsCaseInsensitiveAreRefusedUntouched() {
		try (ScratchDatabase tutorial = ScratchDatabase.create()) {
			FastApiTutorial.asCreateAllMakesIt(tutorial);
			tutorial.execute("""
					INSERT INTO users (username, email, hashed_password, is_active, is_superuser)
					VALUES ('ADA', 'ada.lovelace@example.com', 'x', true, false)""");
			String problem = refusedUntouched(tutorial);
			assertThat(problem).contains("differ only in case", "users.username ada (id 1), ADA (id 10)",
					"users.email Ada.Lovelace@Example.COM (id 1), ada.lovelace@example.com (id 10)");
		}
	}

	@Test
	void withAdoptionOffTheTutorialsDatabaseIsRefusedWithHowToAdoptItByHandWhichWorks() throws Exception {
		try (ScratchDatabase tutorial = ScratchDatabase.create()) {
			FastApiTutorial.asCreateAllMakesIt(tutorial);
			String problem = refusedUntouched(tutorial, "--inkwell.database.adopt=false");
			assertThat(problem).contains("adoption is off (INKWELL_ADOPT=false)", "Set INKWELL_ADOPT=true",
					"psql -1 -v ON_ERROR_STOP=1 -f fastapi-tutorial.sql", "baseline -baselineVersion=1");

			// By hand, as the message says: the script in one transaction, then Flyway's baseline.
			try (Connection connection = tutorial.connect(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute(ScratchDatabase.read(FastApiTutorialSchema.ADOPTION_SCRIPT));
				connection.commit();
			}
			Flyway.configure()
				.configuration(tutorial.flyway().getConfiguration())
				.baselineVersion("1")
				.load()
				.baseline();
			startAndStop(tutorial, "--inkwell.database.adopt=false");
			assertThat(tutorial.flyway().info().pending()).isEmpty();
			assertThat(tutorial.query("SELECT count(*) FROM posts")).containsExactly("5");
		}
	}

	private static final String ALL_IDS = """
			SELECT 'user ' || id FROM users UNION ALL SELECT 'post ' || id FROM posts
			UNION ALL SELECT 'comment ' || id FROM comments UNION ALL SELECT 'tag ' || id FROM tags ORDER BY 1""";

	private static void startAndStop(ScratchDatabase database, String... arguments) {
		ConfigurableApplicationContext inkwell = database.startInkwell(arguments);
		inkwell.close();
	}

	/** Starts Inkwell, expects it to refuse, checks nothing changed, and returns the one paragraph it gave. */
	private static String refusedUntouched(ScratchDatabase database, String... arguments) {
		List<String> before = database.fingerprint();
		StartupProblem[] problem = new StartupProblem[1];
		assertThatThrownBy(() -> database.startInkwell(arguments)).satisfies((failure) -> {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof StartupProblem startupProblem) {
					problem[0] = startupProblem;
				}
			}
		});
		assertThat(problem[0]).as("a StartupProblem in the failure's causes").isNotNull();
		assertThat(database.fingerprint()).isEqualTo(before);
		return problem[0].getMessage() + " " + problem[0].action();
	}

}
