package dev.inkwell.graphql.paging;

import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;

/**
 * SQL for keyset paging over one ordering: a sort expression plus the row id as unique
 * tie-breaker, in one direction. Cursor values are bound, never concatenated.
 *
 * @param name the ordering's name, stored in its cursors
 * @param sortExpression SQL of the sort key (trusted: written in code, never from input)
 * @param sqlType the sort key's SQL type, to cast the cursor's printed key back
 * @param idExpression SQL of the row id, the tie-breaker
 */
public record Keyset(String name, String sortExpression, String sqlType, String idExpression, boolean ascending) {

	/** The select-list item that yields each row's printed sort key. */
	public String sortKeyColumn() {
		return "(" + this.sortExpression + ")::text AS sort_key";
	}

	/** {@code AND}-able condition for rows after the page's cursor, or "true"; adds its parameters. */
	public String after(PageRequest page, Map<String, Object> parameters) {
		if (page.cursor() == null) {
			return "true";
		}
		parameters.put("cursorKey", page.cursor().sortKey());
		parameters.put("cursorId", page.cursor().id());
		String comparison = (this.ascending != page.backward()) ? ">" : "<";
		return "(" + this.sortExpression + ", " + this.idExpression + ") " + comparison + " (CAST(:cursorKey AS "
				+ this.sqlType + "), :cursorId)";
	}

	/**
	 * The statement of a top-level page: rows of {@code from} that match {@code where} and follow the
	 * cursor, in reading order, one more than the page holds; adds its parameters.
	 * @param columns the select list, to which the sort key column is added
	 */
	public String pageSql(String columns, String from, String where, PageRequest page, Map<String, Object> parameters) {
		String after = after(page, parameters);
		parameters.put("limit", page.limit() + 1);
		parameters.put("offset", page.offset());
		return "SELECT " + columns + ", " + sortKeyColumn() + " FROM " + from + " WHERE " + where + " AND " + after
				+ " ORDER BY " + orderBy(page) + " LIMIT :limit OFFSET :offset";
	}

	/** ORDER BY items in reading order (reversed when paging backward). */
	public String orderBy(PageRequest page) {
		String direction = (this.ascending != page.backward()) ? "ASC" : "DESC";
		return this.sortExpression + " " + direction + ", " + this.idExpression + " " + direction;
	}

	/** Decodes a cursor of this ordering, refusing a tampered sort key before it reaches SQL as a cast error. */
	public Cursor cursor(String value, String argument) {
		Cursor cursor = Cursor.decode(value, argument, this.name);
		if (!SortKeys.valid(this.sqlType, cursor.sortKey())) {
			throw ApiException.badRequest(argument,
					"'" + argument + "' is not a valid cursor; pass back a cursor this list returned");
		}
		return cursor;
	}

	public String cursor(Keyed<?> row) {
		return new Cursor(this.name, row.sortKey(), row.row().id()).encode();
	}

}
