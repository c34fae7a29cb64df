-- Secrets the server generates for itself, shared by every instance on this database. Today only
-- the JWT signing key when JWT_SECRET is not set (never under the prod profile).
CREATE TABLE server_secrets (
    name       varchar(50)  PRIMARY KEY,
    value      varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

-- Access tokens carry the version current when they were issued; raising it revokes them all.
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;

-- Revoking tokens is not an edit of the profile: it leaves updated_at alone.
CREATE OR REPLACE FUNCTION row_changed(old_row jsonb, new_row jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT old_row - ARRAY['updated_at', 'version', 'search_vector', 'token_version']
        IS DISTINCT FROM new_row - ARRAY['updated_at', 'version', 'search_vector', 'token_version']
$$;

-- A new password or a deactivation revokes every token, whoever makes the change (the API, an
-- operator in psql), so a token never outlives the credentials or the account it was issued for.
CREATE FUNCTION revoke_tokens_on_credential_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.hashed_password IS DISTINCT FROM OLD.hashed_password OR (OLD.is_active AND NOT NEW.is_active) THEN
        NEW.token_version := OLD.token_version + 1;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER users_revoke_tokens BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION revoke_tokens_on_credential_change();

-- Addresses an account's owner signed in from: failed logins from elsewhere cannot lock them out.
CREATE TABLE login_known_addresses (
    user_id       bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address       varchar(100) NOT NULL,
    last_login_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, address)
);
