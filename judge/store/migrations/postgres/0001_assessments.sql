-- PostgreSQL's version of migrations/0001_assessments.sql (kept in step: the same tables and
-- columns). Times are unix milliseconds, flags integers, as in SQLite; seq keeps the insertion
-- order that SQLite's rowid gives.
CREATE TABLE admin_tokens (
	hash    BYTEA PRIMARY KEY,
	created BIGINT NOT NULL
);

CREATE TABLE assessments (
	id              TEXT PRIMARY KEY,
	name            TEXT NOT NULL,
	opens           BIGINT NOT NULL,
	closes          BIGINT NOT NULL,
	allowance_ms    BIGINT NOT NULL DEFAULT 0,
	max_submissions BIGINT NOT NULL DEFAULT 0,
	policy          TEXT NOT NULL,
	released        BIGINT NOT NULL DEFAULT 0,
	created         BIGINT NOT NULL,
	seq             BIGINT GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE assessment_problems (
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	position      BIGINT NOT NULL,
	problem       TEXT NOT NULL,
	PRIMARY KEY (assessment_id, problem)
);

CREATE TABLE candidates (
	id            TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	name          TEXT NOT NULL,
	email         TEXT NOT NULL DEFAULT '',
	token_hash    BYTEA NOT NULL UNIQUE,
	revoked       BIGINT NOT NULL DEFAULT 0,
	started       BIGINT,
	created       BIGINT NOT NULL,
	seq           BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX candidates_assessment ON candidates (assessment_id);

CREATE TABLE submissions (
	id            TEXT PRIMARY KEY,
	assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	candidate_id  TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
	problem       TEXT NOT NULL,
	filename      TEXT NOT NULL,
	source        BYTEA NOT NULL,
	state         TEXT NOT NULL CHECK (state IN ('queued', 'done', 'failed')),
	report        TEXT,
	error         TEXT NOT NULL DEFAULT '',
	created       BIGINT NOT NULL,
	finished      BIGINT,
	seq           BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX submissions_candidate ON submissions (candidate_id, problem);
CREATE INDEX submissions_assessment ON submissions (assessment_id, created);
CREATE INDEX submissions_queued ON submissions (state) WHERE state = 'queued';
