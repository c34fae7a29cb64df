package dev.inkwell.edge.cache;

import java.nio.file.Files;
import java.nio.file.Path;

import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Apollo's cache hint rules, on a schema made for them (the blog's own hints are tested over HTTP). */
class CacheAnalyzerTest {

	static final String SDL = """
			type Query {
			  feed: [Item]
			  slow: Item @cacheControl(maxAge: 5)
			  inherited: Wrapper
			  viewer: Person @cacheControl(scope: PRIVATE)
			  count: Int
			  search: Result
			}
			type Item @cacheControl(maxAge: 60) {
			  title: String
			  hot: String @cacheControl(maxAge: 10)
			  author: Person
			  wrapper: Wrapper
			}
			type Person {
			  name: String
			  secret: String @cacheControl(scope: PRIVATE)
			}
			type Wrapper @cacheControl(inheritMaxAge: true) {
			  item: Item
			  size: Int
			}
			union Result = Item | Locked
			type Locked @cacheControl(maxAge: 3) { reason: String }
			type Mutation { changeItem: Item  unlisted: Int  login: String }
			""";

	final CacheAnalyzer analyzer = new CacheAnalyzer(CacheAnalyzerTest::schema, 30, ParserOptions.getDefaultParserOptions(),
			10);

	@Test
	void typeHintsApplyAndFieldHintsOverrideThem() {
		assertThat(policy("{ feed { title } }")).isEqualTo(new CachePolicy(60, false));   // the type's hint
		assertThat(policy("{ slow { title } }")).isEqualTo(new CachePolicy(5, false));    // field hint over type hint
		assertThat(policy("{ slow { title hot } }")).isEqualTo(new CachePolicy(5, false));
		assertThat(policy("{ feed { hot } }")).isEqualTo(new CachePolicy(10, false));
	}

	@Test
	void objectFieldsWithoutHintsGetTheDefaultAndScalarsInherit() {
		assertThat(policy("{ slow { author { name } } }")).isEqualTo(new CachePolicy(5, false));
		assertThat(policy("{ count }")).isEqualTo(new CachePolicy(30, false));   // a root scalar: the default
		assertThat(policy("{ slow { title } count }")).isEqualTo(new CachePolicy(5, false));
		assertThat(policy("{ __typename }")).isEqualTo(new CachePolicy(0, false));   // nothing sets a maxAge
	}

	@Test
	void inheritMaxAgeTakesTheParentsInsteadOfTheDefault() {
		assertThat(policy("{ slow { wrapper { size } } }")).isEqualTo(new CachePolicy(5, false));
		assertThat(policy("{ inherited { size } }")).isEqualTo(new CachePolicy(30, false));   // at the root: the default
	}

	@Test
	void privateAnywhereMakesTheWholeAnswerPrivate() {
		assertThat(policy("{ viewer { name } }").isPrivate()).isTrue();
		assertThat(policy("{ slow { author { secret } } }").isPrivate()).isTrue();
		assertThat(policy("query { slow { ...F } } fragment F on Item { author { secret } }").isPrivate()).isTrue();
		assertThat(policy("{ slow { author { name } } }").isPrivate()).isFalse();
	}

	@Test
	void anAbstractTypeCountsEveryTypeItCanBe() {
		assertThat(policy("{ search { __typename } }")).isEqualTo(new CachePolicy(3, false));
		assertThat(policy("{ search { ... on Item { title } } }")).isEqualTo(new CachePolicy(3, false));
	}

	@Test
	void invalidOrAmbiguousDocumentsAreNotCacheable() {
		assertThat(this.analyzer.analyze("{ nope }", null)).isEqualTo(CacheAnalysis.UNKNOWN);
		assertThat(this.analyzer.analyze("{ feed {", null)).isEqualTo(CacheAnalysis.UNKNOWN);
		assertThat(this.analyzer.analyze("query A { count } query B { count }", null)).isEqualTo(CacheAnalysis.UNKNOWN);
		assertThat(this.analyzer.analyze("query A { count } query B { count }", "B").policy())
			.isEqualTo(new CachePolicy(30, false));
	}

	@Test
	void mutationsListWhatEachFieldChangesAndUnknownOnesChangeEverything() {
		CacheAnalysis mutation = this.analyzer.analyze("mutation { a: login renamed: unlisted }", null);
		assertThat(mutation.kind()).isEqualTo(CacheAnalysis.Kind.MUTATION);
		assertThat(mutation.changes()).containsEntry("a", java.util.Set.of()).containsEntry("renamed", DataTags.ALL);
	}

	private CachePolicy policy(String query) {
		CacheAnalysis analysis = this.analyzer.analyze(query, null);
		assertThat(analysis.kind()).as(query).isEqualTo(CacheAnalysis.Kind.QUERY);
		return analysis.policy();
	}

	static GraphQLSchema schema() {
		try {
			String directive = Files.readString(Path.of("schema/cache.graphqls"));
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(directive + SDL));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
