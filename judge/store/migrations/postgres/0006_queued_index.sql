-- PostgreSQL's version of migrations/0006_queued_index.sql: its 0001 has made this index from
-- the start (SQLite's had not), so here it is a no-op kept in step.
CREATE INDEX IF NOT EXISTS submissions_queued ON submissions (state) WHERE state = 'queued';
