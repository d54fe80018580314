-- Each candidate's rate limit on what costs a judging (submissions and sample runs), kept here so
-- that every API server in front of the database enforces one limit: the generic cell rate
-- algorithm's theoretical arrival time, in Unix milliseconds (Store.TakeRate).
CREATE TABLE rate_limits (
	candidate_id TEXT PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
	tat          INTEGER NOT NULL
) STRICT;
