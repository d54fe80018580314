-- Interviewer tokens get an id, a name, a scope and a revocation; the first token (made by
-- judge serve on its first start) keeps working as an admin token.
CREATE TABLE interviewer_tokens (
	id      TEXT PRIMARY KEY,
	hash    BLOB NOT NULL UNIQUE, -- SHA-256 of the token; the token is never stored
	name    TEXT NOT NULL,
	scope   TEXT NOT NULL CHECK (scope IN ('admin', 'read')),
	revoked INTEGER NOT NULL DEFAULT 0,
	created INTEGER NOT NULL
) STRICT;
INSERT INTO interviewer_tokens (id, hash, name, scope, created)
	SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(2))) || '-' ||
		lower(hex(randomblob(2))) || '-' || lower(hex(randomblob(6))), hash, 'first', 'admin', created
	FROM admin_tokens;
DROP TABLE admin_tokens;
