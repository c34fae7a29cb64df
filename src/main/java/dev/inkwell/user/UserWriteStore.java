package dev.inkwell.user;

import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The statements that write users, and login's read of the password hash, which nothing else
 * reads. updated_at is left to the table's trigger.
 */
public interface UserWriteStore extends Repository<User, Long> {

	@Query("""
			INSERT INTO users (username, email, hashed_password, full_name)
			VALUES (:username, :email, :hashedPassword, :fullName)
			RETURNING *""")
	Mono<User> insert(String username, String email, String hashedPassword, String fullName);

	/** Login accepts a username or an email; usernames cannot contain '@', so at most one matches. */
	@Query("""
			SELECT id, hashed_password, is_active, token_version FROM users
			WHERE lower(username) = lower(:login) OR lower(email) = lower(:login)
			LIMIT 1""")
	Mono<UserCredentials> findCredentials(String login);

	/** Null leaves a column as it is; an empty full name or bio clears it. */
	@Query("""
			UPDATE users SET username = coalesce(:username, username), email = coalesce(:email, email),
			    full_name = CASE WHEN :fullName IS NULL THEN full_name ELSE nullif(:fullName, '') END,
			    bio = CASE WHEN :bio IS NULL THEN bio ELSE nullif(:bio, '') END,
			    hashed_password = coalesce(:hashedPassword, hashed_password)
			WHERE id = :id
			RETURNING *""")
	Mono<User> update(long id, String username, String email, String fullName, String bio, String hashedPassword);

	/** The signed-in user's credentials, for checking their current password. */
	@Query("SELECT id, hashed_password, is_active, token_version FROM users WHERE id = :id")
	Mono<UserCredentials> credentialsOf(long id);

	/** Revokes every token of the account (logout): tokens carry the version they were issued with. */
	@Query("UPDATE users SET token_version = token_version + 1 WHERE id = :id RETURNING id")
	Mono<Long> revokeTokens(long id);

	@Query("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
	Mono<Boolean> exists(long id);

	/** Their posts, comments and the comments on their posts go with them (ON DELETE CASCADE). */
	@Query("DELETE FROM users WHERE id = :id RETURNING id")
	Mono<Long> delete(long id);

}
