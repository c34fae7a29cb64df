package dev.inkwell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follows a list page by page for as many pages as it must take, failing (instead of looping
 * forever) when a page says there is more after the last one should have come.
 */
public final class Paging {

	private Paging() {
	}

	/** One page: its items, whether another follows, and the cursor to ask for it. */
	public record Page(List<String> items, boolean more, String cursor) {
	}

	/**
	 * The items of all pages, in the order read, asserting that there were exactly {@code pages}.
	 * @param fetch the page after the given cursor (null for the first page)
	 */
	public static List<String> follow(int pages, Function<String, Page> fetch) {
		List<String> all = new ArrayList<>();
		String cursor = null;
		for (int read = 1; read <= pages; read++) {
			Page page = fetch.apply(cursor);
			all.addAll(page.items());
			if (!page.more()) {
				assertThat(read).as("pages read before the list said it ended; items " + all).isEqualTo(pages);
				return all;
			}
			cursor = page.cursor();
		}
		throw new AssertionError("the list still had more after " + pages + " pages; items so far " + all);
	}

}
