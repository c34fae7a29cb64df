package dev.inkwell.tag;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.graphql.node.NodeFetcher;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Tags are public. */
@Component
class TagNodeFetcher implements NodeFetcher {

	private final TagRepository tags;

	TagNodeFetcher(TagRepository tags) {
		this.tags = tags;
	}

	@Override
	public NodeType type() {
		return NodeType.TAG;
	}

	@Override
	public Class<?> rowClass() {
		return Tag.class;
	}

	@Override
	public Mono<Map<Long, Object>> fetch(Collection<Long> rowIds, Viewer viewer) {
		return this.tags.findAllById(rowIds).collectMap(Tag::id, (tag) -> tag);
	}

}
