package dev.inkwell.graphql.errors;

import graphql.ErrorClassification;

/** The classifications every Inkwell error carries in {@code extensions.classification}. */
public enum ErrorKind implements ErrorClassification {

	BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, INTERNAL_ERROR

}
