package dev.inkwell.post;

import dev.inkwell.slug.Slugs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The statements the post mutations run. Its read of the current row is for {@link PostMutationController}'s
 * checks, which apply {@link Post#isVisibleTo}. Versions and updated_at are left to the table's trigger.
 */
interface PostWriteStore extends Repository<Post, Long> {

	@Query("SELECT " + Post.COLUMNS + " FROM posts p WHERE p.id = :id")
	Mono<Post> current(long id);

	/**
	 * Inserts the post unless the slug is taken, in which case it returns nothing instead of
	 * failing, which would abort the transaction. A concurrent, uncommitted post with the same
	 * slug makes it wait for that transaction's outcome.
	 */
	@Query("""
			INSERT INTO posts (title, slug, content, excerpt, published, published_at, author_id)
			VALUES (:title, :slug, :content, :excerpt, :published, CASE WHEN :published THEN now() END, :authorId)
			ON CONFLICT (slug) DO NOTHING
			RETURNING *""")
	Mono<Post> insertUnlessSlugTaken(String title, String slug, String content, String excerpt, boolean published,
			long authorId);

	/**
	 * The next number for "base-n" slugs. Slugs only hold {@code [a-z0-9-]}, so the base is safe
	 * inside the regular expression.
	 */
	@Query("""
			SELECT coalesce(max(substring(slug FROM '-([0-9]{1,9})$')::int), 1) + 1 FROM posts
			WHERE slug ~ ('^' || :base || '-[0-9]{1,9}$') AND id <> :exceptId""")
	Mono<Integer> nextSlugNumber(String base, long exceptId);

	@Query("SELECT EXISTS (SELECT 1 FROM posts WHERE slug = :slug AND id <> :exceptId)")
	Mono<Boolean> slugTaken(String slug, long exceptId);

	/** Applies the changes only if nobody changed the post since the client read {@code expectedVersion}. */
	@Query("""
			UPDATE posts SET title = coalesce(:title, title), content = coalesce(:content, content),
			    excerpt = CASE WHEN :changeExcerpt THEN :excerpt ELSE excerpt END, slug = coalesce(:slug, slug)
			WHERE id = :id AND version = :expectedVersion
			RETURNING *""")
	Mono<Post> updateIfVersion(long id, int expectedVersion, String title, String content, boolean changeExcerpt,
			String excerpt, String slug);

	/** For changes the trigger cannot see in the row itself: the post's tag set. */
	@Query("UPDATE posts SET version = version + 1, updated_at = now() WHERE id = :id RETURNING *")
	Mono<Post> bumpVersion(long id);

	@Query("SELECT tag_id FROM post_tags WHERE post_id = :postId")
	Flux<Long> tagIds(long postId);

	@Query("DELETE FROM post_tags WHERE post_id = :postId AND tag_id <> ALL(:tagIds) RETURNING tag_id")
	Flux<Long> unlinkTagsExcept(long postId, Long[] tagIds);

	@Query("""
			INSERT INTO post_tags (post_id, tag_id) SELECT :postId, unnest(:tagIds)
			ON CONFLICT DO NOTHING
			RETURNING tag_id""")
	Flux<Long> linkTags(long postId, Long[] tagIds);

	/** The first publication stamps published_at; publishing again changes nothing. */
	@Query("""
			UPDATE posts SET published = true, published_at = coalesce(published_at, now())
			WHERE id = :id
			RETURNING *""")
	Mono<Post> publish(long id);

	/** Keeps published_at: it records when the post first went public. */
	@Query("UPDATE posts SET published = false WHERE id = :id RETURNING *")
	Mono<Post> unpublish(long id);

	@Query("DELETE FROM posts WHERE id = :id RETURNING id")
	Mono<Long> delete(long id);

}
