package dev.inkwell.tag;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.slug.Slugs;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Tag management (superusers only) and the find-or-create that posts naming tags rely on. */
@Service
public class TagService {

	static final String COLOR_PATTERN = "#[0-9A-Fa-f]{6}";

	static final String COLOR_RULE = "must be a color written #RRGGBB, e.g. #3b82f6";

	static final String DEFAULT_COLOR = "#6b7280";

	/** Slugs leave room for a "-nn" suffix within the column's 50 characters. */
	private static final int SLUG_BASE_LENGTH = 46;

	/** Different names can share a slug ("C#" and "C++"); this many suffixes are tried before giving up. */
	private static final int SLUG_ATTEMPTS = 20;

	private final TagWriteStore tags;

	private final TransactionalOperator transaction;

	TagService(TagWriteStore tags, TransactionalOperator transaction) {
		this.tags = tags;
		this.transaction = transaction;
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

	Mono<Tag> create(CreateTagInput input, Viewer viewer) {
		requireSuperuser(viewer);
		String name = TagNames.clean(input.name(), "input.name");
		return findOrInsert(name, (input.color() != null) ? color(input.color()) : DEFAULT_COLOR, true, 0);
	}

	Mono<Tag> update(UpdateTagInput input, Viewer viewer) {
		requireSuperuser(viewer);
		long id = GlobalId.decode(input.id(), NodeType.TAG, "input.id");
		String name = (input.name() != null) ? TagNames.clean(input.name(), "input.name") : null;
		return this.tags.update(id, name, color(input.color()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("tag", input.id())));
	}

	Mono<String> delete(String id, Viewer viewer) {
		requireSuperuser(viewer);
		long rowId = GlobalId.decode(id, NodeType.TAG, "id");
		return GlobalId.deleted(NodeType.TAG, id,
				this.transaction.transactional(this.tags.touchPostsTagged(rowId).then(this.tags.delete(rowId))));
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

	private static String color(String color) {
		return (color != null) ? color.toLowerCase(Locale.ROOT) : null;
	}

	private static void requireSuperuser(Viewer viewer) {
		viewer.requireUserId();
		if (!viewer.isSuperuser()) {
			throw ApiException.forbidden("Only superusers manage tags; name a tag on a post to create it");
		}
	}

}
