package dev.inkwell.graphql.paging;

import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code totalCount} of every connection type, counted only when selected. */
@Controller
class ConnectionController {

	@SchemaMapping(typeName = "PostConnection")
	CompletableFuture<Long> totalCount(Connection<?> connection, DataFetchingEnvironment environment) {
		return connection.counter().load(environment);
	}

	@SchemaMapping(typeName = "CommentConnection", field = "totalCount")
	CompletableFuture<Long> commentTotalCount(Connection<?> connection, DataFetchingEnvironment environment) {
		return connection.counter().load(environment);
	}

	@SchemaMapping(typeName = "UserConnection", field = "totalCount")
	CompletableFuture<Long> userTotalCount(Connection<?> connection, DataFetchingEnvironment environment) {
		return connection.counter().load(environment);
	}

	@SchemaMapping(typeName = "TagConnection", field = "totalCount")
	CompletableFuture<Long> tagTotalCount(Connection<?> connection, DataFetchingEnvironment environment) {
		return connection.counter().load(environment);
	}

}
