package dev.inkwell.user;

import java.util.Collection;
import java.util.Map;

import dev.inkwell.graphql.node.NodeFetcher;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Users are public: every existing id resolves. */
@Component
class UserNodeFetcher implements NodeFetcher {

	private final UsersById users;

	UserNodeFetcher(UsersById users) {
		this.users = users;
	}

	@Override
	public NodeType type() {
		return NodeType.USER;
	}

	@Override
	public Class<?> rowClass() {
		return User.class;
	}

	@Override
	public Mono<Map<Long, Object>> fetch(Collection<Long> rowIds, Viewer viewer) {
		return this.users.find(rowIds).map(Map::copyOf);
	}

}
