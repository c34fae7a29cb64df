package dev.inkwell.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.ErrorKind;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rate limits on everything that hashes or checks a password, counted in PostgreSQL so that every
 * instance behind a load balancer counts together; each aliased operation of a request counts.
 * <ul>
 * <li>Per client address: {@code login} (and every other password check, such as updateMe's
 * {@code currentPassword}) and {@code register}, each N a minute.</li>
 * <li>Per account: failed password checks, from wherever they come. Once an account is over the
 * limit, only addresses its owner signed in from before may still try, so a guesser spread over
 * many addresses gets a bounded number of guesses while the owner is not locked out from home.</li>
 * </ul>
 */
@Component
class LoginThrottle {

	/** What an address is counted for, each with its own limit. */
	enum Action {
		LOGIN, REGISTER
	}

	private static final String COUNT = """
			INSERT INTO login_attempts (key, window_start, attempts)
			VALUES (:key, now(), 1)
			ON CONFLICT (key) DO UPDATE SET
			    attempts = CASE WHEN login_attempts.window_start <= now() - make_interval(secs => :window)
			                    THEN 1 ELSE login_attempts.attempts + 1 END,
			    window_start = CASE WHEN login_attempts.window_start <= now() - make_interval(secs => :window)
			                        THEN now() ELSE login_attempts.window_start END
			RETURNING attempts,
			          extract(epoch FROM window_start + make_interval(secs => :window) - now())::float8 AS seconds_left""";

	private final DatabaseClient db;

	private final int loginsPerAddress;

	private final int registrationsPerAddress;

	private final Duration window;

	private final int failuresPerAccount;

	private final Duration accountWindow;

	private final Duration knownAddressTtl;

	LoginThrottle(DatabaseClient db, @Value("${inkwell.auth.login-attempts-per-window:10}") int loginsPerAddress,
			@Value("${inkwell.auth.register-attempts-per-window:10}") int registrationsPerAddress,
			@Value("${inkwell.auth.login-window:1m}") Duration window,
			@Value("${inkwell.auth.login-failures-per-account:20}") int failuresPerAccount,
			@Value("${inkwell.auth.login-account-window:15m}") Duration accountWindow,
			@Value("${inkwell.auth.known-address-ttl:90d}") Duration knownAddressTtl) {
		this.db = db;
		this.loginsPerAddress = loginsPerAddress;
		this.registrationsPerAddress = registrationsPerAddress;
		this.window = window;
		this.failuresPerAccount = failuresPerAccount;
		this.accountWindow = accountWindow;
		this.knownAddressTtl = knownAddressTtl;
	}

	/** Counts one attempt from the address; fails with a classified error when it is over the limit. */
	Mono<Void> attempt(Action action, String clientAddress) {
		int limit = (action == Action.REGISTER) ? this.registrationsPerAddress : this.loginsPerAddress;
		return count(action.name().toLowerCase() + ":" + clientAddress, this.window)
			.filter((count) -> count.attempts() > limit)
			.flatMap((count) -> Mono.error(tooMany(count.secondsLeft(), (action == Action.REGISTER)
					? "Too many sign-ups from this address" : "Too many login attempts from this address")));
	}

	/**
	 * Refuses a password check for an account that is over its failure limit, unless the request
	 * comes from an address the owner signed in from.
	 */
	Mono<Void> checkAccount(long userId, String clientAddress) {
		return this.db.sql("""
				SELECT a.attempts,
				       extract(epoch FROM a.window_start + make_interval(secs => :window) - now())::float8 AS seconds_left,
				       EXISTS (SELECT 1 FROM login_known_addresses k WHERE k.user_id = :userId AND k.address = :address
				               AND k.last_login_at > now() - make_interval(secs => :knownFor)) AS known
				FROM login_attempts a
				WHERE a.key = :key AND a.window_start > now() - make_interval(secs => :window)""")
			.bind("key", accountKey(userId))
			.bind("window", (double) this.accountWindow.toSeconds())
			.bind("userId", userId)
			.bind("address", clientAddress)
			.bind("knownFor", (double) this.knownAddressTtl.toSeconds())
			.map((row) -> new AccountCount(row.get("attempts", Integer.class), row.get("seconds_left", Double.class),
					row.get("known", Boolean.class)))
			.one()
			.filter((count) -> count.failures() >= this.failuresPerAccount && !count.knownAddress())
			.flatMap((count) -> Mono.error(tooMany(count.secondsLeft(),
					"Too many failed logins for this account from unfamiliar addresses")));
	}

	/** A wrong password for the account. */
	Mono<Void> failed(long userId) {
		return count(accountKey(userId), this.accountWindow).then();
	}

	/** A right password: the address becomes one the owner is never locked out from. */
	Mono<Void> succeeded(long userId, String clientAddress) {
		return this.db.sql("""
				INSERT INTO login_known_addresses (user_id, address) VALUES (:userId, :address)
				ON CONFLICT (user_id, address) DO UPDATE SET last_login_at = now()""")
			.bind("userId", userId)
			.bind("address", clientAddress)
			.then();
	}

	private Mono<Count> count(String key, Duration window) {
		return this.db.sql(COUNT)
			.bind("key", key)
			.bind("window", (double) window.toSeconds())
			.map((row) -> new Count(row.get("attempts", Integer.class), row.get("seconds_left", Double.class)))
			.one();
	}

	private static String accountKey(long userId) {
		return "account:" + userId;
	}

	private static ApiException tooMany(double secondsLeft, String what) {
		long seconds = Math.max(1, (long) Math.ceil(secondsLeft));
		return new ApiException(ErrorKind.FORBIDDEN, what + "; try again in " + seconds + " seconds", null,
				Map.of("code", "RATE_LIMITED", "retryAfterSeconds", seconds));
	}

	/** Forgets windows long past and addresses not used for long, so the tables hold only what matters. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	void forgetOldWindows() {
		Duration longest = (this.window.compareTo(this.accountWindow) > 0) ? this.window : this.accountWindow;
		this.db.sql("DELETE FROM login_attempts WHERE window_start < :before")
			.bind("before", OffsetDateTime.now().minus(longest).minusMinutes(1))
			.then()
			.then(this.db.sql("DELETE FROM login_known_addresses WHERE last_login_at < :before")
				.bind("before", OffsetDateTime.now().minus(this.knownAddressTtl))
				.then())
			.onErrorComplete()
			.subscribe();
	}

	private record Count(int attempts, double secondsLeft) {
	}

	private record AccountCount(int failures, double secondsLeft, boolean knownAddress) {
	}

}
