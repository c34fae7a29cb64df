package dev.inkwell.edge.persisted;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param manifest PERSISTED_OPERATIONS_MANIFEST: a file (or {@code classpath:} resource) in Apollo's
 * persisted query manifest format; empty for none
 * @param onlyPersisted ONLY_PERSISTED_OPERATIONS: refuse every document not in the manifest
 * @param maxEntries the most automatic persisted queries kept
 * @param maxSize the most document text kept for automatic persisted queries
 */
@ConfigurationProperties("inkwell.persisted-operations")
record PersistedOperationsSettings(String manifest, boolean onlyPersisted, int maxEntries, DataSize maxSize) {

	PersistedOperationsSettings {
		manifest = (manifest != null) ? manifest.trim() : "";
		maxEntries = (maxEntries > 0) ? maxEntries : 10_000;
		maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(20);
	}

}
