package store

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/store/pgtest"
)

// PG is the PostgreSQL server of this package's tests (store_test's too), started on first use,
// with the statement counters the bench reads (Store.Statements).
var PG = pgtest.Shared{Settings: []string{"shared_preload_libraries=pg_stat_statements"}}

func TestMain(m *testing.M) { os.Exit(PG.Run(m)) }

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
	assert.Equal(t, 6, v)
	tok, err := s.TokenByHash(ctx, []byte("old-hash"))
	require.NoError(t, err)
	assert.Equal(t, judge.ScopeAdmin, tok.Scope)
	assert.False(t, tok.Revoked)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`, tok.ID, "an id the API accepts")
}

// The two dialects' migrations are kept in step: the same versions under the same names, and
// the same tables with the same columns once applied (PostgreSQL's seq stands for SQLite's
// rowid).
func TestMigrationsInStep(t *testing.T) {
	ctx := context.Background()
	lite, err := fs.Glob(migrations, "migrations/*.sql")
	require.NoError(t, err)
	pgs, err := fs.Glob(migrations, "migrations/postgres/*.sql")
	require.NoError(t, err)
	base := func(names []string) (out []string) {
		for _, n := range names {
			out = append(out, path.Base(n))
		}
		return out
	}
	require.NotEmpty(t, lite)
	require.Equal(t, base(lite), base(pgs), "a migration for each dialect")

	sl, err := Open(ctx, filepath.Join(t.TempDir(), "judge.db"))
	require.NoError(t, err)
	defer sl.Close()
	pq, err := Open(ctx, PG.Database(t))
	require.NoError(t, err)
	defer pq.Close()
	columns := func(s *Store, query string) map[string][]string {
		rows, err := s.db.QueryContext(ctx, query)
		require.NoError(t, err)
		defer rows.Close()
		out := map[string][]string{}
		for rows.Next() {
			var table, col string
			require.NoError(t, rows.Scan(&table, &col))
			if col != "seq" && table != "judge_schema" {
				out[table] = append(out[table], col)
			}
		}
		require.NoError(t, rows.Err())
		for _, cols := range out {
			sort.Strings(cols)
		}
		return out
	}
	want := columns(sl, `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	got := columns(pq, `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`)
	require.NotEmpty(t, want)
	assert.Equal(t, want, got)
	lv, err := sl.Version(ctx)
	require.NoError(t, err)
	pv, err := pq.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, lv, pv)
}

// TestQueuedCountUsesItsIndex: every submission's admission counts the queued ones; on either
// database the count reads the partial index of queued submissions, not the whole table. (On
// PostgreSQL with sequential scans priced out: a small table's plan would scan it anyway.)
func TestQueuedCountUsesItsIndex(t *testing.T) {
	ctx := context.Background()
	plan := func(conn *sql.Conn, explain string) string {
		rows, err := conn.QueryContext(ctx, explain+" "+queuedSQL)
		require.NoError(t, err)
		defer rows.Close()
		cols, err := rows.Columns()
		require.NoError(t, err)
		var out string
		for rows.Next() {
			vals := make([]any, len(cols))
			for i := range vals {
				vals[i] = new(sql.NullString)
			}
			require.NoError(t, rows.Scan(vals...))
			for _, v := range vals {
				out += v.(*sql.NullString).String + " "
			}
			out += "\n"
		}
		require.NoError(t, rows.Err())
		return out
	}
	t.Run("sqlite", func(t *testing.T) {
		s, err := Open(ctx, filepath.Join(t.TempDir(), "judge.db"))
		require.NoError(t, err)
		defer s.Close()
		conn, err := s.db.Conn(ctx)
		require.NoError(t, err)
		defer conn.Close()
		assert.Contains(t, plan(conn, "EXPLAIN QUERY PLAN"), "submissions_queued")
	})
	t.Run("postgres", func(t *testing.T) {
		s, err := Open(ctx, PG.Database(t))
		require.NoError(t, err)
		defer s.Close()
		conn, err := s.db.Conn(ctx)
		require.NoError(t, err)
		defer conn.Close()
		_, err = conn.ExecContext(ctx, "SET enable_seqscan = off")
		require.NoError(t, err)
		assert.Contains(t, plan(conn, "EXPLAIN"), "submissions_queued")
	})
}
