-- The service's own tables. River keeps its tables (river_*) in the same database file and
-- migrates them itself (judge/jobs).
CREATE TABLE admin_tokens (
	hash    BLOB PRIMARY KEY,
	created INTEGER NOT NULL
) STRICT;

CREATE TABLE assessments (
	id              TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	opens           INTEGER NOT NULL, -- unix milliseconds, as every time here
	closes          INTEGER NOT NULL,
	allowance_ms    INTEGER NOT NULL DEFAULT 0,
	max_submissions INTEGER NOT NULL DEFAULT 0,
	policy          TEXT NOT NULL,
	released        INTEGER NOT NULL DEFAULT 0,
	created         INTEGER NOT NULL
) STRICT;

CREATE TABLE assessment_problems (
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,
	problem       TEXT NOT NULL,
	PRIMARY KEY (assessment_id, problem)
) STRICT;

CREATE TABLE candidates (
	id            TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	name          TEXT NOT NULL,
	email         TEXT NOT NULL DEFAULT '',
	token_hash    BLOB NOT NULL UNIQUE, -- SHA-256 of the invite token; the token is never stored
	revoked       INTEGER NOT NULL DEFAULT 0,
	started       INTEGER, -- first open: the candidate's clock
	created       INTEGER NOT NULL
) STRICT;
CREATE INDEX candidates_assessment ON candidates (assessment_id);

CREATE TABLE submissions (
	id            TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	candidate_id  TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
	problem       TEXT NOT NULL,
	filename      TEXT NOT NULL,
	source        BLOB NOT NULL,
	state         TEXT NOT NULL CHECK (state IN ('queued', 'done', 'failed')),
	report        TEXT, -- the full judge.Report as JSON (hidden details included)
	error         TEXT NOT NULL DEFAULT '',
	created       INTEGER NOT NULL,
	finished      INTEGER
) STRICT;
CREATE INDEX submissions_candidate ON submissions (candidate_id, problem);
CREATE INDEX submissions_assessment ON submissions (assessment_id, created);
