-- What "alembic upgrade head" leaves beside the tables: its version table, at the first revision.
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO alembic_version (version_num) VALUES ('4f2a9c1d7e3b');
