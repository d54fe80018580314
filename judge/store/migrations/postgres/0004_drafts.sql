-- PostgreSQL's version of migrations/0004_drafts.sql.
CREATE TABLE drafts (
	candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
	problem      TEXT NOT NULL,
	source       BYTEA NOT NULL,
	updated      BIGINT NOT NULL,
	PRIMARY KEY (candidate_id, problem)
);
