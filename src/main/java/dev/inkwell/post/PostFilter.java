package dev.inkwell.post;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;


/**
 * The {@code PostFilter} input; every condition given must hold.
 *
 * @param search web-search syntax (quoted phrases, {@code -word}, {@code or}); blank means no search
 * @param tags tag names or slugs, matched case-insensitively
 */
public record PostFilter(String authorId, String authorUsername, Boolean published, String search, List<String> tags,
		TagMatch tagMatch, OffsetDateTime createdAfter, OffsetDateTime createdBefore) {

	/** No conditions (a non-null key for batch loading). */
	public static final PostFilter NONE = new PostFilter(null, null, null, null, null, TagMatch.ANY, null, null);

	/** The years a createdAfter or createdBefore may name: those PostgreSQL stores, from the year 1 on. */
	private static final int FIRST_YEAR = 1;

	private static final int LAST_YEAR = 294_275;

	public PostFilter {
		search = (search != null && !search.isBlank()) ? search.trim() : null;
		tags = (tags != null && !tags.isEmpty())
				? tags.stream().map((tag) -> tag.trim().toLowerCase(Locale.ROOT)).distinct().toList() : null;
		tagMatch = (tagMatch != null) ? tagMatch : TagMatch.ANY;
	}

	/**
	 * From the argument as GraphQL gives it (coerced already: enum values by name, DateTime as
	 * {@link OffsetDateTime}), or null when absent. Read by hand: Spring's binding of this record
	 * by reflection was 1.4% of the feed's CPU, once per request.
	 */
	@SuppressWarnings("unchecked")
	static PostFilter from(Map<String, Object> argument) {
		if (argument == null) {
			return null;
		}
		Object tagMatch = argument.get("tagMatch");
		return new PostFilter((String) argument.get("authorId"), (String) argument.get("authorUsername"),
				(Boolean) argument.get("published"), (String) argument.get("search"),
				(List<String>) argument.get("tags"), (tagMatch != null) ? TagMatch.valueOf(tagMatch.toString()) : null,
				(OffsetDateTime) argument.get("createdAfter"), (OffsetDateTime) argument.get("createdBefore"));
	}

	public static PostFilter orNone(PostFilter filter) {
		return (filter != null) ? filter : NONE;
	}

	/** The author's row id, or null; a malformed id is a BAD_REQUEST naming {@code filter.authorId}. */
	Long authorRowId() {
		return (this.authorId != null) ? GlobalId.decode(this.authorId, NodeType.USER, "filter.authorId") : null;
	}

	/** Checks what can be wrong before any SQL runs, so the error names the argument. */
	PostFilter checked() {
		authorRowId();
		if (this.search != null && this.search.length() > 500) {
			throw ApiException.badRequest("filter.search", "'filter.search' may be at most 500 characters");
		}
		if (this.tags != null && this.tags.size() > 20) {
			throw ApiException.badRequest("filter.tags", "'filter.tags' may name at most 20 tags");
		}
		storable(this.createdAfter, "filter.createdAfter");
		storable(this.createdBefore, "filter.createdBefore");
		return this;
	}

	/** DateTime reads years PostgreSQL's timestamps cannot hold (they end in 294276), which fail the statement. */
	private static void storable(OffsetDateTime instant, String field) {
		if (instant != null) {
			int year = instant.atZoneSameInstant(ZoneOffset.UTC).getYear();
			if (year < FIRST_YEAR || year > LAST_YEAR) {
				throw ApiException.badRequest(field, "'" + field + "' must be between the years " + FIRST_YEAR + " and "
						+ LAST_YEAR);
			}
		}
	}

}
