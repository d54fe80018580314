-- PostgreSQL's version of migrations/0005_rate_limits.sql.
CREATE TABLE rate_limits (
	candidate_id TEXT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
	tat          BIGINT NOT NULL
);
