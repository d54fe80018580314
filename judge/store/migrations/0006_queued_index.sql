-- The queued submissions, indexed, as PostgreSQL's 0001 has them: every submission's admission
-- counts them (--max-queued), and without an index that count read the whole table, every
-- submission ever judged included, so its cost grew with the service's age, not its queue's.
CREATE INDEX submissions_queued ON submissions (state) WHERE state = 'queued';
