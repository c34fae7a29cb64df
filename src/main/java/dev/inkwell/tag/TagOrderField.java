package dev.inkwell.tag;

public enum TagOrderField {

	NAME, POST_COUNT

}
