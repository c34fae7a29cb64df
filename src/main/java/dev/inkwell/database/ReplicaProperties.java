package dev.inkwell.database;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read replicas (application.yaml maps DATABASE_REPLICA_URLS, REPLICA_MAX_LAG and
 * REPLICA_CHECK_INTERVAL here).
 *
 * @param urls {@code postgresql://} URLs of streaming standbys of the primary; a URL without a
 * database name means the primary's database
 * @param maxLag how old the data a reader is served may be at most; a replica further behind is
 * skipped
 * @param checkInterval how often each replica's replay position (and the primary's) is read
 */
@ConfigurationProperties("inkwell.database.replicas")
public record ReplicaProperties(List<String> urls, Duration maxLag, Duration checkInterval) {

	public ReplicaProperties {
		urls = (urls != null) ? urls.stream().map(String::trim).filter((url) -> !url.isEmpty()).toList() : List.of();
		maxLag = (maxLag != null) ? maxLag : Duration.ofSeconds(5);
		checkInterval = (checkInterval != null) ? checkInterval : Duration.ofMillis(500);
	}

	/** The replicas' targets; credentials and database default to the primary's. */
	List<DatabaseTarget> targets(DatabaseTarget primary) {
		return this.urls.stream().map((url) -> {
			DatabaseTarget parsed = DatabaseTarget.parse(url);
			boolean namesDatabase = url.replaceFirst("^[a-z:]*//[^/]*", "").replaceFirst("\\?.*", "").length() > 1;
			boolean namesUser = url.replaceFirst("^[a-z:]*//", "").replaceFirst("/.*", "").contains("@");
			return new DatabaseTarget(parsed.host(), parsed.port(), namesDatabase ? parsed.database() : primary.database(),
					namesUser ? parsed.username() : primary.username(), namesUser ? parsed.password() : primary.password(),
					parsed.parameters().isEmpty() ? primary.parameters() : parsed.parameters());
		}).toList();
	}

}
