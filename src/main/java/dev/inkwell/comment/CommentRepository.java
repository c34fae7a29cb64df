package dev.inkwell.comment;


import dev.inkwell.post.Post;
import reactor.core.publisher.Flux;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

public interface CommentRepository extends R2dbcRepository<Comment, Long> {

	/** Comments whose post the viewer may see. */
	@Query("SELECT c.* FROM comments c WHERE c.id = ANY(:ids) AND EXISTS (SELECT 1 FROM posts WHERE posts.id = c.post_id AND "
			+ Post.VISIBLE_TO_VIEWER + ")")
	Flux<Comment> findVisibleByIds(Long[] ids, long viewerId, boolean superuser);

}
