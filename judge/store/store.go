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
	"os"
	"sort"
	"strconv"
	"strings"
	"syscall"
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
	db    *sql.DB
	now   func() time.Time
	path  string
	claim *os.File // the lock Claim holds, nil until then
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
	s := &Store{db: db, now: time.Now, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database and drops the claim, if held.
func (s *Store) Close() error {
	if s.claim != nil {
		s.claim.Close() // closing the last descriptor releases the lock
		s.claim = nil
	}
	return s.db.Close()
}

// ErrClaimed: another process judges from this database already.
var ErrClaimed = errors.New("another judge serve judges from this database")

// Claim makes this process the only one that judges from the database: an exclusive flock on
// the file <path>.lock, held until Close and dropped by the kernel when the process dies,
// however it dies. An embedded database has one server; a second one on the same file is
// refused (ErrClaimed) instead of sharing its jobs. With the claim held, every judging still
// marked running was cut short by a process that died, so RequeueOrphans may queue it again at
// once.
func (s *Store) Claim() error {
	f, err := os.OpenFile(s.path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("claim database %s: %w", s.path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return fmt.Errorf("claim database %s: %w (its lock %s.lock is held)", s.path, ErrClaimed, s.path)
		}
		return fmt.Errorf("claim database %s: %w", s.path, err)
	}
	s.claim = f
	return nil
}

// RequeueOrphans makes every job left running (by a server that died: kill -9, a crash) available
// again, and returns how many. It needs the claim: without it a running job may be another live
// server's. River's own rescuer would take such jobs up only after the job timeout; the claim
// lets the server that follows a dead one do it at start. River's job table is River's, but its
// states are part of River's documented schema, and this is the one write the store makes to it.
func (s *Store) RequeueOrphans(ctx context.Context) (int, error) {
	if s.claim == nil {
		return 0, errors.New("requeue orphaned jobs: the database is not claimed by this process")
	}
	res, err := s.db.ExecContext(ctx, `UPDATE river_job SET state = 'available' WHERE state = 'running'`)
	if err != nil {
		return 0, fmt.Errorf("requeue orphaned jobs: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

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
