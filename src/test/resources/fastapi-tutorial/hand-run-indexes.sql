-- The tutorial's "Database Indexing Strategy" (Performance Optimization), run by hand as written.
-- One statement per line: CREATE INDEX CONCURRENTLY cannot run inside a transaction.
CREATE INDEX CONCURRENTLY idx_posts_author_id ON posts(author_id);
CREATE INDEX CONCURRENTLY idx_posts_published_created_at ON posts(published, created_at DESC);
CREATE INDEX CONCURRENTLY idx_posts_slug ON posts(slug);
CREATE INDEX CONCURRENTLY idx_comments_post_id ON comments(post_id);
CREATE INDEX CONCURRENTLY idx_post_tags_post_id ON post_tags(post_id);
CREATE INDEX CONCURRENTLY idx_post_tags_tag_id ON post_tags(tag_id);
CREATE INDEX CONCURRENTLY idx_posts_search ON posts USING gin(to_tsvector('english', title || ' ' || content));
