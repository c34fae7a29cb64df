package dev.inkwell.tag;

import java.time.OffsetDateTime;

import dev.inkwell.graphql.NodeRow;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code tags}. */
@Table("tags")
public record Tag(@Id Long id, String name, String slug, String color, OffsetDateTime createdAt) implements NodeRow {

}
