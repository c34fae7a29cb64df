package dev.inkwell.graphql.node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import dev.inkwell.graphql.batch.BatchKey;

import dev.inkwell.graphql.errors.ApiException;
import reactor.core.publisher.Mono;

/**
 * A global, opaque object id: base64url of {@code Type:rowId}. Clients treat it as opaque; the
 * server can tell from it which table to read. It is also the key of the node loader.
 */
public record GlobalId(NodeType type, long rowId) implements BatchKey<Object> {

	public String encode() {
		return encode(this.type, this.rowId);
	}

	public static String encode(NodeType type, long rowId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type.typeName() + ":" + rowId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What a delete mutation answers: the global id of the row {@code deletion} deleted, or, when it
	 * deleted none, NOT_FOUND naming the {@code id} the client sent.
	 */
	public static Mono<String> deleted(NodeType type, String id, Mono<Long> deletion) {
		return deletion.map((rowId) -> encode(type, rowId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound(type.typeName().toLowerCase(Locale.ROOT), id)));
	}

	/**
	 * Decodes an id of any node type.
	 * @param argument the argument or input field the id came from, named in the error
	 */
	public static GlobalId decode(String id, String argument) {
		GlobalId decoded = tryDecode(id);
		if (decoded == null) {
			throw ApiException.badRequest(argument, "'" + argument + "' is not a valid id");
		}
		return decoded;
	}

	/** Decodes an id that must be of the given type. */
	public static long decode(String id, NodeType expected, String argument) {
		GlobalId decoded = decode(id, argument);
		if (decoded.type != expected) {
			throw ApiException.badRequest(argument,
					"'" + argument + "' must be the id of a " + expected.typeName() + ", not of a "
							+ decoded.type.typeName());
		}
		return decoded.rowId;
	}

	private static GlobalId tryDecode(String id) {
		if (id == null || id.length() > 100) {
			return null;
		}
		String raw;
		try {
			raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = raw.indexOf(':');
		if (colon < 0) {
			return null;
		}
		NodeType type = NodeType.ofTypeName(raw.substring(0, colon));
		String digits = raw.substring(colon + 1);
		if (type == null || digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return new GlobalId(type, Long.parseLong(digits));
	}

}
