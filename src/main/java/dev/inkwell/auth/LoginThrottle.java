package dev.inkwell.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.ErrorKind;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits login attempts per account and per client address (by default 10 a minute each), in
 * PostgreSQL so that every instance behind a load balancer counts together. Every attempt
 * counts, including each aliased {@code login} of a batched request.
 */
@Component
class LoginThrottle {

	private static final String COUNT = """
			INSERT INTO login_attempts (key, window_start, attempts)
			VALUES (:account, now(), 1), (:address, now(), 1)
			ON CONFLICT (key) DO UPDATE SET
			    attempts = CASE WHEN login_attempts.window_start <= now() - make_interval(secs => :window)
			                    THEN 1 ELSE login_attempts.attempts + 1 END,
			    window_start = CASE WHEN login_attempts.window_start <= now() - make_interval(secs => :window)
			                        THEN now() ELSE login_attempts.window_start END
			RETURNING attempts,
			          extract(epoch FROM window_start + make_interval(secs => :window) - now())::float8 AS seconds_left""";

	private final DatabaseClient db;

	private final int maxAttempts;

	private final Duration window;

	LoginThrottle(DatabaseClient db, @Value("${inkwell.auth.login-attempts-per-window:10}") int maxAttempts,
			@Value("${inkwell.auth.login-window:1m}") Duration window) {
		this.db = db;
		this.maxAttempts = maxAttempts;
		this.window = window;
	}

	/** Counts one attempt; fails with a classified error when the account or address is over the limit. */
	Mono<Void> attempt(String login, String clientAddress) {
		return this.db.sql(COUNT)
			.bind("account", "account:" + login.trim().toLowerCase(Locale.ROOT))
			.bind("address", "address:" + clientAddress)
			.bind("window", (double) this.window.toSeconds())
			.map((row) -> new Count(row.get("attempts", Integer.class), row.get("seconds_left", Double.class)))
			.all()
			.filter((count) -> count.attempts() > this.maxAttempts)
			.next()
			.flatMap((count) -> Mono.error(tooMany(count)))
			.then();
	}

	private ApiException tooMany(Count count) {
		long seconds = Math.max(1, (long) Math.ceil(count.secondsLeft()));
		return new ApiException(ErrorKind.FORBIDDEN,
				"Too many login attempts for this account or from this address; try again in " + seconds + " seconds",
				null, Map.of("code", "RATE_LIMITED", "retryAfterSeconds", seconds));
	}

	/** Forgets windows long past, so the table holds only recent keys. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	void forgetOldWindows() {
		this.db.sql("DELETE FROM login_attempts WHERE window_start < :before")
			.bind("before", OffsetDateTime.now().minus(this.window).minusMinutes(1))
			.then()
			.onErrorComplete()
			.subscribe();
	}

	private record Count(int attempts, double secondsLeft) {
	}

}
