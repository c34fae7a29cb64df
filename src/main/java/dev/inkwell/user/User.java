package dev.inkwell.user;

import java.time.OffsetDateTime;

import dev.inkwell.graphql.NodeRow;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code users}, without the password hash (see {@link UserCredentials}). */
@Table("users")
public record User(@Id Long id, String username, String email, String fullName, String bio, boolean isActive,
		boolean isSuperuser, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements NodeRow {

}
