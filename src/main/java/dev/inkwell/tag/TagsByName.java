package dev.inkwell.tag;

import java.util.Comparator;
import java.util.List;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.slug.Slugs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Tags found by name in any spelling, or created: for the posts that name their tags, and for
 * {@code createTag}.
 */
@Component
public class TagsByName {

	static final String DEFAULT_COLOR = "#6b7280";

	/** Slugs leave room for a "-nn" suffix within the column's 50 characters. */
	private static final int SLUG_BASE_LENGTH = 46;

	/** Different names can share a slug ("C#" and "C++"); this many suffixes are tried before giving up. */
	private static final int SLUG_ATTEMPTS = 20;

	private final TagWriteStore tags;

	TagsByName(TagWriteStore tags) {
		this.tags = tags;
	}

	/**
	 * The ids of the named tags, creating the missing ones. Runs inside the caller's transaction.
	 * Names are handled in one fixed order so that two posts naming the same new tags cannot
	 * deadlock on each other's uncommitted inserts.
	 * @param names already cleaned by {@link TagNames#cleanAll}
	 */
	public Mono<List<Long>> idsFor(List<String> names) {
		return Flux.fromIterable(names)
			.sort(Comparator.comparing(TagNames::key))
			.concatMap((name) -> findOrInsert(name, DEFAULT_COLOR, false, 0))
			.map(Tag::id)
			.collectList();
	}

	/** A new tag; a CONFLICT when one of that name exists in any spelling. */
	Mono<Tag> insertNew(String name, String color) {
		return findOrInsert(name, color, true, 0);
	}

	/**
	 * Inserts the tag, or finds the one with that name in any spelling. When neither works, the
	 * slug belongs to a tag of another name, and the next suffix is tried.
	 * @param existingIsConflict true when the caller asked to create this very tag
	 */
	private Mono<Tag> findOrInsert(String name, String color, boolean existingIsConflict, int attempt) {
		String base = Slugs.of(name, SLUG_BASE_LENGTH, "tag");
		String slug = (attempt == 0) ? base : base + "-" + (attempt + 1);
		return this.tags.insertIfAbsent(name, slug, color)
			.switchIfEmpty(Mono.defer(() -> this.tags.findByNameIgnoringCase(name)
				.flatMap((existing) -> existingIsConflict
						? Mono.error(ApiException.conflict("input.name",
								"A tag named '" + existing.name() + "' already exists"))
						: Mono.just(existing))))
			.switchIfEmpty(Mono.defer(() -> (attempt + 1 < SLUG_ATTEMPTS)
					? findOrInsert(name, color, existingIsConflict, attempt + 1)
					: Mono.error(ApiException.conflict("input.name", "No free slug for the tag '" + name
							+ "'; choose a more distinctive name"))));
	}

}
