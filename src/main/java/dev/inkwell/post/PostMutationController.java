package dev.inkwell.post;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.LongFunction;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.slug.Slugs;
import dev.inkwell.tag.TagNames;
import dev.inkwell.tag.TagsByName;
import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The post mutations: permissions, unique slugs, tag sets and optimistic locking. A post and its tag
 * links are written in one transaction, so a failure half-way leaves nothing behind.
 */
@Controller
class PostMutationController {

	/** Room for a "-nnnnnnnn" suffix within the column's 200 characters. */
	private static final int SLUG_BASE_LENGTH = 190;

	/**
	 * Numbered suffixes ("-2", "-3") are tried this often, then random ones. Every attempt may wait
	 * for the transaction holding the candidate slug, so a crowd of equal titles retrying numbers one
	 * winner at a time would hold their connections for long; random suffixes end the crowd at once.
	 */
	private static final int NUMBERED_SLUG_ATTEMPTS = 2;

	private static final int SLUG_ATTEMPTS = 10;

	private static final String SLUG_FALLBACK = "post";

	private static final SecureRandom random = new SecureRandom();

	private final PostWriteStore posts;

	private final TagsByName tags;

	private final TransactionalOperator transaction;

	PostMutationController(PostWriteStore posts, TagsByName tags, TransactionalOperator transaction) {
		this.posts = posts;
		this.tags = tags;
		this.transaction = transaction;
	}

	@MutationMapping
	Mono<Post> createPost(@Argument @Valid CreatePostInput input, @ContextValue Viewer viewer) {
		long authorId = viewer.requireUserId();
		List<String> tagNames = (input.tags() != null) ? TagNames.cleanAll(input.tags(), "input.tags") : List.of();
		String base = Slugs.of(input.title(), SLUG_BASE_LENGTH, SLUG_FALLBACK);
		boolean published = Boolean.TRUE.equals(input.published());
		// A new post has no links yet: linking is all there is to do.
		Mono<Post> work = insertWithFreeSlug(input, authorId, published, base, 0)
			.flatMap((post) -> tagNames.isEmpty() ? Mono.just(post)
					: this.tags.idsFor(tagNames)
						.flatMap((ids) -> this.posts.linkTags(post.id(), ids.toArray(Long[]::new)).then())
						.thenReturn(post));
		return this.transaction.transactional(work);
	}

	@MutationMapping
	Mono<Post> updatePost(@Argument @Valid UpdatePostInput input, @ContextValue Viewer viewer) {
		viewer.requireUserId();
		long id = GlobalId.decode(input.id(), NodeType.POST, "input.id");
		List<String> tagNames = (input.tags() != null) ? TagNames.cleanAll(input.tags(), "input.tags") : null;
		int expected = input.expectedVersion();
		Mono<Post> work = editable(id, input.id(), viewer).flatMap((current) -> {
			if (current.version() != expected) {
				return Mono.error(ApiException.staleVersion("post", current.version()));
			}
			return newSlug(current, input)
				.flatMap((slug) -> this.posts.updateIfVersion(id, expected, input.title(), input.content(),
						input.excerpt() != null, emptyToNull(input.excerpt()), slug.isEmpty() ? null : slug))
				// Someone changed it between our read and our write.
				.switchIfEmpty(Mono.defer(() -> this.posts.current(id)
					.flatMap((now) -> Mono.<Post>error(ApiException.staleVersion("post", now.version())))
					.switchIfEmpty(Mono.error(() -> ApiException.notFound("post", input.id())))))
				.flatMap((updated) -> (tagNames != null) ? updateTags(updated, tagNames, expected) : Mono.just(updated));
		});
		return this.transaction.transactional(work);
	}

	@MutationMapping
	Mono<String> deletePost(@Argument String id, @ContextValue Viewer viewer) {
		viewer.requireUserId();
		long rowId = GlobalId.decode(id, NodeType.POST, "id");
		return GlobalId.deleted(NodeType.POST, id, editable(rowId, id, viewer).flatMap((post) -> this.posts.delete(rowId)));
	}

	@MutationMapping
	Mono<Post> publishPost(@Argument String id, @ContextValue Viewer viewer) {
		return setPublished(id, viewer, this.posts::publish);
	}

