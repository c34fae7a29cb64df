-- The database the FastAPI tutorial's app leaves behind (../shared/seed, "Database Models"):
-- what SQLAlchemy 2.0's Base.metadata.create_all() emits for its models on PostgreSQL, written
-- out by hand from the models, in the order create_all() sorts the tables (by dependency).
-- Its first Alembic migration (--autogenerate) creates the same tables and indexes.
--
-- How each model declaration turns into DDL:
-- * Integer, primary_key=True              -> SERIAL NOT NULL (integer + sequence <table>_id_seq)
--                                             and an unnamed PRIMARY KEY, which PostgreSQL names
--                                             <table>_pkey.
-- * index=True                             -> a separate CREATE INDEX ix_<table>_<column>, even on
--                                             the primary key (ix_users_id duplicates users_pkey).
-- * unique=True, index=True                -> CREATE UNIQUE INDEX ix_<table>_<column>: a unique
--                                             index, not a UNIQUE constraint.
-- * ForeignKey("users.id")                 -> an unnamed FOREIGN KEY without ON DELETE (PostgreSQL
--                                             names it <table>_<column>_fkey); the models'
--                                             cascade="all, delete-orphan" lives in the ORM only.
-- * default=True / False / "#6b7280"       -> nothing in the database: the ORM fills the value in
--                                             on INSERT. No server default.
-- * server_default=func.now()              -> DEFAULT now(). onupdate=func.now() is ORM-side too.
-- * Mapped[bool] / Mapped[str] / ...       -> NOT NULL: SQLAlchemy 2.0 derives nullability from the
--                                             annotation unless nullable= is given, so is_active,
--                                             published, color, created_at ... are NOT NULL here.
--                                             (legacy-nullable-flags.sql gives the variant where
--                                             they are not, as Column(...) declarations make them.)
-- * PostTag's two Integer primary keys     -> plain INTEGER NOT NULL (no SERIAL: composite key
--                                             with foreign keys), PRIMARY KEY (post_id, tag_id).
-- * DateTime(timezone=True) -> TIMESTAMP WITH TIME ZONE; String(n) -> VARCHAR(n); Text -> TEXT;
--   Boolean -> BOOLEAN (no CHECK constraint: PostgreSQL has a native boolean).

CREATE TABLE users (
	id SERIAL NOT NULL,
	username VARCHAR(50) NOT NULL,
	email VARCHAR(100) NOT NULL,
	hashed_password VARCHAR(255) NOT NULL,
	full_name VARCHAR(100),
	is_active BOOLEAN NOT NULL,
	is_superuser BOOLEAN NOT NULL,
	bio TEXT,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_users_id ON users (id);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE UNIQUE INDEX ix_users_email ON users (email);

CREATE TABLE tags (
	id SERIAL NOT NULL,
	name VARCHAR(50) NOT NULL,
	slug VARCHAR(50) NOT NULL,
	color VARCHAR(7) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id)
);
CREATE INDEX ix_tags_id ON tags (id);
CREATE UNIQUE INDEX ix_tags_name ON tags (name);
CREATE UNIQUE INDEX ix_tags_slug ON tags (slug);

CREATE TABLE posts (
	id SERIAL NOT NULL,
	title VARCHAR(200) NOT NULL,
	slug VARCHAR(200) NOT NULL,
	content TEXT NOT NULL,
	excerpt VARCHAR(300),
	published BOOLEAN NOT NULL,
	published_at TIMESTAMP WITH TIME ZONE,
	author_id INTEGER NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(author_id) REFERENCES users (id)
);
CREATE INDEX ix_posts_id ON posts (id);
CREATE INDEX ix_posts_title ON posts (title);
CREATE UNIQUE INDEX ix_posts_slug ON posts (slug);

CREATE TABLE comments (
	id SERIAL NOT NULL,
	content TEXT NOT NULL,
	post_id INTEGER NOT NULL,
	author_id INTEGER NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(post_id) REFERENCES posts (id),
	FOREIGN KEY(author_id) REFERENCES users (id)
);
CREATE INDEX ix_comments_id ON comments (id);

CREATE TABLE post_tags (
	post_id INTEGER NOT NULL,
	tag_id INTEGER NOT NULL,
	PRIMARY KEY (post_id, tag_id),
	FOREIGN KEY(post_id) REFERENCES posts (id),
	FOREIGN KEY(tag_id) REFERENCES tags (id)
);
