-- Login attempts per account and per client address in the current window, shared by every
-- Inkwell instance. UNLOGGED: losing the counts in a crash only lifts a temporary limit early.
CREATE UNLOGGED TABLE login_attempts (
    key          varchar(400) PRIMARY KEY,
    window_start timestamptz NOT NULL,
    attempts     integer     NOT NULL
);
