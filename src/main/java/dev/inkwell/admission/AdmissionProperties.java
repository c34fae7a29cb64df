package dev.inkwell.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How many GraphQL operations run at once and how many may wait (application.yaml maps the
 * ADMISSION_* variables here).
 *
 * @param maxConcurrent operations executing at once; by default the database pool's size, so that
 * an admitted operation never queues for a connection behind operations that have not started
 * @param writeShare of those, slots that only mutations (logins included) may use, so that reads
 * cannot starve them; by default a quarter, at least one
 * @param queueSize operations that may wait for a slot, per lane (reads, mutations); beyond that a
 * request is shed at once. Large by default (4,096): a client shed at once tends to come straight
 * back, so a queue that holds every waiting client sheds by wait time instead, which paces retries
 * (at 1,024 connections a queue of 1,000 answered some 11,000 immediate sheds a second)
 * @param queueBytes the request bodies all waiting requests may hold together (read before a
 * request is admitted, to tell its lane); beyond that a request is shed at once. 64 MB by default,
 * so that a queue of large bodies cannot exhaust the heap
 * @param queueTimeout longest wait for a slot; then the request is shed
 */
@ConfigurationProperties("inkwell.admission")
public record AdmissionProperties(Integer maxConcurrent, Integer writeShare, Integer queueSize, DataSize queueBytes,
		Duration queueTimeout) {

	/** The settings with their defaults filled in, given the database pool's size. */
	AdmissionProperties resolved(int poolSize) {
		int max = (this.maxConcurrent != null && this.maxConcurrent > 0) ? this.maxConcurrent : Math.max(1, poolSize);
		int share = (this.writeShare != null) ? this.writeShare : Math.max(1, max / 4);
		// A read needs at least one slot of its own; with a single slot, mutations get no reserve.
		share = Math.max(0, Math.min(share, max - 1));
		int queue = (this.queueSize != null && this.queueSize >= 0) ? this.queueSize : 4096;
		DataSize bytes = (this.queueBytes != null) ? this.queueBytes : DataSize.ofMegabytes(64);
		Duration timeout = (this.queueTimeout != null) ? this.queueTimeout : Duration.ofMillis(1500);
		return new AdmissionProperties(max, share, queue, bytes, timeout);
	}

}
