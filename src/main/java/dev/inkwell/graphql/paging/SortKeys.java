package dev.inkwell.graphql.paging;

import dev.inkwell.graphql.input.StorableTextInstrumentation;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a cursor's sort key is a value PostgreSQL casts back to its type. A cursor is handed to
 * clients, who may edit it: a key that matches the printed form but names no value (month 13, a
 * year past PostgreSQL's range, a real number that overflows) must be refused here, as a
 * BAD_REQUEST, not fail the statement.
 */
final class SortKeys {

	/** As PostgreSQL prints timestamptz in the ISO date style, e.g. {@code 2026-11-25 10:00:00.123456+00}. */
	private static final Pattern TIMESTAMPTZ = Pattern.compile(
			"(\\d{4,6})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,6})?([+-])(\\d{2})(?::(\\d{2}))?(?::(\\d{2}))?");

	private static final Pattern BIGINT = Pattern.compile("-?\\d{1,18}");

	private static final Pattern REAL = Pattern.compile("-?\\d{1,40}(\\.\\d{1,40})?([eE][+-]?\\d{1,2})?");

	/** PostgreSQL's timestamps end in the year 294276. */
	private static final int LAST_YEAR = 294_275;

	private SortKeys() {
	}

	static boolean valid(String sqlType, String key) {
		return switch (sqlType) {
			case "timestamptz" -> key.equals("-infinity") || key.equals("infinity") || timestamp(key);
			case "bigint" -> BIGINT.matcher(key).matches();
			case "real" -> real(key);
			default -> StorableTextInstrumentation.isStorable(key);
		};
	}

	private static boolean timestamp(String key) {
		Matcher m = TIMESTAMPTZ.matcher(key);
		if (!m.matches()) {
			return false;
		}
		try {
			int year = Integer.parseInt(m.group(1));
			LocalDateTime.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
					Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
			int offsetHours = Integer.parseInt(m.group(9));
			boolean offsetOk = offsetHours <= 15 && (m.group(10) == null || Integer.parseInt(m.group(10)) < 60)
					&& (m.group(11) == null || Integer.parseInt(m.group(11)) < 60);
			return year >= 1 && year <= LAST_YEAR && offsetOk;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/** A finite real that is zero or within PostgreSQL's range for real (about 1e-37 to 3.4e38). */
	private static boolean real(String key) {
		if (!REAL.matcher(key).matches()) {
			return false;
		}
		double value = Math.abs(Double.parseDouble(key));
		return value == 0 ? key.replaceAll("[eE].*", "").chars().noneMatch((c) -> c >= '1' && c <= '9')
				: value >= 1e-37 && value <= Float.MAX_VALUE;
	}

}
