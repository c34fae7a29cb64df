package dev.inkwell;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The changes tests make to the shared test schema, to make the database fail on purpose, and
 * their repair. A test undoes its change when it ends; if the JVM dies first, the next run
 * repairs the schema before its first integration test ({@link IntegrationTest}).
 */
public final class SchemaDamage {

	/** Each undoes one test's change and does nothing when there is nothing to undo. */
	private static final List<String> REPAIRS = List.of("""
			DO $$ BEGIN
			    IF to_regclass('users_gone') IS NOT NULL AND to_regclass('users') IS NULL THEN ALTER TABLE users_gone RENAME TO users; END IF;
			END $$""", "DROP TRIGGER IF EXISTS fail_post_tags ON post_tags", "DROP FUNCTION IF EXISTS fail_post_tags()");

	private static volatile boolean repairedInThisRun;

	private SchemaDamage() {
	}

	/** Hides the users table: every statement reading it fails. */
	public static void hideUsers(DatabaseClient db) {
		db.sql("ALTER TABLE users RENAME TO users_gone").then().block();
	}

	/** Makes every insert into or delete from post_tags fail. */
	public static void failTagLinks(DatabaseClient db) {
		db.sql("""
				CREATE FUNCTION fail_post_tags() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'post_tags are broken for this test'; END $$""").then().block();
		db.sql("CREATE TRIGGER fail_post_tags BEFORE INSERT OR DELETE ON post_tags "
				+ "FOR EACH ROW EXECUTE FUNCTION fail_post_tags()").then().block();
	}

	/** Undoes every change above that is present. */
	public static void repair(DatabaseClient db) {
		for (String repair : REPAIRS) {
			db.sql(repair).then().block();
		}
	}

	/** Repairs what an earlier run may have left behind, once per run. */
	static void repairOnce(DatabaseClient db) {
		if (!repairedInThisRun) {
			repair(db);
			repairedInThisRun = true;
		}
	}

}
