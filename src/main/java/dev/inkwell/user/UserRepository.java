package dev.inkwell.user;

import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

public interface UserRepository extends R2dbcRepository<User, Long> {

	@Query("SELECT * FROM users WHERE lower(username) = lower(:username)")
	Mono<User> findByUsernameIgnoringCase(String username);

	/** Login accepts a username or an email; usernames cannot contain '@', so at most one matches. */
	@Query("""
			SELECT id, hashed_password, is_active, token_version FROM users
			WHERE lower(username) = lower(:login) OR lower(email) = lower(:login)
			LIMIT 1""")
	Mono<UserCredentials> findCredentials(String login);

	@Query("""
			INSERT INTO users (username, email, hashed_password, full_name)
			VALUES (:username, :email, :hashedPassword, :fullName)
			RETURNING *""")
	Mono<User> insert(String username, String email, String hashedPassword, String fullName);

}
