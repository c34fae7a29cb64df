package dev.inkwell.tag;

import org.springframework.data.r2dbc.repository.R2dbcRepository;

public interface TagRepository extends R2dbcRepository<Tag, Long> {

}
