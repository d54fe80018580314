package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// dialect is what differs between SQLite and PostgreSQL in the store's own SQL, which is
// written once, in SQLite's words: PostgreSQL numbers its placeholders ($1, $2 ... for ?),
// keeps the insertion order in a seq column (SQLite's rowid), and stores flags as integers
// that pgx will not fill from a Go bool.
type dialect struct{ postgres bool }

// rebind turns a query and its arguments into the dialect's.
func (d dialect) rebind(query string, args []any) (string, []any) {
	if !d.postgres {
		return query, args
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	q := strings.ReplaceAll(b.String(), "rowid", "seq")
	out := make([]any, len(args))
	for i, a := range args {
		if v, ok := a.(bool); ok {
			a = 0
			if v {
				a = 1
			}
		}
		out[i] = a
	}
	return q, out
}

// sqlQuerier is what database/sql's DB and Tx both do.
type sqlQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// conn runs the store's SQL on a database or a transaction, in the dialect's words.
type conn struct {
	raw sqlQuerier
	d   dialect
}

func (c conn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	query, args = c.d.rebind(query, args)
	return c.raw.QueryRowContext(ctx, query, args...)
}

func (c conn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query, args = c.d.rebind(query, args)
	return c.raw.QueryContext(ctx, query, args...)
}

func (c conn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	query, args = c.d.rebind(query, args)
	return c.raw.ExecContext(ctx, query, args...)
}
