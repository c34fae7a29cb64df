package dev.inkwell.database;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code readReplicas} in the health endpoint, one component per replica ({@code replica-1}, …):
 * UP while it serves reads, LAGGING when it answers but is further behind than REPLICA_MAX_LAG, and
 * UNREACHABLE when it does not answer. Neither of the last two is DOWN: a replica out of use costs
 * the primary some reads, it does not make this instance unfit to serve (nor is it part of
 * readiness). Details (shown with management.endpoint.health.show-details) say how far behind.
 */
@Configuration(proxyBeanMethods = false)
class ReadReplicasHealth {

	static final Status LAGGING = new Status("LAGGING");

	static final Status UNREACHABLE = new Status("UNREACHABLE");

	@Bean
	CompositeHealthContributor readReplicas(ReplicaMonitor monitor) {
		Map<String, HealthIndicator> replicas = new LinkedHashMap<>();
		List<ReadReplica> all = monitor.replicas();
		for (int i = 0; i < all.size(); i++) {
			ReadReplica replica = all.get(i);
			replicas.put("replica-" + (i + 1), () -> health(replica, monitor.maxLag()));
		}
		if (replicas.isEmpty()) {
			replicas.put("none", () -> Health.up().withDetail("replicas", "none configured (DATABASE_REPLICA_URLS)").build());
		}
		return CompositeHealthContributor.fromMap(replicas);
	}

	private static Health health(ReadReplica replica, Duration maxLag) {
		Instant now = Instant.now();
		ReadReplica.State state = replica.state();
		Health.Builder health = Health
			.status(replica.serves(-1, maxLag, now) ? Status.UP : state.up() ? LAGGING : UNREACHABLE)
			.withDetail("server", replica.name());
		if (state.replayed() >= 0) {
			health.withDetail("replayPosition", Long.toHexString(state.replayed() >>> 32).toUpperCase() + "/"
					+ Long.toHexString(state.replayed() & 0xFFFFFFFFL).toUpperCase());
		}
		if (state.freshAsOf() != null) {
			health.withDetail("lagMillis", Duration.between(state.freshAsOf(), now).toMillis());
		}
		if (state.problem() != null) {
			health.withDetail("problem", state.problem());
		}
		return health.build();
	}

}
