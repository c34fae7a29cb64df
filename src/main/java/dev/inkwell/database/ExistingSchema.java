package dev.inkwell.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema Inkwell works in (PostgreSQL's current schema, where Flyway keeps its history)
 * holds before anything is migrated: enough to tell an empty database, Inkwell's own, the FastAPI
 * tutorial's and anything else apart. Objects that belong to an extension are not counted.
 *
 * @param tables each table's columns and their types ({@code format_type}), in column order
 * @param others every other object, described for a person ("view orders", "function f"),
 * except sequences owned by a table's column
 */
record ExistingSchema(Map<String, Map<String, String>> tables, List<String> others) {

	private static final String NOT_FROM_AN_EXTENSION = " NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = %s AND e.deptype = 'e') ";

	private static final String COLUMNS = """
			SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
			FROM pg_class c
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
			  AND """ + NOT_FROM_AN_EXTENSION.formatted("c.oid") + """
			ORDER BY c.relname, a.attnum""";

	/** Relations other than tables and indexes; a sequence owned by a column (SERIAL, identity) is part of its table. */
	private static final String OTHER_RELATIONS = """
			SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table'
			                      WHEN 'S' THEN 'sequence' ELSE 'type' END || ' ' || c.relname
			FROM pg_class c
			WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('v', 'm', 'f', 'S', 'c')
			  AND """ + NOT_FROM_AN_EXTENSION.formatted("c.oid") + """
			  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
			           WHERE d.objid = c.oid AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')))
			UNION ALL
			SELECT 'function ' || p.proname FROM pg_proc p
			WHERE p.pronamespace = current_schema()::regnamespace AND """ + NOT_FROM_AN_EXTENSION.formatted("p.oid") + """
			UNION ALL
			SELECT 'type ' || t.typname FROM pg_type t
			WHERE t.typnamespace = current_schema()::regnamespace AND t.typtype IN ('d', 'e', 'r', 'm')
			  AND """ + NOT_FROM_AN_EXTENSION.formatted("t.oid") + """
			ORDER BY 1""";

	static ExistingSchema read(Connection connection) throws SQLException {
		Map<String, Map<String, String>> tables = new LinkedHashMap<>();
		List<String> others = new ArrayList<>();
		try (PreparedStatement columns = connection.prepareStatement(COLUMNS); ResultSet rows = columns.executeQuery()) {
			while (rows.next()) {
				tables.computeIfAbsent(rows.getString(1), (table) -> new LinkedHashMap<>())
					.put(rows.getString(2), rows.getString(3));
			}
		}
		try (PreparedStatement relations = connection.prepareStatement(OTHER_RELATIONS);
				ResultSet rows = relations.executeQuery()) {
			while (rows.next()) {
				others.add(rows.getString(1));
			}
		}
		return new ExistingSchema(tables, others);
	}

	boolean isEmpty() {
		return this.tables.isEmpty() && this.others.isEmpty();
	}

	boolean hasTable(String name) {
		return this.tables.containsKey(name);
	}

	/** Everything found, for a person: "tables a, b; view c". */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (!this.tables.isEmpty()) {
			parts.add(((this.tables.size() == 1) ? "table " : "tables ")
					+ shortList(List.copyOf(this.tables.keySet()), ", ", 10));
		}
		if (!this.others.isEmpty()) {
			parts.add(shortList(this.others, ", ", 10));
		}
		return String.join("; ", parts);
	}

	/** The first items, and how many more there are. */
	static String shortList(List<String> items, String separator, int most) {
		if (items.size() <= most) {
			return String.join(separator, items);
		}
		return String.join(separator, items.subList(0, most)) + " and " + (items.size() - most) + " more";
	}

}
