package dev.inkwell.graphql.errors;

import java.util.Map;

/**
 * An error meant for the client: a classification, a message a person can act on and, where
 * there is one, the offending input field or argument (reported as {@code extensions.field}).
 */
public class ApiException extends RuntimeException {

	private final ErrorKind kind;

	private final String field;

	private final Map<String, Object> details;

	public ApiException(ErrorKind kind, String message, String field, Map<String, Object> details) {
		super(message, null, false, false);
		this.kind = kind;
		this.field = field;
		this.details = Map.copyOf(details);
	}

	public static ApiException badRequest(String field, String message) {
		return new ApiException(ErrorKind.BAD_REQUEST, message, field, Map.of());
	}

	public static ApiException unauthorized(String message) {
		return new ApiException(ErrorKind.UNAUTHORIZED, message, null, Map.of());
	}

	public static ApiException forbidden(String message) {
		return new ApiException(ErrorKind.FORBIDDEN, message, null, Map.of());
	}

	public static ApiException notFound(String message) {
		return new ApiException(ErrorKind.NOT_FOUND, message, null, Map.of());
	}

	/**
	 * No object of that kind ("post") and id, which is also what an object the viewer may not see (someone
	 * else's draft) is reported as, so that its existence stays secret.
	 */
	public static ApiException notFound(String kind, String id) {
		return notFound("No " + kind + " with id '" + id + "'");
	}

	/** An optimistic-lock conflict: the object is no longer at the version the client read. */
	public static ApiException staleVersion(String kind, int currentVersion) {
		return new ApiException(ErrorKind.CONFLICT, "The " + kind
				+ " was changed since you read it (it is now at version " + currentVersion
				+ "); read it again and reapply your changes", "input.expectedVersion",
				Map.of("currentVersion", currentVersion));
	}

	public static ApiException conflict(String field, String message) {
		return new ApiException(ErrorKind.CONFLICT, message, field, Map.of());
	}

	public ErrorKind kind() {
		return this.kind;
	}

	public String field() {
		return this.field;
	}

	/** Extra machine-readable facts, e.g. the current version on an optimistic-lock conflict. */
	public Map<String, Object> details() {
		return this.details;
	}

}
