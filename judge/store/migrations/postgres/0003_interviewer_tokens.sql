-- PostgreSQL's version of migrations/0003_interviewer_tokens.sql.
CREATE TABLE interviewer_tokens (
	id      TEXT PRIMARY KEY,
	hash    BYTEA NOT NULL UNIQUE,
	name    TEXT NOT NULL,
	scope   TEXT NOT NULL CHECK (scope IN ('admin', 'read')),
	revoked BIGINT NOT NULL DEFAULT 0,
	created BIGINT NOT NULL,
	seq     BIGINT GENERATED ALWAYS AS IDENTITY
);
INSERT INTO interviewer_tokens (id, hash, name, scope, created)
	SELECT gen_random_uuid()::text, hash, 'first', 'admin', created FROM admin_tokens;
DROP TABLE admin_tokens;
