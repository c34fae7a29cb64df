package dev.inkwell.graphql.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.inkwell.graphql.errors.ApiException;

/**
 * Where a row sits in one ordering of one list: the ordering's name, the row's sort key (as
 * PostgreSQL prints it, so it casts back exactly) and its id, the unique tie-breaker. Base64url
 * on the wire, so clients treat it as opaque; the ordering's name lets a cursor from another
 * ordering be refused instead of silently paging wrong.
 */
public record Cursor(String ordering, String sortKey, long id) {

	private static final String SEPARATOR = "\u001f";

	public String encode() {
		String raw = this.ordering + SEPARATOR + this.id + SEPARATOR + this.sortKey;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/** @param argument the argument it came from ({@code after} or {@code before}), named in errors */
	public static Cursor decode(String value, String argument, String expectedOrdering) {
		Cursor cursor = tryDecode(value);
		if (cursor == null) {
			throw ApiException.badRequest(argument,
					"'" + argument + "' is not a valid cursor; pass back a cursor this list returned");
		}
		if (!cursor.ordering.equals(expectedOrdering)) {
			throw ApiException.badRequest(argument, "'" + argument
					+ "' is a cursor of another list or ordering; use cursors from this list with the same orderBy");
		}
		return cursor;
	}

	private static Cursor tryDecode(String value) {
		if (value == null || value.length() > 1000) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8)
				.split(SEPARATOR, 3);
			return (parts.length == 3) ? new Cursor(parts[0], parts[2], Long.parseLong(parts[1])) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
