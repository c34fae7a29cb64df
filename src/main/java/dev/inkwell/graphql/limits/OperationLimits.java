package dev.inkwell.graphql.limits;

import graphql.parser.ParserOptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one GraphQL request may ask of the server. Each limit is configurable (see README,
 * "Production"); the defaults let every query a front end or mobile client needs through.
 *
 * @param maxDocumentLength characters in the query document
 * @param maxTokens parser tokens in the query document
 * @param maxDepth nesting of fields below the root (introspection is checked separately by
 * graphql-java's good-faith introspection rules)
 * @param maxAliases aliased fields in the document
 * @param maxRootFields top-level fields of the operation
 * @param maxDirectives directive uses in the document
 * @param maxCost the cost budget (see {@link OperationAnalysis})
 * @param defaultPageSize what a connection without first/last costs as (its page size)
 * @param listCost what a plain list field without a size argument multiplies by
 * @param maxBodySize the largest HTTP request body accepted
 * @param maxOffset the largest {@code offset} of a list (deeper pages are reached with cursors)
 * @param maxTextLength characters in any one text argument or input field
 * @param searchCost what a connection with a full-text search costs on top of its fields
 * @param totalCountCost what a {@code totalCount} costs (a count statement); a searching
 * connection's count costs {@code searchCost} on top, since it repeats the search
 * @param maxBatchSize operations in one batched HTTP request (a JSON array of requests)
 */
@ConfigurationProperties("inkwell.limits")
public record OperationLimits(int maxDocumentLength, int maxTokens, int maxDepth, int maxAliases, int maxRootFields,
		int maxDirectives, long maxCost, int defaultPageSize, int listCost, DataSize maxBodySize, int maxOffset,
		int maxTextLength, int searchCost, int totalCountCost, int maxBatchSize) {

	public OperationLimits {
		maxDocumentLength = positive(maxDocumentLength, 15_000);
		maxTokens = positive(maxTokens, 2_000);
		maxDepth = positive(maxDepth, 12);
		maxAliases = positive(maxAliases, 15);
		maxRootFields = positive(maxRootFields, 20);
		maxDirectives = positive(maxDirectives, 50);
		maxCost = (maxCost > 0) ? maxCost : 5_000;
		defaultPageSize = positive(defaultPageSize, 20);
		listCost = positive(listCost, 10);
		maxBodySize = (maxBodySize != null) ? maxBodySize : DataSize.ofMegabytes(1);
		maxOffset = positive(maxOffset, 10_000);
		maxTextLength = positive(maxTextLength, 100_000);
		searchCost = positive(searchCost, 250);
		totalCountCost = positive(totalCountCost, 50);
		maxBatchSize = positive(maxBatchSize, 10);
	}

	/**
	 * Parser options that stop parsing at the token limit (and just past the length limit, which
	 * is checked with its exact value before parsing).
	 */
	public ParserOptions parserOptions() {
		return ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(this.maxTokens).maxCharacters(this.maxDocumentLength + 1));
	}

	private static int positive(int value, int fallback) {
		return (value > 0) ? value : fallback;
	}

}
