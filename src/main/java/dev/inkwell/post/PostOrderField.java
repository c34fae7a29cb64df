package dev.inkwell.post;

public enum PostOrderField {

	CREATED_AT, PUBLISHED_AT, TITLE, RELEVANCE

}
