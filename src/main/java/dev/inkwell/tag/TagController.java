package dev.inkwell.tag;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeReader;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Tags, read through {@link TagReadStore}; tags are public, so {@code node} finds every one. */
@Controller
class TagController implements NodeReader<Tag> {

	private final TagReadStore tags;

	TagController(TagReadStore tags) {
		this.tags = tags;
	}

	@QueryMapping
	Mono<Tag> tag(@Argument String id, @Argument String slug) {
		if ((id == null) == (slug == null)) {
			throw ApiException.badRequest("id", "Give exactly one of 'id' and 'slug'");
		}
		return (id != null) ? this.tags.byId(GlobalId.decode(id, NodeType.TAG, "id")) : this.tags.bySlug(slug);
	}

	@QueryMapping
	Mono<Connection<Tag>> tags(@Argument Integer first, @Argument String after, @Argument Integer offset,
			@Argument TagOrder orderBy, @ContextValue Viewer viewer) {
		return this.tags.list(first, after, offset, (orderBy != null) ? orderBy : TagOrder.DEFAULT, viewer);
	}

	@Override
	public Mono<Map<Long, Tag>> read(Collection<Long> rowIds, Object context) {
		return this.tags.byIds(rowIds);
	}

}
