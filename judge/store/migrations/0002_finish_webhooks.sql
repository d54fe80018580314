-- A candidate says they are done (their window ends there), and an assessment may tell an
-- applicant-tracking system so through a signed webhook.
ALTER TABLE assessments ADD COLUMN webhook_url TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN webhook_secret TEXT NOT NULL DEFAULT ''; -- HMAC key: kept, since it signs
ALTER TABLE candidates ADD COLUMN finished INTEGER;
