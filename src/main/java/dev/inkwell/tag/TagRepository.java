package dev.inkwell.tag;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

public interface TagRepository extends R2dbcRepository<Tag, Long> {

	@Query("SELECT * FROM tags WHERE slug = lower(:slug)")
	Mono<Tag> findBySlug(String slug);

	/** The tags of many posts in one statement, each with the post it belongs to, by name. */
	@Query("""
			SELECT pt.post_id, t.* FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
			WHERE pt.post_id = ANY(:postIds) ORDER BY lower(t.name)""")
	Flux<PostTag> findByPostIds(Long[] postIds);

}
