package dev.inkwell.graphql.limits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationAnalysisTest {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query {
			  posts(first: Int, last: Int): PostConnection!
			  nodes(ids: [ID!]!): [Post]!
			  me: User
			}
			type PostConnection { edges: [PostEdge!]! nodes: [Post!]! totalCount: Int! pageInfo: PageInfo! }
			type PostEdge { cursor: String! node: Post! }
			type PageInfo { hasNextPage: Boolean! }
			type CommentConnection { nodes: [Comment!]! }
			type Post { id: ID! title: String! author: User! tags: [Tag!]! comments(first: Int): CommentConnection! }
			type Comment { id: ID! author: User! }
			type User { id: ID! posts(first: Int): PostConnection! }
			type Tag { name: String! }
			"""), RuntimeWiring.MOCKED_WIRING);

	private static final OperationLimits LIMITS = new OperationLimits(0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0);

	@Test
	void connectionsMultiplyTheirItemsByThePageSize() {
		// posts 1 + nodes (1 + 100 items × comments (1 + nodes (1 + 100 items × id 1)))
		assertThat(measure("{ posts(first: 100) { nodes { comments(first: 100) { nodes { id } } } } }").cost())
			.isEqualTo(1 + 1 + 100 * (1 + 1 + 100 * 1));
	}

	@Test
	void theBenchmarkFeedFitsTheDefaultBudget() {
		OperationAnalysis.Measures feed = measure("""
				{ posts(first: 50) { nodes { id title author { id }
				  comments(first: 10) { nodes { id author { id } } } tags { name } } } }""");
		assertThat(feed.cost()).isLessThanOrEqualTo(LIMITS.maxCost()).isGreaterThan(50 * 10);
	}

	@Test
	void pageSizeComesFromVariablesAndDefaultsToTwenty() {
		String query = "query($n: Int) { posts(first: $n) { nodes { id } } }";
		assertThat(measure(query, Map.of("n", 7)).cost()).isEqualTo(1 + 1 + 7 * 1);
		assertThat(measure("{ posts { nodes { id } totalCount } }").cost())
			.isEqualTo(1 + 1 + 20 * 1 + 1 + LIMITS.totalCountCost());
	}

	@Test
	void searchesAndCountsCostTheStatementsTheyRunOncePerPlaceInTheDocument() {
		long search = LIMITS.searchCost();
		long count = LIMITS.totalCountCost();
		assertThat(measure("{ posts(filter: {search: \"x\"}) { totalCount } }").cost())
			.isEqualTo(1 + 1 + search + count + search);
		assertThat(measure("query($f: PostFilter) { posts(filter: $f) { totalCount } }", Map.of("f",
				Map.of("search", "x"))).cost()).isEqualTo(1 + 1 + search + count + search);
		assertThat(measure("query($s: String) { posts(filter: {search: $s}) { nodes { id } } }", Map.of("s", "x"))
			.cost()).isEqualTo(1 + 1 + 20 + search);
		// A blank search is no search; a nested count is one batched statement, whatever the page size.
		assertThat(measure("{ posts(filter: {search: \" \"}) { nodes { id } } }").cost()).isEqualTo(1 + 1 + 20);
		assertThat(measure("{ posts(first: 50) { nodes { author { posts { totalCount } } } } }").cost())
			.isEqualTo(1 + 1 + 50 * (1 + 1 + 1) + count);
		// Sixteen searches with counts (one without an alias, fifteen aliased) are over the default budget.
		String sixteen = "{ posts(filter: {search: \"a\"}) { totalCount } " + java.util.stream.IntStream.range(0, 15)
			.mapToObj((i) -> "s" + i + ": posts(filter: {search: \"b\"}) { totalCount }")
			.collect(java.util.stream.Collectors.joining(" ")) + " }";
		assertThat(measure(sixteen).cost()).isGreaterThan(LIMITS.maxCost());
	}

	@Test
	void theLargestOffsetIsMeasured() {
		assertThat(measure("{ posts(offset: 30) { nodes { id } } p: posts(offset: 7) { totalCount } }").maxOffset())
			.isEqualTo(30);
		assertThat(measure("query($o: Int) { posts(offset: $o) { totalCount } }", Map.of("o", 12_000)).maxOffset())
			.isEqualTo(12_000);
	}

	@Test
	void idsArgumentAndPlainListsArePaidPerItem() {
		assertThat(measure("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", Map.of("ids", List.of("a", "b", "c")))
			.cost()).isEqualTo(1 + 3);
		assertThat(measure("{ me { posts(first: 2) { nodes { tags { name } } } } }").cost())
			.isEqualTo(1 + 1 + 1 + 2 * (1 + 10 * 1));
	}

	@Test
	void depthCountsConnectionLevelsAndFragments() {
		assertThat(measure("{ me { id } }").depth()).isEqualTo(2);
		assertThat(measure("{ posts { edges { node { author { id } } } } }").depth()).isEqualTo(5);
		assertThat(measure("{ me { ...U } } fragment U on User { posts { nodes { id } } }").depth()).isEqualTo(4);
	}

	@Test
	void countsAliasesRootFieldsAndDirectives() {
		OperationAnalysis.Measures measures = measure(
				"{ a: me { id } b: me { id @include(if: true) } ...R } fragment R on Query { c: me { id @skip(if: false) } }");
		assertThat(measures.aliases()).isEqualTo(3);
		assertThat(measures.rootFields()).isEqualTo(3);
		assertThat(measures.directives()).isEqualTo(2);
	}

	@Test
	void anExplodingFragmentTreeIsCutShortAtTheBudget() {
		StringBuilder query = new StringBuilder("{ posts { nodes { ...F0 } } }");
		for (int i = 0; i < 30; i++) {
			query.append(" fragment F").append(i).append(" on Post { a: author { posts { nodes { ...F").append(i + 1)
				.append(" } } } b: author { posts { nodes { ...F").append(i + 1).append(" } } } }");
		}
		query.append(" fragment F30 on Post { id }");
		// Walked in full, the tree expands 2^30 fragments; the fragment map counts every expansion and
		// stops the test long before that if the walk is not cut short at the budget.
		Document document = Parser.parse(query.toString());
		AtomicInteger expansions = new AtomicInteger();
		Map<String, FragmentDefinition> fragments = new HashMap<>(fragments(document)) {

			@Override
			public FragmentDefinition get(Object name) {
				if (expansions.incrementAndGet() > 10_000) {
					throw new AssertionError("still walking after 10,000 fragment expansions");
				}
				return super.get(name);
			}

		};
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
		assertThat(OperationAnalysis.measure(SCHEMA, operation, fragments, Map.of(), LIMITS).cost())
			.isGreaterThan(LIMITS.maxCost());
		assertThat(expansions.get()).as("fragment expansions").isBetween(30, 1_000);
	}

	@Test
	void introspectionIsLeftToGraphQlJava() {
		assertThat(measure("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }").cost()).isZero();
	}

	private static OperationAnalysis.Measures measure(String query) {
		return measure(query, Map.of());
	}

	private static OperationAnalysis.Measures measure(String query, Map<String, Object> variables) {
		Document document = Parser.parse(query);
		OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
		return OperationAnalysis.measure(SCHEMA, operation, fragments(document), variables, LIMITS);
	}

	private static Map<String, FragmentDefinition> fragments(Document document) {
		return document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, (fragment) -> fragment));
	}

}
