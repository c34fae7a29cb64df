package dev.inkwell.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

/**
 * One PostgreSQL database on one server, with credentials: the single source from which the
 * R2DBC options (for serving) and the JDBC URL (for Flyway) are both derived.
 *
 * @param parameters extra connection parameters from the URL's query, e.g. {@code sslmode}
 */
public record DatabaseTarget(String host, int port, String database, String username, String password,
		Map<String, String> parameters) {

	private static final Pattern SAFE_DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,63}");

	/** JDBC spells some parameters differently from r2dbc-postgresql. */
	private static final Map<String, String> R2DBC_PARAMETER_NAMES = Map.of("sslmode", "sslMode",
			"sslrootcert", "sslRootCert", "sslcert", "sslCert", "sslkey", "sslKey", "options", "options",
			"application_name", "applicationName");

	public DatabaseTarget {
		parameters = Map.copyOf(parameters);
		if (!SAFE_DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException(
					"Database name '" + database + "' must be 1-63 letters, digits or underscores");
		}
	}

	/**
	 * Parses {@code postgresql://user:password@host:port/database?param=value} ({@code postgres://},
	 * {@code jdbc:postgresql://} and {@code r2dbc:postgresql://} are accepted too).
	 */
	public static DatabaseTarget parse(String url) {
		String stripped = url.trim().replaceFirst("^(jdbc:|r2dbc:)", "");
		URI uri;
		try {
			uri = URI.create(stripped);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + ex.getMessage());
		}
		if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
			throw new IllegalArgumentException(
					"DATABASE_URL must start with postgresql:// (found '" + uri.getScheme() + "://')");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
				}
			}
		}
		String user = parameters.remove("user");
		String password = parameters.remove("password");
		if (uri.getRawUserInfo() != null) {
			String[] userInfo = uri.getRawUserInfo().split(":", 2);
			user = decode(userInfo[0]);
			password = (userInfo.length > 1) ? decode(userInfo[1]) : password;
		}
		String path = (uri.getPath() != null) ? uri.getPath().replaceFirst("^/", "") : "";
		return new DatabaseTarget((uri.getHost() != null) ? uri.getHost() : DatabaseProperties.DEFAULT_HOST,
				(uri.getPort() > 0) ? uri.getPort() : DatabaseProperties.DEFAULT_PORT,
				path.isEmpty() ? DatabaseProperties.DEFAULT_NAME : path,
				(user != null) ? user : DatabaseProperties.DEFAULT_USER,
				(password != null) ? password : DatabaseProperties.DEFAULT_PASSWORD, parameters);
	}

	public DatabaseTarget withDatabase(String otherDatabase) {
		return new DatabaseTarget(this.host, this.port, otherDatabase, this.username, this.password,
				this.parameters);
	}

	public String jdbcUrl() {
		String query = this.parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
		return "jdbc:postgresql://" + hostForUrl() + ":" + this.port + "/" + this.database
				+ (query.isEmpty() ? "" : "?" + query);
	}

	public ConnectionFactoryOptions r2dbcOptions() {
		ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, this.host)
			.option(ConnectionFactoryOptions.PORT, this.port)
			.option(ConnectionFactoryOptions.DATABASE, this.database)
			.option(ConnectionFactoryOptions.USER, this.username)
			.option(ConnectionFactoryOptions.PASSWORD, this.password)
			.option(Option.valueOf("applicationName"), "inkwell");
		this.parameters.forEach((name, value) -> builder
			.option(Option.valueOf(R2DBC_PARAMETER_NAMES.getOrDefault(name, name)), value));
		return builder.build();
	}

	/** For messages: never includes the password. */
	public String describe() {
		return "database '" + this.database + "' on " + hostForUrl() + ":" + this.port + " as user '"
				+ this.username + "'";
	}

	private String hostForUrl() {
		return this.host.contains(":") && !this.host.startsWith("[") ? "[" + this.host + "]" : this.host;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return describe();
	}

}
