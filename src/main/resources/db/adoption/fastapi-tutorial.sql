-- Adopts a database made by the FastAPI tutorial's models (SQLAlchemy create_all or its first
-- Alembic migration) into Inkwell's schema as V1__blog_schema.sql leaves it, keeping every row and
-- id. Inkwell then records a Flyway baseline at version 1 and runs V2 and later as usual.
--
-- Run it in ONE transaction (Inkwell does; by hand: psql -1 -v ON_ERROR_STOP=1 -f this-file): it
-- either all happens or none of it. It may run twice (a crash between its commit and the
-- baseline): every step is written to find its work already done.
--
-- It rewrites users, posts, comments, tags and post_tags once each (integer ids become bigint;
-- posts gains its stored search vector) under an exclusive lock: stop the tutorial's app first.
-- It leaves alembic_version alone, and any index or table of the operator's own.
-- The statements that create Inkwell's indexes, constraints and triggers repeat V1's: V1 is frozen
-- (Flyway checksums it), and this script must end where V1 ends.

-- 1. Indexes that duplicate another or that Inkwell replaces with its own, dropped before the
--    rewrite so that it does not rebuild them: SQLAlchemy's index=True on primary keys duplicates
--    <table>_pkey; ix_posts_title serves no query of Inkwell's; the tutorial's hand-run indexes
--    are narrower versions of Inkwell's (or, for slug and post_tags(post_id), duplicates of a
--    unique index), and its GIN index over to_tsvector(title || ' ' || content) gives way to one
--    over the stored, weighted search_vector.
DROP INDEX IF EXISTS ix_users_id, ix_posts_id, ix_comments_id, ix_tags_id, ix_posts_title,
	idx_posts_author_id, idx_posts_published_created_at, idx_posts_slug, idx_comments_post_id,
	idx_post_tags_post_id, idx_post_tags_tag_id, idx_posts_search;

-- 2. Foreign keys: the tutorial's have no ON DELETE action (its cascades ran in the ORM). Dropped
--    here, whatever their names, and added back in step 7 with Inkwell's cascades.
DO $$
DECLARE
	fk record;
BEGIN
	FOR fk IN
		SELECT conrelid::regclass AS tab, conname FROM pg_constraint
		WHERE contype = 'f' AND conrelid IN ('posts'::regclass, 'comments'::regclass, 'post_tags'::regclass)
	LOOP
		EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tab, fk.conname);
	END LOOP;
END $$;

-- 3. What the ORM would have written where a row holds NULL (rows written outside it, into the
--    nullable columns of Column(...)-style models): its defaults for the flags and the color, the
--    row's own times for missing timestamps. A published post without published_at (the
--    tutorial's create() never sets it, only publish() does) was published when it was created.
UPDATE users SET is_active = true WHERE is_active IS NULL;
UPDATE users SET is_superuser = false WHERE is_superuser IS NULL;
UPDATE users SET created_at = coalesce(updated_at, now()) WHERE created_at IS NULL;
UPDATE users SET updated_at = created_at WHERE updated_at IS NULL;
UPDATE posts SET published = false WHERE published IS NULL;
UPDATE posts SET created_at = coalesce(least(published_at, updated_at), now()) WHERE created_at IS NULL;
UPDATE posts SET updated_at = created_at WHERE updated_at IS NULL;
UPDATE posts SET published_at = created_at WHERE published AND published_at IS NULL;
UPDATE comments SET created_at = coalesce(updated_at, now()) WHERE created_at IS NULL;
UPDATE comments SET updated_at = created_at WHERE updated_at IS NULL;
UPDATE tags SET color = '#6b7280' WHERE color IS NULL;
UPDATE tags SET created_at = now() WHERE created_at IS NULL;

-- 4. Columns: bigint ids (see the README: one schema for every Inkwell database, no 2^31 ceiling),
--    server defaults where the ORM had client-side ones, NOT NULL where Inkwell has it, and the
--    columns Inkwell adds: a version per post and comment (1 for existing rows) and the posts'
--    search vector (computed for existing rows). One statement per table: one rewrite per table.
ALTER TABLE users
	ALTER COLUMN id TYPE bigint,
	ALTER COLUMN is_active SET DEFAULT true, ALTER COLUMN is_active SET NOT NULL,
	ALTER COLUMN is_superuser SET DEFAULT false, ALTER COLUMN is_superuser SET NOT NULL,
	ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL,
	ALTER COLUMN updated_at SET DEFAULT now(), ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE posts
	ALTER COLUMN id TYPE bigint,
	ALTER COLUMN author_id TYPE bigint,
	ALTER COLUMN published SET DEFAULT false, ALTER COLUMN published SET NOT NULL,
	ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL,
	ALTER COLUMN updated_at SET DEFAULT now(), ALTER COLUMN updated_at SET NOT NULL,
	ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1,
	-- Weighted so that a match in the title ranks above one in the body.
	ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
		setweight(to_tsvector('english', coalesce(excerpt, '')), 'B') ||
		setweight(to_tsvector('english', coalesce(content, '')), 'C')
	) STORED;

ALTER TABLE comments
	ALTER COLUMN id TYPE bigint,
	ALTER COLUMN post_id TYPE bigint,
	ALTER COLUMN author_id TYPE bigint,
	ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL,
	ALTER COLUMN updated_at SET DEFAULT now(), ALTER COLUMN updated_at SET NOT NULL,
	ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;

ALTER TABLE tags
	ALTER COLUMN id TYPE bigint,
	ALTER COLUMN color SET DEFAULT '#6b7280', ALTER COLUMN color SET NOT NULL,
	ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL;

