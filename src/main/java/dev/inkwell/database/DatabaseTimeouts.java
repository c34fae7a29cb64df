package dev.inkwell.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Inkwell waits on PostgreSQL (application.yaml maps DB_CONNECT_TIMEOUT and
 * DB_STATEMENT_TIMEOUT here), so that database trouble turns into a quick error instead of a hang.
 *
 * @param connect longest wait for a new connection (R2DBC and the JDBC connections of migrations)
 * @param statement longest a single SQL statement may run; PostgreSQL itself cancels it after that
 * (lock waits included), so the server stops working too, not only Inkwell
 */
@ConfigurationProperties("inkwell.database.timeouts")
public record DatabaseTimeouts(Duration connect, Duration statement) {

	public DatabaseTimeouts {
		connect = (connect != null) ? connect : Duration.ofSeconds(5);
		statement = (statement != null) ? statement : Duration.ofSeconds(5);
	}

}
