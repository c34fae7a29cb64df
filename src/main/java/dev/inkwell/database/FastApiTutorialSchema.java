package dev.inkwell.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema the FastAPI tutorial's models leave in PostgreSQL (SQLAlchemy's create_all or its
 * first Alembic migration): which tables and columns make a database the tutorial's, so that
 * Inkwell adopts it and nothing else. Column types must match; nullability may not (older
 * Column(...) models leave flags nullable). A database whose adoption committed but whose baseline
 * was not recorded (a crash in between) is the tutorial's too: its ids are bigint, posts and
 * comments have Inkwell's extra columns, and Inkwell's trigger functions exist.
 */
final class FastApiTutorialSchema {

	static final String ADOPTION_SCRIPT = "db/adoption/fastapi-tutorial.sql";

	static final String ALEMBIC_VERSION = "alembic_version";

	private static final String ID = "integer";

	private static final String TIMESTAMP = "timestamp with time zone";

	private static final Map<String, Map<String, String>> TABLES = new LinkedHashMap<>();

	static {
		TABLES.put("users", columns("id", ID, "username", "character varying(50)", "email", "character varying(100)",
				"hashed_password", "character varying(255)", "full_name", "character varying(100)", "is_active",
				"boolean", "is_superuser", "boolean", "bio", "text", "created_at", TIMESTAMP, "updated_at", TIMESTAMP));
		TABLES.put("posts", columns("id", ID, "title", "character varying(200)", "slug", "character varying(200)",
				"content", "text", "excerpt", "character varying(300)", "published", "boolean", "published_at",
				TIMESTAMP, "author_id", ID, "created_at", TIMESTAMP, "updated_at", TIMESTAMP));
		TABLES.put("comments", columns("id", ID, "content", "text", "post_id", ID, "author_id", ID, "created_at",
				TIMESTAMP, "updated_at", TIMESTAMP));
		TABLES.put("tags", columns("id", ID, "name", "character varying(50)", "slug", "character varying(50)", "color",
				"character varying(7)", "created_at", TIMESTAMP));
		TABLES.put("post_tags", columns("post_id", ID, "tag_id", ID));
	}

	/** Columns the adoption adds; present only after an adoption that was not baselined. */
	private static final Map<String, Map<String, String>> ADDED_BY_ADOPTION = Map.of("posts",
			columns("version", "integer", "search_vector", "tsvector"), "comments", columns("version", "integer"));

	/** Functions the adoption creates (Inkwell's triggers). */
	private static final Set<String> FUNCTIONS_OF_ADOPTION = Set.of("function row_changed", "function touch_updated_at",
			"function touch_updated_at_and_version");

	private FastApiTutorialSchema() {
	}

	static Set<String> tableNames() {
		return TABLES.keySet();
	}

	/** Whether the schema holds all of the tutorial's tables: then it was meant to be the tutorial's. */
	static boolean hasItsTables(ExistingSchema schema) {
		return TABLES.keySet().stream().allMatch(schema::hasTable);
	}

	/** How the schema differs from the tutorial's, for a person; empty when it is the tutorial's. */
	static List<String> differences(ExistingSchema schema) {
		List<String> differences = new ArrayList<>();
		TABLES.forEach((table, expected) -> {
			Map<String, String> found = schema.tables().get(table);
			if (found == null) {
				differences.add("table " + table + " is missing");
				return;
			}
			Map<String, String> added = ADDED_BY_ADOPTION.getOrDefault(table, Map.of());
			expected.forEach((column, type) -> {
				String foundType = found.get(column);
				if (foundType == null) {
					differences.add("column " + table + "." + column + " is missing");
				}
				else if (!foundType.equals(type) && !(type.equals(ID) && foundType.equals("bigint"))) {
					differences.add("column " + table + "." + column + " is " + foundType + ", not " + type);
				}
			});
			found.forEach((column, type) -> {
				if (!expected.containsKey(column) && !type.equals(added.get(column))) {
					differences.add("column " + table + "." + column + " is not the tutorial's");
				}
			});
		});
		schema.tables()
			.keySet()
			.stream()
			.filter((table) -> !TABLES.containsKey(table) && !table.equals(ALEMBIC_VERSION))
			.forEach((table) -> differences.add("table " + table + " is not the tutorial's"));
		schema.others()
			.stream()
			.filter((other) -> !FUNCTIONS_OF_ADOPTION.contains(other))
			.forEach((other) -> differences.add(other + " is not the tutorial's"));
		return differences;
	}

	/**
	 * Rows Inkwell cannot take as they are: the tutorial's unique indexes are case-sensitive,
	 * Inkwell's usernames, emails and tag names are unique regardless of case.
	 */
	static List<String> rowsInTheWay(Connection connection) throws SQLException {
		List<String> found = new ArrayList<>();
		String[][] checks = { { "users", "username" }, { "users", "email" }, { "tags", "name" } };
		try (Statement statement = connection.createStatement()) {
			for (String[] check : checks) {
				String table = check[0];
				String column = check[1];
				try (ResultSet rows = statement.executeQuery("SELECT string_agg(format('%s (id %s)', " + column
						+ ", id), ', ' ORDER BY id) FROM " + table + " GROUP BY lower(" + column
						+ ") HAVING count(*) > 1 ORDER BY min(id) LIMIT 5")) {
					while (rows.next()) {
						found.add(table + "." + column + " " + rows.getString(1));
					}
				}
			}
		}
		return found;
	}

	private static Map<String, String> columns(String... namesAndTypes) {
		Map<String, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < namesAndTypes.length; i += 2) {
			columns.put(namesAndTypes[i], namesAndTypes[i + 1]);
		}
		return columns;
	}

}
