package dev.inkwell.post;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

public interface PostRepository extends R2dbcRepository<Post, Long> {

	@Query("SELECT " + Post.COLUMNS + " FROM posts p WHERE id = ANY(:ids) AND " + Post.VISIBLE_TO_VIEWER)
	Flux<Post> findVisibleByIds(Long[] ids, long viewerId, boolean superuser);

	@Query("SELECT " + Post.COLUMNS + " FROM posts p WHERE slug = :slug AND " + Post.VISIBLE_TO_VIEWER)
	Mono<Post> findVisibleBySlug(String slug, long viewerId, boolean superuser);

}
