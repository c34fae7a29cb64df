package dev.inkwell.user;

import java.util.Optional;

import dev.inkwell.graphql.errors.ApiException;
import dev.inkwell.graphql.node.GlobalId;
import dev.inkwell.graphql.node.NodeType;
import dev.inkwell.viewer.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Changing and deleting accounts: a user changes their own; a superuser may delete anyone's. */
@Service
class UserService {

	static final int BIO_MAX_LENGTH = 2000;

	private final UserWriteStore users;

	private final AccountPasswords passwords;

	UserService(UserWriteStore users, AccountPasswords passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	/**
	 * Duplicate usernames and emails are reported as CONFLICT by their unique indexes. A new password
	 * or email needs the current password; a new password revokes every token (a trigger raises the
	 * account's token version), this request's included.
	 */
	Mono<User> updateMe(UpdateMeInput input, Viewer viewer, String clientAddress) {
		long id = viewer.requireUserId();
		PasswordRules.checkNew(input.password(), "input.password");
		Mono<Void> allowed = (input.password() != null || input.email() != null)
				? this.passwords.verifyCurrent(id, input.currentPassword(), clientAddress, "input.currentPassword")
				: Mono.empty();
		Mono<Optional<String>> hash = (input.password() != null)
				? this.passwords.hash(input.password()).map(Optional::of) : Mono.just(Optional.empty());
		return allowed.then(hash)
			.flatMap((hashed) -> this.users.update(id, input.username(), input.email(), input.fullName(), input.bio(),
					hashed.orElse(null)))
			.switchIfEmpty(Mono.error(() -> ApiException.unauthorized("Your account no longer exists")));
	}

	Mono<String> delete(String id, Viewer viewer) {
		viewer.requireUserId();
		long rowId = GlobalId.decode(id, NodeType.USER, "id");
		return GlobalId.deleted(NodeType.USER, id, this.users.exists(rowId)
			.flatMap((exists) -> {
				if (!exists) {
					return Mono.error(ApiException.notFound("user", id));
				}
				if (!viewer.isSelfOrSuperuser(rowId)) {
					return Mono.error(ApiException.forbidden("Only the account's owner or a superuser may delete it"));
				}
				return this.users.delete(rowId);
			}));
	}

}
