package dev.inkwell.graphql;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.inkwell.observability.RequestTelemetry;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The one place where exceptions become classified GraphQL errors. Anything not meant for
 * clients is logged with an id and reaches them as INTERNAL_ERROR carrying only that id.
 */
@Component
class ExceptionClassifier extends DataFetcherExceptionResolverAdapter {

	private static final Log logger = LogFactory.getLog(ExceptionClassifier.class);

	private static final Pattern CONSTRAINT_NAME = Pattern.compile("constraint \"([^\"]+)\"");

	/** Unique constraints a client can run into, and what to tell them. */
	private static final Map<String, ApiException> CONSTRAINT_ERRORS = Map.of(
			"users_username_key", ApiException.conflict("username", "That username is already taken"),
			"users_username_lower_key", ApiException.conflict("username", "That username is already taken"),
			"users_email_key", ApiException.conflict("email", "An account with that email already exists"),
			"users_email_lower_key", ApiException.conflict("email", "An account with that email already exists"),
			"tags_name_key", ApiException.conflict("input.name", "A tag with that name already exists"),
			"tags_name_lower_key", ApiException.conflict("input.name", "A tag with that name already exists"),
			// Only when a regenerated slug races with a post created with that slug at the same moment.
			"posts_slug_key", ApiException.conflict("input.regenerateSlug",
					"Another post took that slug a moment ago; try again"));

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment environment) {
		// What is logged here belongs to the request: its id goes into those log lines.
		try (MDC.MDCCloseable scope = RequestTelemetry.logScope(RequestTelemetry.requestId(environment.getGraphQlContext()))) {
			return classify(ex, environment);
		}
	}

	private List<GraphQLError> classify(Throwable ex, DataFetchingEnvironment environment) {
		if (ex instanceof ApiException api) {
			return List.of(GraphQlErrors.of(api, environment));
		}
		if (ex instanceof ConstraintViolationException violations) {
			return violations.getConstraintViolations()
				.stream()
				.sorted(Comparator.comparing((ConstraintViolation<?> violation) -> violation.getPropertyPath().toString()))
				.map((violation) -> GraphQlErrors.of(invalid(violation), environment))
				.toList();
		}
		if (ex instanceof DataIntegrityViolationException integrity) {
			ApiException known = constraintError(integrity);
			if (known != null) {
				return List.of(GraphQlErrors.of(known, environment));
			}
		}
		if (ex instanceof AbortExecutionException) {
			// The request was cancelled (client gone, or the request timeout): nobody to tell, nothing to log.
			return List.of(GraphQlErrors.of(new ApiException(ErrorKind.INTERNAL_ERROR, "The request was cancelled",
					null, Map.of()), environment));
		}
		ApiException database = DatabaseErrors.classify(ex, environment.getExecutionStepInfo().getPath());
		if (database != null) {
			return List.of(GraphQlErrors.of(database, environment));
		}
		String errorId = UUID.randomUUID().toString();
		logger.error("Internal error " + errorId + " in " + environment.getExecutionStepInfo().getPath(), ex);
		return List.of(GraphQlErrors.of(new ApiException(ErrorKind.INTERNAL_ERROR,
				"Internal error; quote id " + errorId + " when reporting it", null, Map.of("errorId", errorId)),
				environment));
	}

	/** A bean-validation failure on an argument, named by its path without the method name. */
	private static ApiException invalid(ConstraintViolation<?> violation) {
		StringBuilder field = new StringBuilder();
		int index = 0;
		for (Path.Node node : violation.getPropertyPath()) {
			if (index++ == 0) {
				continue;
			}
			if (node.getIndex() != null) {
				field.append('[').append(node.getIndex()).append(']');
			}
			if (node.getName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		return ApiException.badRequest(field.toString(), field + " " + violation.getMessage());
	}

	private static ApiException constraintError(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			Matcher matcher = CONSTRAINT_NAME.matcher(String.valueOf(cause.getMessage()));
			if (matcher.find() && CONSTRAINT_ERRORS.containsKey(matcher.group(1))) {
				return CONSTRAINT_ERRORS.get(matcher.group(1));
			}
		}
		return null;
	}

}
