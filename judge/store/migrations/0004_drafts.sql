-- A candidate's draft per problem, saved as they type in the browser, so that a closed tab
-- loses nothing. One row per candidate and problem, overwritten.
CREATE TABLE drafts (
	candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
	problem      TEXT NOT NULL,
	source       BLOB NOT NULL,
	updated      INTEGER NOT NULL,
	PRIMARY KEY (candidate_id, problem)
) STRICT;
