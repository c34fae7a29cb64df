package dev.inkwell.graphql.limits;

import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.errors.ErrorKind;
import dev.inkwell.graphql.errors.GraphQlErrors;
import graphql.parser.ParserOptions;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Limits on the query text, checked before it is parsed: its length here, its number of tokens
 * by graphql-java's parser (which stops counting, and parsing, at the limit).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DocumentLimitsInterceptor implements WebGraphQlInterceptor {

	private final OperationLimits limits;

	private final ParserOptions parserOptions;

	DocumentLimitsInterceptor(OperationLimits limits) {
		this.limits = limits;
		this.parserOptions = limits.parserOptions();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		int length = request.getDocument().length();
		if (length > this.limits.maxDocumentLength()) {
			ApiException tooLong = new ApiException(ErrorKind.BAD_REQUEST,
					"The query document has " + length + " characters; the limit is "
							+ this.limits.maxDocumentLength(),
					"query", Map.of("limit", "documentLength", "maximum", this.limits.maxDocumentLength(), "actual",
							length));
			return Mono.just(GraphQlErrors.refuse(request, tooLong));
		}
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(ParserOptions.class, this.parserOptions))
			.build());
		return chain.next(request);
	}

}
