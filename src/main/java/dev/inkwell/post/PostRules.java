package dev.inkwell.post;

/** The validation messages the post inputs share. */
final class PostRules {

	static final String TITLE = "must be 1 to 200 characters";

	static final String EXCERPT = "must be at most 300 characters";

	static final String TAGS = "must name at most 10 tags";

	private PostRules() {
	}

}
