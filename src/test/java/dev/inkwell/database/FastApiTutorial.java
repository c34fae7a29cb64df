package dev.inkwell.database;

/**
 * Builds the FastAPI tutorial app's database in a scratch database, from the DDL and rows under
 * {@code src/test/resources/fastapi-tutorial/} (derived from the tutorial's models; see schema.sql).
 */
final class FastApiTutorial {

	private static final String DIRECTORY = "fastapi-tutorial/";

	/**
	 * What the rows say in the ORM's terms, one line per row: NULL flags as the ORM would have
	 * written them, a published post without published_at published when it was created. Adoption
	 * must leave exactly this (and the rows as they are where nothing was NULL).
	 */
	static final String ROWS_AS_THE_APP_MEANT_THEM = """
			SELECT 'user ' || row(id, username, email, hashed_password, full_name, coalesce(is_active, true),
			       coalesce(is_superuser, false), bio, created_at, updated_at)::text FROM users
			UNION ALL SELECT 'post ' || row(id, title, slug, content, excerpt, coalesce(published, false),
			       CASE WHEN published THEN coalesce(published_at, created_at) ELSE published_at END, author_id,
			       created_at, updated_at)::text FROM posts
			UNION ALL SELECT 'comment ' || row(id, content, post_id, author_id, created_at, updated_at)::text FROM comments
			UNION ALL SELECT 'tag ' || row(id, name, slug, coalesce(color, '#6b7280'), created_at)::text FROM tags
			UNION ALL SELECT 'post_tag ' || row(post_id, tag_id)::text FROM post_tags
			UNION ALL SELECT 'alembic ' || version_num FROM alembic_version
			ORDER BY 1""";

	private FastApiTutorial() {
	}

	/** Exactly what SQLAlchemy 2.0's create_all makes of the models, with rows as the app writes them. */
	static void asCreateAllMakesIt(ScratchDatabase database) {
		database.run(DIRECTORY + "schema.sql");
		database.run(DIRECTORY + "rows.sql");
	}

	/**
	 * Everything a tutorial database may have: the Column(...)-style nullable flags with rows that
	 * leave them NULL, the tutorial's hand-run indexes (its GIN index included) and Alembic's table.
	 */
	static void withEverything(ScratchDatabase database) {
		database.run(DIRECTORY + "schema.sql");
		database.run(DIRECTORY + "legacy-nullable-flags.sql");
		database.run(DIRECTORY + "alembic.sql");
		database.run(DIRECTORY + "rows.sql");
		database.run(DIRECTORY + "rows-with-null-flags.sql");
		database.runLineByLine(DIRECTORY + "hand-run-indexes.sql");
	}

}
