package dev.inkwell.user;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Users by id in one statement: what every batch loader of an author or a node reads. */
@Component
public class UsersById {

	private final DatabaseClient db;

	UsersById(DatabaseClient db) {
		this.db = db;
	}

	/** The author of each of {@code sources} (posts, comments), for an author batch mapping. */
	public <T> Mono<Map<T, User>> authorsOf(List<T> sources, Function<T, Long> authorId) {
		return find(sources.stream().map(authorId).toList()).map((byId) -> sources.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (source) -> byId.get(authorId.apply(source)))));
	}

	public Mono<Map<Long, User>> find(Collection<Long> ids) {
		return this.db.sql("SELECT " + User.COLUMNS + " FROM users u WHERE u.id = ANY(:ids)")
			.bind("ids", ids.stream().distinct().toArray(Long[]::new))
			.map(User::from)
			.all()
			.collectMap(User::id, Function.identity());
	}

}
