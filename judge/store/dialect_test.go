package store

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRebind(t *testing.T) {
	pg := dialect{postgres: true}
	for _, c := range []struct{ in, want string }{
		{"SELECT id FROM t WHERE a = ? AND b = ?", "SELECT id FROM t WHERE a = $1 AND b = $2"},
		{"SELECT rowid, name FROM t ORDER BY ROWID", "SELECT seq, name FROM t ORDER BY seq"},
		{"SELECT growid, rowid_at FROM t", "SELECT growid, rowid_at FROM t"},
		{"SELECT 'why?', 'it''s rowid?' FROM t WHERE x = ?", "SELECT 'why?', 'it''s rowid?' FROM t WHERE x = $1"},
		{`SELECT "odd?""name" FROM t WHERE x = ?`, `SELECT "odd?""name" FROM t WHERE x = $1`},
		{"SELECT 'unterminated ?", "SELECT 'unterminated ?"},
		{"SELECT 'é' || ? FROM t", "SELECT 'é' || $1 FROM t"},
	} {
		got, _ := pg.rebind(c.in, nil)
		assert.Equal(t, c.want, got, c.in)
	}
	_, args := pg.rebind("?, ?, ?", []any{true, false, "x"})
	assert.Equal(t, []any{1, 0, "x"}, args, "flags are integers")
	q, args := dialect{}.rebind("SELECT rowid FROM t WHERE a = ?", []any{true})
	assert.Equal(t, "SELECT rowid FROM t WHERE a = ?", q, "SQLite's words are the store's")
	assert.Equal(t, []any{true}, args)
}
