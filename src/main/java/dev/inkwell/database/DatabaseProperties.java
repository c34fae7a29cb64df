package dev.inkwell.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the database is, as the operator configured it (application.yaml maps DATABASE_URL and
 * the DB_* variables here). Everything else (R2DBC options, Flyway's JDBC URL) is derived from
 * this one source.
 *
 * @param url a {@code postgresql://user:password@host:port/db?sslmode=...} URL
 * @param host overrides the URL's host; setting only this is enough to count as configured
 * @param name overrides the URL's database name (the tests use this for their own database)
 * @param embeddedDirectory where the embedded PostgreSQL keeps its data
 */
@ConfigurationProperties("inkwell.database")
public record DatabaseProperties(String url, String host, Integer port, String name, String username,
		String password, Path embeddedDirectory) {

	static final String DEFAULT_HOST = "127.0.0.1";

	static final int DEFAULT_PORT = 5432;

	static final String DEFAULT_NAME = "inkwell";

	static final String DEFAULT_USER = "postgres";

	static final String DEFAULT_PASSWORD = "postgres";

	public DatabaseProperties {
		embeddedDirectory = (embeddedDirectory != null) ? embeddedDirectory : Path.of("data", "postgres");
	}

	/** Whether the operator named a server; if not, Inkwell looks on localhost, then embeds one. */
	boolean configured() {
		return StringUtils.hasText(this.url) || StringUtils.hasText(this.host);
	}

	/**
	 * Whether the server and the credentials were all given (DATABASE_URL with user and password,
	 * or DB_HOST with DB_USER and DB_PASSWORD), as the prod profile requires: no default filled in.
	 */
	boolean fullyConfigured() {
		if (!configured()) {
			return false;
		}
		DatabaseTarget url = StringUtils.hasText(this.url) ? DatabaseTarget.parse(this.url) : null;
		boolean user = StringUtils.hasText(this.username) || (url != null && hasUser(this.url));
		boolean password = StringUtils.hasText(this.password) || (url != null && hasPassword(this.url));
		return user && password;
	}

	private static boolean hasUser(String url) {
		return url.matches("(?s)[a-z:]*//[^/@]+@.*") || url.matches("(?s).*[?&]user=.+");
	}

	private static boolean hasPassword(String url) {
		return url.matches("(?s)[a-z:]*//[^/@:]+:[^/@]+@.*") || url.matches("(?s).*[?&]password=.+");
	}

	/** The configured target, with the defaults filled in for whatever was not given. */
	DatabaseTarget target() {
		DatabaseTarget base = StringUtils.hasText(this.url) ? DatabaseTarget.parse(this.url)
				: new DatabaseTarget(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_NAME, DEFAULT_USER, DEFAULT_PASSWORD,
						java.util.Map.of());
		return new DatabaseTarget(StringUtils.hasText(this.host) ? this.host : base.host(),
				(this.port != null) ? this.port : base.port(),
				StringUtils.hasText(this.name) ? this.name : base.database(),
				StringUtils.hasText(this.username) ? this.username : base.username(),
				(this.password != null && !this.password.isEmpty()) ? this.password : base.password(),
				base.parameters());
	}

}
