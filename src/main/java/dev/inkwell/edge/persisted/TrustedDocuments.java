package dev.inkwell.edge.persisted;

import dev.inkwell.edge.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import dev.inkwell.startup.StartupProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The operations of first-party apps, from a manifest in Apollo's format
 * ({@code @apollo/generate-persisted-query-manifest}): always known, never evicted. A request may
 * name one by its id (sent as {@code extensions.persistedQuery.sha256Hash}) or send its exact body.
 */
final class TrustedDocuments {

	static final TrustedDocuments NONE = new TrustedDocuments(Map.of(), Map.of());

	private final Map<String, String> bodiesById;

	private final Map<String, String> bodiesByHash;

	private TrustedDocuments(Map<String, String> bodiesById, Map<String, String> bodiesByHash) {
		this.bodiesById = bodiesById;
		this.bodiesByHash = bodiesByHash;
	}

	/** The manifest at {@code location} (a path, or a {@code classpath:}/{@code file:} URL); refuses to start on a bad one. */
	static TrustedDocuments load(String location) {
		if (location.isEmpty()) {
			return NONE;
		}
		Resource resource = new DefaultResourceLoader().getResource(location.contains(":") ? location : "file:" + location);
		JsonNode manifest;
		try (InputStream in = resource.getInputStream()) {
			manifest = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException | JacksonException ex) {
			throw new StartupProblem("The persisted operations manifest " + location + " cannot be read: " + ex.getMessage(),
					"Point PERSISTED_OPERATIONS_MANIFEST at a readable JSON file, as @apollo/generate-persisted-query-manifest writes it.");
		}
		if (!"apollo-persisted-query-manifest".equals(manifest.path("format").asString(null))
				|| manifest.path("version").asInt(0) != 1 || !manifest.path("operations").isArray()) {
			throw new StartupProblem("The persisted operations manifest " + location
					+ " is not in Apollo's format (format \"apollo-persisted-query-manifest\", version 1, operations)",
					"Generate it with @apollo/generate-persisted-query-manifest, or fix PERSISTED_OPERATIONS_MANIFEST.");
		}
		Map<String, String> byId = new HashMap<>();
		Map<String, String> byHash = new HashMap<>();
		for (JsonNode operation : manifest.path("operations")) {
			String id = operation.path("id").asString(null);
			String body = operation.path("body").asString(null);
			if (id == null || id.isBlank() || body == null || body.isBlank()) {
				throw new StartupProblem("An operation of the persisted operations manifest " + location
						+ " has no id or no body", "Every operation needs \"id\" and \"body\".");
			}
			byId.put(id, body);
			byHash.put(Sha256.hex(body), body);
		}
		return new TrustedDocuments(Map.copyOf(byId), Map.copyOf(byHash));
	}

	/** The body of the operation with this id, or null. */
	String byId(String id) {
		return this.bodiesById.get(id);
	}

	/** Whether this exact document is one of the manifest's operations. */
	boolean contains(String document, String sha256) {
		return document.equals(this.bodiesByHash.get(sha256));
	}

	int size() {
		return this.bodiesById.size();
	}

}
