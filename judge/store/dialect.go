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

// rebind turns a query and its arguments into the dialect's. It reads the query as SQL words,
// not as text: a ? or the word rowid inside a quoted literal or identifier is left alone, and
// rowid is renamed only as a whole word (never inside another name).
func (d dialect) rebind(query string, args []any) (string, []any) {
	if !d.postgres {
		return query, args
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			// A quoted literal or identifier, to its closing quote (a doubled quote is one).
			j := i + 1
			for j < len(query) {
				if query[j] == c {
					if j+1 < len(query) && query[j+1] == c {
						j += 2
						continue
					}
					j++
					break
				}
				j++
			}
			b.WriteString(query[i:min(j, len(query))])
			i = j
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			i++
		case isWordByte(c):
			j := i
			for j < len(query) && isWordByte(query[j]) {
				j++
			}
			if w := query[i:j]; strings.EqualFold(w, "rowid") {
				b.WriteString("seq")
			} else {
				b.WriteString(w)
			}
			i = j
		default:
			b.WriteByte(c)
			i++
		}
	}
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
	return b.String(), out
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
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
