package dev.inkwell.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;


/** How tag names are written and compared: trimmed, 1 to 50 characters, case-insensitive. */
public final class TagNames {

	public static final int MAX_LENGTH = 50;

	public static final String RULE = "must be 1 to 50 characters after trimming";

	private TagNames() {
	}

	/** The trimmed name, or a BAD_REQUEST naming {@code field}. */
	public static String clean(String name, String field) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
			throw ApiException.badRequest(field, field + " " + RULE);
		}
		return trimmed;
	}

	/**
	 * Trimmed names without case-insensitive duplicates (the first spelling wins), in the order given.
	 * @param field the input field holding the list, e.g. {@code input.tags}
	 */
	public static List<String> cleanAll(List<String> names, String field) {
		Map<String, String> byKey = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = clean(names.get(i), field + "[" + i + "]");
			byKey.putIfAbsent(key(name), name);
		}
		return new ArrayList<>(byKey.values());
	}

	/** What two spellings of one tag have in common (matches the lower(name) unique index). */
	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
