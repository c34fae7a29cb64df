-- Read-your-writes with read replicas: per user, the primary's WAL position after their last
-- mutation. A user's reads go to a replica only once it has replayed this position. Only written
-- when replicas are configured (DATABASE_REPLICA_URLS); read on the primary only.
CREATE TABLE viewer_write_positions (
    user_id      bigint      PRIMARY KEY,
    wal_position pg_lsn      NOT NULL,
    written_at   timestamptz NOT NULL DEFAULT now()
);
