package dev.inkwell.tag;

import java.util.Locale;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The tag mutations, for superusers only; anyone else creates a tag by naming it on a post. */
@Controller
class TagMutationController {

	static final String COLOR_PATTERN = "#[0-9A-Fa-f]{6}";

	static final String COLOR_RULE = "must be a color written #RRGGBB, e.g. #3b82f6";

	private final TagWriteStore tags;

	private final TagsByName byName;

	private final TransactionalOperator transaction;

	TagMutationController(TagWriteStore tags, TagsByName byName, TransactionalOperator transaction) {
		this.tags = tags;
		this.byName = byName;
		this.transaction = transaction;
	}

	@MutationMapping
	Mono<Tag> createTag(@Argument @Valid CreateTagInput input, @ContextValue Viewer viewer) {
		requireSuperuser(viewer);
		String name = TagNames.clean(input.name(), "input.name");
		return this.byName.insertNew(name, (input.color() != null) ? color(input.color()) : TagsByName.DEFAULT_COLOR);
	}

	@MutationMapping
	Mono<Tag> updateTag(@Argument @Valid UpdateTagInput input, @ContextValue Viewer viewer) {
		requireSuperuser(viewer);
		long id = GlobalId.decode(input.id(), NodeType.TAG, "input.id");
		String name = (input.name() != null) ? TagNames.clean(input.name(), "input.name") : null;
		return this.tags.update(id, name, color(input.color()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("tag", input.id())));
	}

	@MutationMapping
	Mono<String> deleteTag(@Argument String id, @ContextValue Viewer viewer) {
		requireSuperuser(viewer);
		long rowId = GlobalId.decode(id, NodeType.TAG, "id");
		return GlobalId.deleted(NodeType.TAG, id,
				this.transaction.transactional(this.tags.touchPostsTagged(rowId).then(this.tags.delete(rowId))));
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