ALTER TABLE post_tags
	ALTER COLUMN post_id TYPE bigint,
	ALTER COLUMN tag_id TYPE bigint;

-- 5. SERIAL ids become identities, as Inkwell's are. The identity's sequence continues where the
--    SERIAL one stood (not at the largest id): ids of deleted rows are never handed out again.
DO $$
DECLARE
	tab text;
	serial_sequence text;
	next_id bigint;
BEGIN
	FOREACH tab IN ARRAY ARRAY['users', 'posts', 'comments', 'tags'] LOOP
		CONTINUE WHEN EXISTS (SELECT 1 FROM pg_attribute
			WHERE attrelid = tab::regclass AND attname = 'id' AND attidentity <> '');
		EXECUTE format('SELECT coalesce(max(id), 0) + 1 FROM %I', tab) INTO next_id;
		serial_sequence := pg_get_serial_sequence(tab, 'id');
		IF serial_sequence IS NOT NULL THEN
			EXECUTE format('SELECT greatest(%s, CASE WHEN is_called THEN last_value + 1 ELSE last_value END) FROM %s',
				next_id, serial_sequence) INTO next_id;
		END IF;
		EXECUTE format('ALTER TABLE %I ALTER COLUMN id DROP DEFAULT', tab);
		IF serial_sequence IS NOT NULL THEN
			EXECUTE format('DROP SEQUENCE %s', serial_sequence);
		END IF;
		EXECUTE format('ALTER TABLE %I ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY', tab);
		EXECUTE format('ALTER TABLE %I ALTER COLUMN id RESTART WITH %s', tab, next_id);
	END LOOP;
END $$;

-- 6. The tutorial's unique indexes (unique=True, index=True) become Inkwell's unique constraints,
--    reusing the index (renamed, not rebuilt).
DO $$
DECLARE
	target record;
BEGIN
	FOR target IN SELECT * FROM (VALUES
			('users', 'username', 'users_username_key', 'ix_users_username'),
			('users', 'email', 'users_email_key', 'ix_users_email'),
			('posts', 'slug', 'posts_slug_key', 'ix_posts_slug'),
			('tags', 'name', 'tags_name_key', 'ix_tags_name'),
			('tags', 'slug', 'tags_slug_key', 'ix_tags_slug')) AS t(tab, col, constraint_name, index_name)
	LOOP
		CONTINUE WHEN EXISTS (SELECT 1 FROM pg_constraint
			WHERE conrelid = target.tab::regclass AND conname = target.constraint_name);
		IF to_regclass(target.index_name) IS NOT NULL THEN
			EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I UNIQUE USING INDEX %I',
				target.tab, target.constraint_name, target.index_name);
		ELSE
			EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I UNIQUE (%I)', target.tab, target.constraint_name, target.col);
		END IF;
	END LOOP;
END $$;

-- 7. Deleting a user deletes their posts and comments; deleting a post its comments and tag links;
--    deleting a tag unlinks it.
ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey
	FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE comments ADD CONSTRAINT comments_post_id_fkey
	FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE;
ALTER TABLE comments ADD CONSTRAINT comments_author_id_fkey
	FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE post_tags ADD CONSTRAINT post_tags_post_id_fkey
	FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE;
ALTER TABLE post_tags ADD CONSTRAINT post_tags_tag_id_fkey
	FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE;

-- 8. The indexes Inkwell's queries rely on, as V1 names and defines them.
-- "Alice" and "alice" (or two spellings of one mailbox) must not be two accounts; Inkwell checks
-- before running this script that the tutorial's rows allow it, and says which rows do not.
CREATE UNIQUE INDEX IF NOT EXISTS users_username_lower_key ON users (lower(username));
CREATE UNIQUE INDEX IF NOT EXISTS users_email_lower_key ON users (lower(email));
CREATE INDEX IF NOT EXISTS posts_author_id_idx ON posts (author_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS posts_published_created_at_idx ON posts (published, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS posts_published_at_idx ON posts (published_at DESC, id DESC) WHERE published;
CREATE INDEX IF NOT EXISTS posts_search_vector_idx ON posts USING gin (search_vector);
CREATE INDEX IF NOT EXISTS comments_post_id_idx ON comments (post_id, created_at, id);
CREATE INDEX IF NOT EXISTS comments_author_id_idx ON comments (author_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX IF NOT EXISTS tags_name_lower_key ON tags (lower(name));
CREATE INDEX IF NOT EXISTS post_tags_tag_id_idx ON post_tags (tag_id, post_id);

-- 9. updated_at (and version) advance on every real change, whoever writes the row (as in V1; the
--    tutorial did this in the ORM, onupdate=func.now()). Created last, so that steps 3 and 4 do
--    not count as changes.
CREATE OR REPLACE FUNCTION row_changed(old_row jsonb, new_row jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT old_row - ARRAY['updated_at', 'version', 'search_vector']
        IS DISTINCT FROM new_row - ARRAY['updated_at', 'version', 'search_vector']
$$;

CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF row_changed(to_jsonb(OLD), to_jsonb(NEW)) THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION touch_updated_at_and_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF row_changed(to_jsonb(OLD), to_jsonb(NEW)) THEN
        NEW.updated_at := now();
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS users_touch ON users;
DROP TRIGGER IF EXISTS posts_touch ON posts;
DROP TRIGGER IF EXISTS comments_touch ON comments;
CREATE TRIGGER users_touch BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at_and_version();
CREATE TRIGGER comments_touch BEFORE UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at_and_version();

-- 10. Fresh statistics: the type changes dropped the ids' and the new columns have none, and the
--     planner should know the tables from the first request on.
ANALYZE users, posts, comments, tags, post_tags;
