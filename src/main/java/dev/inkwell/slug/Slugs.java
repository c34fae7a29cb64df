package dev.inkwell.slug;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL slugs made from titles and tag names: lower case, accents folded to ASCII, every other run
 * of characters collapsed to one '-'. The result only ever contains {@code [a-z0-9-]}, which the
 * uniqueness queries rely on.
 */
public final class Slugs {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private Slugs() {
	}

	/**
	 * @param text the title or name
	 * @param maxLength longest slug returned, leaving room for a "-n" suffix when needed
	 * @param fallback returned when the text has no latin letter or digit (e.g. a title in Cyrillic)
	 */
	public static String of(String text, int maxLength, String fallback) {
		String folded = COMBINING_MARKS.matcher(Normalizer.normalize(fold(text), Normalizer.Form.NFKD)).replaceAll("");
		String slug = NOT_SLUG.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
		if (slug.length() > maxLength) {
			slug = slug.substring(0, maxLength);
		}
		slug = trimDashes(slug);
		return slug.isEmpty() ? fallback : slug;
	}

	/** Letters that Unicode does not decompose into a base letter and an accent. */
	private static String fold(String text) {
		return text.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("Æ", "AE")
			.replace("œ", "oe")
			.replace("Œ", "OE")
			.replace("ø", "o")
			.replace("Ø", "O")
			.replace("đ", "d")
			.replace("Đ", "D")
			.replace("ł", "l")
			.replace("Ł", "L")
			.replace("þ", "th")
			.replace("Þ", "TH");
	}

	private static String trimDashes(String slug) {
		int start = 0;
		int end = slug.length();
		while (start < end && slug.charAt(start) == '-') {
			start++;
		}
		while (end > start && slug.charAt(end - 1) == '-') {
			end--;
		}
		return slug.substring(start, end);
	}

}
