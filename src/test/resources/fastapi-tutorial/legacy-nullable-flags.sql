-- The same models declared with Column(...) instead of Mapped[...] annotations (as SQLAlchemy 1.4
-- code, and the tutorial's own "from sqlalchemy import Column", have them): Column(Boolean,
-- default=True) is nullable, so is every column without nullable=False. Rows written outside the
-- ORM (psql, a data import, another service) then leave the flags NULL.
ALTER TABLE users ALTER COLUMN is_active DROP NOT NULL,
	ALTER COLUMN is_superuser DROP NOT NULL,
	ALTER COLUMN created_at DROP NOT NULL,
	ALTER COLUMN updated_at DROP NOT NULL;
ALTER TABLE tags ALTER COLUMN color DROP NOT NULL,
	ALTER COLUMN created_at DROP NOT NULL;
ALTER TABLE posts ALTER COLUMN published DROP NOT NULL,
	ALTER COLUMN created_at DROP NOT NULL,
	ALTER COLUMN updated_at DROP NOT NULL;
ALTER TABLE comments ALTER COLUMN created_at DROP NOT NULL,
	ALTER COLUMN updated_at DROP NOT NULL;
