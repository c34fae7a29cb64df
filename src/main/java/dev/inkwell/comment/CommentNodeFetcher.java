package dev.inkwell.comment;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.graphql.node.NodeFetcher;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** A comment resolves exactly when its post is visible. */
@Component
class CommentNodeFetcher implements NodeFetcher {

	private final CommentRepository comments;

	CommentNodeFetcher(CommentRepository comments) {
		this.comments = comments;
	}

	@Override
	public NodeType type() {
		return NodeType.COMMENT;
	}

	@Override
	public Class<?> rowClass() {
		return Comment.class;
	}

	@Override
	public Mono<Map<Long, Object>> fetch(Collection<Long> rowIds, Viewer viewer) {
		return this.comments
			.findVisibleByIds(rowIds.toArray(Long[]::new), viewer.idForQueries(), viewer.isSuperuser())
			.collectMap(Comment::id, (comment) -> comment);
	}

}
