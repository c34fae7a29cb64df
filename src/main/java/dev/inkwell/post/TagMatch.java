package dev.inkwell.post;

/** Whether a post must carry any or all of the tags a filter names. */
public enum TagMatch {

	ANY, ALL

}
