package dev.inkwell.graphql.planned;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.inkwell.Content;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The data both engines answer from: three authors with published posts and drafts, tags on some
 * posts, comments by several users at known instants (ties included, so ordering by id matters).
 */
final class DifferentialSeed {

	final List<Long> posts = new ArrayList<>();

	final List<Long> drafts = new ArrayList<>();

	final List<Long> users = new ArrayList<>();

	final List<Long> tags = new ArrayList<>();

	final List<Long> comments = new ArrayList<>();

	final List<String> slugs = new ArrayList<>();

	/** @param accounts row ids of the registered accounts (author, other, superuser), seeded as authors too */
	static DifferentialSeed write(DatabaseClient db, List<Long> accounts) {
		DifferentialSeed seed = new DifferentialSeed();
		Content content = new Content(db);
		seed.users.addAll(accounts);
		seed.users.add(content.user("carol"));
		seed.users.add(content.user("dave"));
		for (String name : List.of("GraphQL", "PostgreSQL", "Java", "Empty")) {
			seed.tags.add(content.tag(name));
		}
		OffsetDateTime start = OffsetDateTime.parse("2026-03-01T10:00:00Z");
		for (int i = 0; i < 18; i++) {
			long author = seed.users.get(i % seed.users.size());
			boolean published = i % 5 != 3;
			// Every fourth post shares its instant with the one before: ties are broken by id.
			OffsetDateTime createdAt = start.plusMinutes((i / 4) * 4 + Math.min(i % 4, 2));
			String title = (i % 3 == 0) ? "GraphQL batching, part " + i : (i % 3 == 1) ? "PostgreSQL backup " + i
					: "Zebra notes " + i;
			long post = content.post(author, title, "Content of post " + i + " about graphql and postgresql",
					published, createdAt);
			(published ? seed.posts : seed.drafts).add(post);
			if (i % 4 != 2) {
				content.tagPost(post, seed.tags.get(i % 3));
			}
			if (i % 3 == 0) {
				content.tagPost(post, seed.tags.get((i + 1) % 3));
			}
			for (int c = 0; c < i % 6; c++) {
				seed.comments.add(content.comment(post, seed.users.get((i + c) % seed.users.size()),
						"Comment " + c + " on " + i, createdAt.plusSeconds(c / 2)));
			}
		}
		seed.slugs.addAll(db.sql("SELECT slug FROM posts ORDER BY id").map((row) -> row.get(0, String.class)).all()
			.collectList().block());
		db.sql("UPDATE posts SET excerpt = 'Excerpt ' || id WHERE id % 2 = 0").then().block();
		return seed;
	}

}
