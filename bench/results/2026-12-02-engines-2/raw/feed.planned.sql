-- The statements of one request, captured from PostgreSQL's log (bench/engines.sh),
-- in the order they finished; values bound as in the request (pgbench -D).

SELECT p.id, p.title, p.slug, NULL::text AS content, p.excerpt, p.published, p.published_at, p.author_id, p.version, p.created_at, p.updated_at, 0::bigint AS parent_id, (p.created_at)::text AS sort_key FROM posts p WHERE p.published AND p.published = :s1_1 AND true ORDER BY p.created_at DESC, p.id DESC LIMIT :s1_2 OFFSET :s1_3;

SELECT * FROM (SELECT c.id, c.content, c.post_id, c.author_id, c.version, c.created_at, c.updated_at, (c.created_at)::text AS sort_key, c.post_id AS parent_id, row_number() OVER (PARTITION BY c.post_id ORDER BY c.created_at DESC, c.id DESC) AS rn FROM comments c WHERE c.post_id = ANY(:s2_1) AND true AND true) paged WHERE rn <= :s2_2 ORDER BY parent_id, rn;

SELECT pt.post_id, t.id, t.name, t.slug, t.color, t.created_at FROM post_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.post_id = ANY(:s3_1) ORDER BY lower(t.name);

SELECT u.id, u.username, u.email, u.full_name, u.bio, u.is_active, u.is_superuser, u.created_at, u.updated_at FROM users u WHERE u.id = ANY(:s4_1);
