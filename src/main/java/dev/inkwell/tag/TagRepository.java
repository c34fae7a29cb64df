package dev.inkwell.tag;

import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

public interface TagRepository extends R2dbcRepository<Tag, Long> {

	@Query("SELECT * FROM tags WHERE slug = lower(:slug)")
	Mono<Tag> findBySlug(String slug);

}
