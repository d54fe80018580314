// Package store keeps judge serve's assessments, candidates and submissions in SQLite through
// modernc.org/sqlite (pure Go: no cgo), in WAL mode with foreign keys on, migrated by the
// versioned SQL files embedded below. It is the only package that imports database/sql or
// writes SQL; it never judges, queues or serves anything. River (judge/jobs) keeps its own
// tables in the same file so that a submission and its job commit together: the store hands it
// the database and transaction handles as SQLDB and SQLTx.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	"github.com/judge-dev/judge/judge"
)

//go:embed migrations/*.sql
var migrations embed.FS

// SQLDB and SQLTx are the handles River's SQLite driver is typed on. They are named here so
// that judge/jobs can pass them to River without importing database/sql or writing SQL.
type (
	SQLDB = *sql.DB
	SQLTx = *sql.Tx
)

// Store is the service's database.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// Open opens (creating it if needed) and migrates the database file at path.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// SQLite allows one writer at a time; one connection makes the service and River take turns
	// instead of failing with SQLITE_BUSY (River's SQLite driver asks for it). Judging happens
	// outside any transaction, so the turns are short.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB is the database handle for River's driver.
func (s *Store) DB() SQLDB { return s.db }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// migrate applies the embedded migrations newer than the database's user_version, each in its
// own transaction with the version it brings.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var have int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migrate: %s: no version number", base)
		}
		if v <= have {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = s.InTx(ctx, func(tx *Tx) error {
			if _, err := tx.tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", base, err)
		}
		have = v
	}
	return nil
}

// Version is the schema version the database is at.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Tx is a transaction: what must be written together (a submission and its job; a result and
// its job's completion) is written through one.
type Tx struct {
	tx  *sql.Tx
	now func() time.Time
}

// SQL is the transaction handle for River's InsertTx and JobCompleteTx.
func (tx *Tx) SQL() SQLTx { return tx.tx }

// InTx runs fn in a transaction, committed when fn returns nil and rolled back otherwise.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	t, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(&Tx{tx: t, now: s.now}); err != nil {
		t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// querier is what reads need: the database or a transaction.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

func fromNullMS(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return fromMS(v.Int64)
}

// notFound maps a missing row to judge.ErrNotFound.
func notFound(what, id string, err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %s: %w", what, id, judge.ErrNotFound)
	}
	return fmt.Errorf("%s %s: %w", what, id, err)
}

// mustAffect turns an UPDATE that matched nothing into judge.ErrNotFound.
func mustAffect(res sql.Result, err error, what, id string) error {
	if err != nil {
		return fmt.Errorf("%s %s: %w", what, id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return fmt.Errorf("%s %s: %w", what, id, judge.ErrNotFound)
	}
	return nil
}
