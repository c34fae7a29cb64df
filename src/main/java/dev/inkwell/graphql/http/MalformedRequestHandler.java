package dev.inkwell.graphql.http;

import dev.inkwell.graphql.limits.OperationLimits;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A request to the GraphQL endpoint that cannot be read as a GraphQL request (not JSON, no
 * query, too large) gets a GraphQL-shaped error and HTTP 400 (413 when too large) instead of
 * Spring's generic error page. The reason never echoes parser internals or class names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequestHandler implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(MalformedRequestHandler.class);

	private final String path;

	private final DataSize maxBodySize;

	MalformedRequestHandler(@Value("${spring.graphql.http.path:/graphql}") String path,
			OperationLimits limits) {
		this.path = path;
		this.maxBodySize = limits.maxBodySize();
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!this.path.equals(exchange.getRequest().getPath().value()) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (causedBy(ex, DataBufferLimitException.class)) {
			return GraphQlHttpErrors.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than the limit of " + this.maxBodySize.toKilobytes() + " KB");
		}
		if (ex instanceof ServerWebInputException input) {
			logger.debug("Unreadable GraphQL request", ex);
			String reason = String.valueOf(input.getReason());
			String message = reason.contains("query")
					? "The request has no GraphQL document: send a JSON object with a 'query' string"
					: "The request body is not a valid GraphQL request: send a JSON object with 'query' and optional "
							+ "'variables', 'operationName' and 'extensions'";
			return GraphQlHttpErrors.write(exchange, HttpStatus.BAD_REQUEST, message);
		}
		return Mono.error(ex);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

}
