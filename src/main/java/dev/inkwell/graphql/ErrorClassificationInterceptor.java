package dev.inkwell.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives the errors graphql-java raises itself (syntax, validation, aborted execution) one of
 * Inkwell's classifications, keeping graphql-java's own as {@code extensions.reason}. Data
 * fetcher errors are classified where they arise ({@link ExceptionClassifier}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)   // inside the observation interceptor, which reports classified errors
class ErrorClassificationInterceptor implements WebGraphQlInterceptor {

	private static final Set<String> OURS = Set.of(ErrorKind.BAD_REQUEST.name(), ErrorKind.UNAUTHORIZED.name(),
			ErrorKind.FORBIDDEN.name(), ErrorKind.NOT_FOUND.name(), ErrorKind.CONFLICT.name(),
			ErrorKind.INTERNAL_ERROR.name());

	/** graphql-java's classifications of a request the client got wrong. */
	private static final Set<String> CLIENT_MISTAKES = Set.of("InvalidSyntax", "ValidationError",
			"OperationNotSupported", "ExecutionAborted", "IntrospectionDisabled", "BadFaithIntrospection");

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map((response) -> response.getErrors().stream().allMatch(this::isOurs) ? response
				: response.transform((builder) -> builder.errors(reclassified(response.getErrors()))));
	}

	private boolean isOurs(ResponseError error) {
		return OURS.contains(classification(error));
	}

	private List<GraphQLError> reclassified(List<ResponseError> errors) {
		return errors.stream().map((error) -> isOurs(error) ? toGraphQlError(error, null) : toGraphQlError(error,
				CLIENT_MISTAKES.contains(classification(error)) ? ErrorKind.BAD_REQUEST : ErrorKind.INTERNAL_ERROR))
			.toList();
	}

	private static GraphQLError toGraphQlError(ResponseError error, ErrorKind reclassified) {
		Map<String, Object> extensions = new LinkedHashMap<>(error.getExtensions());
		ErrorKind kind = (reclassified != null) ? reclassified : ErrorKind.valueOf(classification(error));
		if (reclassified != null) {
			extensions.put("reason", classification(error));
		}
		extensions.put("classification", kind.name());
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.errorType(kind)
			.message(error.getMessage())
			.extensions(extensions);
		// Request-level errors (e.g. an unknown operation name) have neither locations nor a path.
		List<SourceLocation> locations = error.getLocations();
		if (locations != null && !locations.isEmpty()) {
			builder.locations(locations);
		}
		if (error.getParsedPath() != null && !error.getParsedPath().isEmpty()) {
			builder.path(error.getParsedPath());
		}
		return builder.build();
	}

	private static String classification(ResponseError error) {
		Object value = error.getExtensions().get("classification");
		return (value != null) ? value.toString() : String.valueOf(error.getErrorType());
	}

}
