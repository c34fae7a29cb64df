package dev.inkwell.graphql.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/** Builds the GraphQL error a client sees for an {@link ApiException}. */
public final class GraphQlErrors {

	private GraphQlErrors() {
	}

	/** @param environment the field the error belongs to, or null for a request-level error */
	public static GraphQLError of(ApiException ex, DataFetchingEnvironment environment) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", ex.kind().name());
		if (ex.field() != null) {
			extensions.put("field", ex.field());
		}
		extensions.putAll(ex.details());
		GraphqlErrorBuilder<?> builder = (environment != null) ? GraphqlErrorBuilder.newError(environment)
				: GraphqlErrorBuilder.newError();
		return builder.errorType(ex.kind()).message(ex.getMessage()).extensions(extensions).build();
	}

	/** A response that refuses the whole request with one error, without executing anything. */
	public static WebGraphQlResponse refuse(WebGraphQlRequest request, ApiException ex) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(of(ex, null)).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