	@MutationMapping
	Mono<Post> unpublishPost(@Argument String id, @ContextValue Viewer viewer) {
		return setPublished(id, viewer, this.posts::unpublish);
	}

	private Mono<Post> setPublished(String id, Viewer viewer, LongFunction<Mono<Post>> statement) {
		viewer.requireUserId();
		long rowId = GlobalId.decode(id, NodeType.POST, "id");
		return editable(rowId, id, viewer).flatMap((post) -> statement.apply(rowId))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("post", id)));
	}

	/**
	 * The post, if the viewer may change it: someone else's draft is reported as not found (its
	 * existence stays secret), a visible post of someone else as forbidden.
	 */
	private Mono<Post> editable(long rowId, String id, Viewer viewer) {
		return this.posts.current(rowId)
			.filter((post) -> post.isVisibleTo(viewer))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("post", id)))
			.filter((post) -> viewer.isSelfOrSuperuser(post.authorId()))
			.switchIfEmpty(Mono.error(() -> ApiException
				.forbidden("Only the post's author or a superuser may change this post")));
	}

	/**
	 * Tries the title's slug, then "slug-n" with the next free number, then random suffixes: a
	 * taken slug makes the insert return nothing rather than fail, so all of this can retry
	 * inside one transaction, however many clients create the same title at once.
	 */
	private Mono<Post> insertWithFreeSlug(CreatePostInput input, long authorId, boolean published, String base,
			int attempt) {
		Mono<String> slug = (attempt == 0) ? Mono.just(base)
				: (attempt <= NUMBERED_SLUG_ATTEMPTS) ? this.posts.nextSlugNumber(base, 0).map((n) -> base + "-" + n)
						: Mono.just(base + "-" + randomSuffix());
		return slug
			.flatMap((candidate) -> this.posts.insertUnlessSlugTaken(input.title(), candidate, input.content(),
					emptyToNull(input.excerpt()), published, authorId))
			.switchIfEmpty(Mono.defer(() -> (attempt + 1 < SLUG_ATTEMPTS)
					? insertWithFreeSlug(input, authorId, published, base, attempt + 1)
					: Mono.error(ApiException.conflict("input.title", "No free slug for this title; try again"))));
	}

	/**
	 * The slug to set: "" to keep the current one. A new slug is made only when asked. A race with
	 * a post created with the same slug at that moment surfaces as a CONFLICT (posts_slug_key).
	 */
	private Mono<String> newSlug(Post current, UpdatePostInput input) {
		if (!Boolean.TRUE.equals(input.regenerateSlug())) {
			return Mono.just("");
		}
		String title = (input.title() != null) ? input.title() : current.title();
		String base = Slugs.of(title, SLUG_BASE_LENGTH, SLUG_FALLBACK);
		if (current.slug().equals(base)) {
			return Mono.just("");
		}
		return this.posts.slugTaken(base, current.id())
			.flatMap((taken) -> taken ? this.posts.nextSlugNumber(base, current.id()).map((n) -> base + "-" + n)
					: Mono.just(base));
	}

	/**
	 * Replaces the tag set of a post just updated. A different set is a change of the post: if its
	 * own columns did not change (the trigger left the version alone), the version is bumped here,
	 * so one update is one version step either way.
	 */
	private Mono<Post> updateTags(Post updated, List<String> names, int expectedVersion) {
		return replaceTags(updated, names).flatMap((changed) -> (changed && updated.version() == expectedVersion)
				? this.posts.bumpVersion(updated.id()) : Mono.just(updated));
	}

	/** Makes the post's tags exactly {@code names}; tells whether anything changed. */
	private Mono<Boolean> replaceTags(Post post, List<String> names) {
		return this.tags.idsFor(names).flatMap((ids) -> {
			Long[] wanted = ids.toArray(Long[]::new);
			return this.posts.unlinkTagsExcept(post.id(), wanted)
				.count()
				.flatMap((removed) -> this.posts.linkTags(post.id(), wanted).count().map((added) -> removed + added > 0));
		});
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static String randomSuffix() {
		return Long.toString(36L * 36 * 36 * 36 * 36 + random.nextLong(35L * 36 * 36 * 36 * 36 * 36), 36);
	}

}
