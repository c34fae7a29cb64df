package dev.inkwell.graphql.http;

import java.util.ArrayList;
import java.util.List;

import dev.inkwell.admission.AdmissionGate.Lane;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells from a raw POST body whether it asks for a mutation (the write lane) or not (the read
 * lane), before anything is parsed: a streaming pass over the JSON picks out {@code query} and
 * {@code operationName}, and a scan of the document's top level finds the chosen operation's
 * keyword (strings, block strings and comments skipped, so a read mentioning "mutation" in an
 * argument stays a read). A batched array is a mutation if any of its operations is. Anything
 * unreadable is a read; the executor reports what is wrong with it. A persisted operation sent by
 * its hash alone has no text to scan: {@link StoredOperationLanes} looks up its stored document.
 */
final class RequestLane {

	private static final JsonMapper json = JsonMapper.builder().build();

	private RequestLane() {
	}

	static Lane of(byte[] body) {
		return read(body).mutation() ? Lane.WRITE : Lane.READ;
	}

	/**
	 * What a body says of its lane without looking anything up: whether it sends a mutation, and
	 * the hash-only persisted operations whose stored documents decide the rest.
	 */
	static Reading read(byte[] body) {
		List<StoredOperation> stored = new ArrayList<>();
		try (JsonParser parser = json.createParser(body)) {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.START_OBJECT) {
				return new Reading(isMutation(parser, stored), stored);
			}
			boolean mutation = false;
			if (token == JsonToken.START_ARRAY) {
				while (parser.nextToken() == JsonToken.START_OBJECT) {
					mutation |= isMutation(parser, stored);
				}
			}
			return new Reading(mutation, stored);
		}
		catch (JacksonException ex) {
			return new Reading(false, List.of());
		}
	}

	/**
	 * A body's lane as far as its text tells it.
	 * @param stored hash-only persisted operations (no document in the body): a mutation among them
	 * takes the write lane too, which only their stored documents can tell
	 */
	record Reading(boolean mutation, List<StoredOperation> stored) {
	}

	/** A persisted operation sent by id alone, and the name of the operation to run in its document. */
	record StoredOperation(String id, String operationName) {
	}

	/** Reads one request object, the parser standing on its START_OBJECT. */
	private static boolean isMutation(JsonParser parser, List<StoredOperation> stored) {
		String query = null;
		String operationName = null;
		String persistedId = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_STRING && "query".equals(property)) {
				query = parser.getString();
			}
			else if (value == JsonToken.VALUE_STRING && "operationName".equals(property)) {
				operationName = parser.getString();
			}
			else if (value == JsonToken.START_OBJECT && "extensions".equals(property)) {
				persistedId = persistedId(parser);
			}
			else {
				parser.skipChildren();
			}
		}
		if ((query == null || query.isBlank()) && persistedId != null) {
			stored.add(new StoredOperation(persistedId, operationName));
		}
		return query != null && isMutation(query, operationName);
	}

	/** {@code extensions.persistedQuery.sha256Hash}, the parser standing on the extensions' START_OBJECT. */
	private static String persistedId(JsonParser parser) {
		String id = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String property = parser.currentName();
			if (parser.nextToken() == JsonToken.START_OBJECT && "persistedQuery".equals(property)) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String field = parser.currentName();
					if (parser.nextToken() == JsonToken.VALUE_STRING && "sha256Hash".equals(field)) {
						id = parser.getString();
					}
					else {
						parser.skipChildren();
					}
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return id;
	}

	/**
	 * Whether the operation the request runs is a mutation: the one named {@code operationName},
	 * or the only one. Follows GraphQL's lexical grammar only as far as finding top-level keywords
	 * and operation names needs.
	 */
	static boolean isMutation(String document, String operationName) {
		int depth = 0;
		int operations = 0;
		boolean lastIsMutation = false;
		boolean inHeader = false; // between a top-level keyword and its selection set
		boolean expectName = false; // right after query/mutation/subscription
		int length = document.length();
		int i = 0;
		while (i < length) {
			char c = document.charAt(i);
			if (c == '#') {
				while (i < length && document.charAt(i) != '\n' && document.charAt(i) != '\r') {
					i++;
				}
			}
			else if (c == '"') {
				i = skipString(document, i);
			}
			else if (isNameStart(c)) {
				int start = i;
				while (i < length && isNamePart(document.charAt(i))) {
					i++;
				}
				if (depth == 0) {
					String name = document.substring(start, i);
					if (!inHeader && (name.equals("query") || name.equals("mutation") || name.equals("subscription"))) {
						operations++;
						lastIsMutation = name.equals("mutation");
						inHeader = true;
						expectName = true;
					}
					else if (!inHeader && name.equals("fragment")) {
						inHeader = true;
					}
					else if (expectName) {
						if (name.equals(operationName)) {
							return lastIsMutation;
						}
						expectName = false;
					}
				}
			}
			else {
				if (depth == 0 && c == '{') {
					if (!inHeader) {
						operations++; // an anonymous query: { ... }
						lastIsMutation = false;
					}
					inHeader = false;
				}
				if (c == '{' || c == '(' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ')' || c == ']') {
					depth = Math.max(0, depth - 1);
				}
				if (!Character.isWhitespace(c) && c != ',') {
					expectName = false;
				}
				i++;
			}
		}
		return operationName == null && operations == 1 && lastIsMutation;
	}

	private static int skipString(String document, int quote) {
		int length = document.length();
		if (document.startsWith("\"\"\"", quote)) {
			int i = quote + 3;
			while (i < length) {
				if (document.startsWith("\\\"\"\"", i)) {
					i += 4;
				}
				else if (document.startsWith("\"\"\"", i)) {
					return i + 3;
				}
				else {
					i++;
				}
			}
			return length;
		}
		int i = quote + 1;
		while (i < length) {
			char c = document.charAt(i);
			if (c == '\\') {
				i += 2;
			}
			else if (c == '"' || c == '\n' || c == '\r') {
				return i + 1;
			}
			else {
				i++;
			}
		}
		return length;
	}

	private static boolean isNameStart(char c) {
		return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	private static boolean isNamePart(char c) {
		return isNameStart(c) || (c >= '0' && c <= '9');
	}

}
