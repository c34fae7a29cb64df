package dev.inkwell.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.inkwell.Content;
import dev.inkwell.IntegrationTest;
import dev.inkwell.database.Sql;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.OrderDirection;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.viewer.Viewer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the benchmark's data size (20,000 posts) the search statement the server runs uses the GIN index
 * for a rare word, and is planned with its words each time it runs.
 */
class PostSearchIndexTest extends IntegrationTest {

	@Autowired
	PostReadStore posts;

	@Autowired
	TransactionalOperator transaction;

	/** One test, so the 20,000 rows are written once. */
	@Test
	void searchUsesTheGinIndexAndFindsOtherFormsOfAWord() {
		long author = new Content(this.db).user("writer");
		// One post in 400 mentions running; every post has a body of some length, as real posts do
		// (on a table of tiny rows a sequential scan is cheaper, and the planner rightly takes it).
		this.db.sql("""
				INSERT INTO posts (title, slug, content, excerpt, published, published_at, author_id, created_at)
				SELECT 'Post number ' || i,
				       'post-' || i,
				       'Notes on ' || (ARRAY['gardening', 'cooking', 'travel', 'music'])[i % 4 + 1]
				           || CASE WHEN i % 400 = 7 THEN ' and running a marathon' ELSE '' END
				           || '. ' || repeat('Plain words fill the body of this post. ', 10),
				       'An excerpt',
				       i % 10 <> 0, now() - i * interval '1 minute', :author, now() - i * interval '1 minute'
				FROM generate_series(1, 20000) AS i""").bind("author", author).then().block();
		this.db.sql("ANALYZE posts").then().block();

		PostFilter filter = new PostFilter(null, null, null, "runs", null, null, null, null);
		for (PostOrder order : List.of(PostOrder.DEFAULT,
				new PostOrder(PostOrderField.RELEVANCE, OrderDirection.DESC))) {
			String plan = explain(filter, order, Viewer.ANONYMOUS);
			assertThat(plan).as(plan).contains("posts_search_vector_idx").doesNotContain("Seq Scan");
		}
		// The anonymous feed reads the newest published posts straight off the index.
		String feed = explain(PostFilter.NONE, PostOrder.DEFAULT, Viewer.ANONYMOUS);
		assertThat(feed).as(feed).contains("posts_published_created_at_idx").doesNotContain("Seq Scan");

		// Run again and again on one connection (one prepared statement), a search is planned with its
		// words every time: at this size PostgreSQL would otherwise keep a generic plan after five runs,
		// costed for a made-up number of matches (it does for this statement without V5__search_planned_with_its_words.sql).
		Map<String, Object> parameters = new LinkedHashMap<>();
		String sql = pageSql(filter, PostOrder.DEFAULT, Viewer.ANONYMOUS, parameters);
		List<long[]> plans = this.transaction
			.execute((status) -> Flux.range(0, 8)
				.concatMap((run) -> Sql.bind(this.db.sql(sql), parameters).fetch().all().then())
				.thenMany(this.db
					.sql("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
							+ " WHERE statement LIKE :search AND statement NOT LIKE 'EXPLAIN%'")
					.bind("search", "%planned_with_its_words%LIMIT%")
					.map((row) -> new long[] { row.get(0, Long.class), row.get(1, Long.class) })
					.all()))
			.collectList()
			.block();
		assertThat(plans).singleElement().satisfies((counts) -> {
			assertThat(counts[0]).as("generic plans").isZero();
			assertThat(counts[1]).as("custom plans").isGreaterThanOrEqualTo(8);
		});

		// "running" is in the text: "runs" finds it, published posts only.
		this.graphQl.document("{ posts(filter: { search: \"runs\" }, first: 100) { totalCount } }")
			.execute()
			.path("posts.totalCount")
			.entity(Integer.class)
			.isEqualTo(50);
	}

	/** The page statement of this viewer's list of 20 posts with this filter and order. */
	private String pageSql(PostFilter filter, PostOrder order, Viewer viewer, Map<String, Object> parameters) {
		Keyset keyset = PostReadStore.keyset(order, filter);
		return this.posts.pageSql(PostScope.ALL, null, filter, PostReadStore.TagIds.NONE, keyset,
				PageRequest.of(20, null, null, null, null, keyset), true, viewer, parameters);
	}

	private String explain(PostFilter filter, PostOrder order, Viewer viewer) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String sql = pageSql(filter, order, viewer, parameters);
		return String.join("\n", Sql.bind(this.db.sql("EXPLAIN " + sql), parameters)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList()
			.block());
	}

}
