package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
)

// A database made by an older judge serve (schema 2, the first admin token in admin_tokens)
// migrates to the current schema and its admin token still opens everything.
func TestMigrateKeepsTheFirstAdminToken(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	for _, f := range []string{"migrations/0001_assessments.sql", "migrations/0002_finish_webhooks.sql"} {
		b, err := migrations.ReadFile(f)
		require.NoError(t, err)
		_, err = db.ExecContext(ctx, string(b))
		require.NoError(t, err)
	}
	_, err = db.ExecContext(ctx, "PRAGMA user_version = 2")
	require.NoError(t, err)
	_, err = db.ExecContext(ctx, "INSERT INTO admin_tokens (hash, created) VALUES (?, 1)", []byte("old-hash"))
	require.NoError(t, err)
	require.NoError(t, db.Close())

	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	v, err := s.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, 4, v)
	tok, err := s.TokenByHash(ctx, []byte("old-hash"))
	require.NoError(t, err)
	assert.Equal(t, judge.ScopeAdmin, tok.Scope)
	assert.False(t, tok.Revoked)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, tok.ID, "an id the API accepts")
}
