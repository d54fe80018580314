-- PostgreSQL's version of migrations/0002_finish_webhooks.sql.
ALTER TABLE assessments ADD COLUMN webhook_url TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN webhook_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE candidates ADD COLUMN finished BIGINT;
