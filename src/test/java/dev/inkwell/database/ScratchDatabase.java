package dev.inkwell.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.inkwell.InkwellApplication;
import org.flywaydb.core.Flyway;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of a test's own on the test server (PostgreSQL on 127.0.0.1:5432, as the suite
 * finds it), named {@code inkwell_takeover_<random>} so that concurrent runs never share one, and
 * dropped on close. Starts Inkwell on it and describes its schema and contents for comparisons.
 */
final class ScratchDatabase implements AutoCloseable {

	/** Every column, index, constraint, trigger, function and sequence, one line each, sorted. */
	private static final String SCHEMA = """
			SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
			       || coalesce('(' || character_maximum_length || ')', '') || ' nullable=' || is_nullable
			       || ' default=' || coalesce(column_default, '-') || ' identity=' || is_identity
			       || coalesce(' ' || identity_generation || ' start ' || identity_start, '')
			       || ' generated=' || coalesce(generation_expression, '-')
			FROM information_schema.columns WHERE table_schema = current_schema()
			UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
			UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
			FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
			UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger
			WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pg_%'
			UNION ALL SELECT 'function ' || pg_get_functiondef(oid) FROM pg_proc
			WHERE pronamespace = current_schema()::regnamespace
			UNION ALL SELECT 'sequence ' || sequencename || ' ' || data_type || ' start ' || start_value
			       || ' max ' || max_value FROM pg_sequences WHERE schemaname = current_schema()
			ORDER BY 1""";

	private final String name;

	private ScratchDatabase(String name) {
		this.name = name;
	}

	static ScratchDatabase create() {
		ScratchDatabase database = new ScratchDatabase(
				"inkwell_takeover_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
		database.onServer("CREATE DATABASE " + database.name);
		return database;
	}

	String name() {
		return this.name;
	}

	Connection connect() throws SQLException {
		return connect(this.name);
	}

	/** Runs SQL, several statements at once if need be, each committed on its own. */
	void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs a classpath SQL file, all of it at once. */
	void run(String resource) {
		execute(read(resource));
	}

	/** Runs a classpath SQL file a line at a time (CREATE INDEX CONCURRENTLY may not share a transaction). */
	void runLineByLine(String resource) {
		read(resource).lines().filter((line) -> !line.isBlank() && !line.startsWith("--")).forEach(this::execute);
	}

	/** The first column of every row, as text. */
	List<String> query(String sql) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<String> schema() {
		return query(SCHEMA);
	}

	/** The schema and every row of every table (Flyway's history included) and sequence position. */
	List<String> fingerprint() {
		List<String> tables = query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1");
		Stream<String> rows = tables.stream()
			.map((table) -> table + " " + query("SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
					+ " || ' ' || count(*) FROM \"" + table + "\" t").get(0));
		Stream<String> sequences = query("SELECT sequencename || ' at ' || coalesce(last_value, 0) FROM pg_sequences "
				+ "WHERE schemaname = current_schema() ORDER BY 1").stream();
		return Stream.of(schema().stream(), rows, sequences).flatMap((lines) -> lines).toList();
	}

	/** Migrates this (empty) database with Inkwell's own migrations, as a new Inkwell database is made. */
	void migrateAsNew() {
		flyway().migrate();
	}

	/** Flyway as Inkwell configures it, on this database. */
	Flyway flyway() {
		return Flyway.configure()
			.dataSource(url(this.name), DatabaseProperties.DEFAULT_USER, DatabaseProperties.DEFAULT_PASSWORD)
			.locations("classpath:db/migration")
			.load();
	}

	/**
	 * Starts Inkwell on this database, on a free port, with waits long enough for a busy machine
	 * and a login limit the tests do not reach.
	 */
	ConfigurableApplicationContext startInkwell(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--inkwell.database.name=" + this.name,
				"--spring.r2dbc.pool.initial-size=1", "--spring.r2dbc.pool.max-size=4",
				"--spring.r2dbc.pool.max-acquire-time=60s", "--inkwell.database.timeouts.statement=60s",
				"--inkwell.request-timeout=120s", "--inkwell.auth.login-attempts-per-window=1000",
				// As in IntegrationTest: rows written straight into the tables are invalidated by nothing.
				"--inkwell.cache.response-cache=false"));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(InkwellApplication.class).run(all.toArray(String[]::new));
	}

	@Override
	public void close() {
		onServer("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	static String read(String resource) {
		try (InputStream in = ScratchDatabase.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException(resource + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void onServer(String sql) {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), DatabaseProperties.DEFAULT_USER,
				DatabaseProperties.DEFAULT_PASSWORD);
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + DatabaseProperties.DEFAULT_HOST + ":" + DatabaseProperties.DEFAULT_PORT + "/"
				+ database;
	}

}
