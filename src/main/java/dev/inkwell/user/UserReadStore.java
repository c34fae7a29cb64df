package dev.inkwell.user;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.inkwell.graphql.paging.Connection;
import dev.inkwell.graphql.paging.Keyset;
import dev.inkwell.graphql.paging.PageRequest;
import dev.inkwell.graphql.paging.WholeTable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reading users: the one way anything reads them. Users are public (an email is hidden at its
 * field, not here), and no statement reads the password hash ({@link UserWriteStore} does, for login).
 */
@Repository
public class UserReadStore {

	/** Sign-up order: the identity column grows with every registration, and is unique. */
	static final Keyset KEYSET = new Keyset("users:ID:ASC", "u.id", "bigint", "u.id", true);

	private static final String SELECT = "SELECT " + User.COLUMNS + " FROM users u";

	private static final WholeTable<User> TABLE = new WholeTable<>("users", "u", User.COLUMNS, User::from);

	private final DatabaseClient db;

	UserReadStore(DatabaseClient db) {
		this.db = db;
	}

	public Mono<User> byId(long id) {
		return this.db.sql(SELECT + " WHERE u.id = :id").bind("id", id).map(User::from).one();
	}

	/** The account a token names, with what decides whether the token still counts (no password hash). */
	public Mono<TokenOwner> tokenOwner(long id) {
		return this.db.sql("SELECT id, is_active, is_superuser, token_version FROM users WHERE id = :id")
			.bind("id", id)
			.map((row) -> new TokenOwner(row.get("id", Long.class), row.get("is_active", Boolean.class),
					row.get("is_superuser", Boolean.class), row.get("token_version", Integer.class)))
			.one();
	}

	Mono<User> byUsername(String username) {
		return this.db.sql(SELECT + " WHERE lower(u.username) = lower(:username)")
			.bind("username", username)
			.map(User::from)
			.one();
	}

	/** Users by id, in one statement. */
	public Mono<Map<Long, User>> byIds(Collection<Long> ids) {
		return this.db.sql(SELECT + " WHERE u.id = ANY(:ids)")
			.bind("ids", ids.stream().distinct().toArray(Long[]::new))
			.map(User::from)
			.all()
			.collectMap(User::id, Function.identity());
	}

	/** The authors of posts and comments, for their {@link AuthorKey} loader. */
	Mono<Map<AuthorKey, User>> authors(Collection<AuthorKey> keys) {
		return byIds(keys.stream().map(AuthorKey::userId).toList()).map((byId) -> keys.stream()
			.filter((key) -> byId.containsKey(key.userId()))
			.collect(Collectors.toMap(Function.identity(), (key) -> byId.get(key.userId()))));
	}

	/** The member list, in sign-up order; {@code totalCount} counts all users. */
	Mono<Connection<User>> list(PageRequest page) {
		return TABLE.page(this.db, page, KEYSET, new LinkedHashMap<>());
	}

}
