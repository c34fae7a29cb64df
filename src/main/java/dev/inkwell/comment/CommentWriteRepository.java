package dev.inkwell.comment;

import dev.inkwell.post.Post;
import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.Repository;

/** The statements the comment mutations run. Versions and updated_at are left to the table's trigger. */
interface CommentWriteRepository extends Repository<Comment, Long> {

	/** A comment with what permission checks need to know about its post. */
	@Query("""
			SELECT c.*, p.author_id AS post_author_id, p.published AS post_published
			FROM comments c JOIN posts p ON p.id = c.post_id
			WHERE c.id = :id""")
	Mono<CommentInContext> findInContext(long id);

	/** Inserts nothing when the post is gone or is a draft the author may not see. */
	@Query("INSERT INTO comments (content, post_id, author_id) SELECT :content, id, :authorId FROM posts"
			+ " WHERE id = :postId AND " + Post.VISIBLE_TO_VIEWER + " RETURNING *")
	Mono<Comment> insertOnVisiblePost(long postId, String content, long authorId, long viewerId, boolean superuser);

	@Query("UPDATE comments SET content = :content WHERE id = :id AND version = :expectedVersion RETURNING *")
	Mono<Comment> updateIfVersion(long id, int expectedVersion, String content);

	@Query("SELECT version FROM comments WHERE id = :id")
	Mono<Integer> currentVersion(long id);

	@Query("DELETE FROM comments WHERE id = :id RETURNING id")
	Mono<Long> delete(long id);

}
