package dev.inkwell.user;

import java.time.OffsetDateTime;

import dev.inkwell.graphql.node.NodeRow;
import io.r2dbc.spi.Readable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code users}, without the password hash (see {@link UserCredentials}). */
@Table("users")
public record User(@Id Long id, String username, String email, String fullName, String bio, boolean isActive,
		boolean isSuperuser, OffsetDateTime createdAt, OffsetDateTime updatedAt) implements NodeRow {

	/** The columns a User is read from, for a table aliased {@code u}: never the password hash. */
	public static final String COLUMNS = "u.id, u.username, u.email, u.full_name, u.bio, u.is_active, u.is_superuser, "
			+ "u.created_at, u.updated_at";

	/** Reads a row selected with {@link #COLUMNS}. */
	public static User from(Readable row) {
		return new User(row.get("id", Long.class), row.get("username", String.class), row.get("email", String.class),
				row.get("full_name", String.class), row.get("bio", String.class), row.get("is_active", Boolean.class),
				row.get("is_superuser", Boolean.class), row.get("created_at", OffsetDateTime.class),
				row.get("updated_at", OffsetDateTime.class));
	}

}
