package dev.inkwell.comment;

public enum CommentOrderField {

	CREATED_AT

}
