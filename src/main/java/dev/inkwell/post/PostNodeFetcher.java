package dev.inkwell.post;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.graphql.node.NodeFetcher;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Drafts resolve only for their author and superusers. */
@Component
class PostNodeFetcher implements NodeFetcher {

	private final PostRepository posts;

	PostNodeFetcher(PostRepository posts) {
		this.posts = posts;
	}

	@Override
	public NodeType type() {
		return NodeType.POST;
	}

	@Override
	public Class<?> rowClass() {
		return Post.class;
	}

	@Override
	public Mono<Map<Long, Object>> fetch(Collection<Long> rowIds, Viewer viewer) {
		return this.posts.findVisibleByIds(rowIds.toArray(Long[]::new), viewer.idForQueries(), viewer.isSuperuser())
			.collectMap(Post::id, (post) -> post);
	}

}
