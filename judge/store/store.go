// Package store keeps judge serve's assessments, candidates and submissions in SQLite through
// modernc.org/sqlite (pure Go: no cgo), in WAL mode with foreign keys on, or in PostgreSQL
// through pgx (judge serve --db postgres://...), migrated by the versioned SQL files embedded
// below, one set per dialect kept in step. It is the only package that imports database/sql or
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
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver (PostgreSQL)
	_ "modernc.org/sqlite"             // the "sqlite" database/sql driver

	"github.com/judge-dev/judge/judge"
)

//go:embed migrations/*.sql migrations/postgres/*.sql
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
	q     conn
	d     dialect
	now   func() time.Time
	path  string
	claim *os.File // the lock OpenClaimed holds (SQLite only), else nil

	dsn        string // PostgreSQL's URL, for ListenPool
	listenOnce sync.Once
	listen     *pgxpool.Pool
	listenErr  error
}

// IsPostgres tells a PostgreSQL URL (postgres:// or postgresql://) from an SQLite file path.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Redact is dsn fit for a log: a PostgreSQL URL without its password.
func Redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
}

// Open opens (creating it if needed) and migrates the database: a PostgreSQL database when dsn
// is a postgres:// URL (through pgx), else the SQLite file at that path.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn)
	}
	path := dsn
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
	s := &Store{db: db, q: conn{raw: db}, now: time.Now, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// openPostgres connects through pgx (its database/sql driver, so that a submission's row and
// its River job still commit in one *sql.Tx) and migrates.
func openPostgres(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	// Every connection is a server process: a bound per judge process (API or worker), so
	// that many of them stay under the server's max_connections.
	db.SetMaxOpenConns(10)
	d := dialect{postgres: true}
	s := &Store{db: db, q: conn{raw: db, d: d}, d: d, now: time.Now, dsn: dsn}
	if err := s.Ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	return s, nil
}

// Postgres reports whether the store is on PostgreSQL.
func (s *Store) Postgres() bool { return s.d.postgres }

// ListenPool is a pgx pool on the store's PostgreSQL database for River's LISTEN connection
// (judge/jobs): PostgreSQL's notifications need a connection of their own that database/sql
// cannot lend. It holds at most one connection, made when first asked for; the store closes
// it. On SQLite there is none (an error).
func (s *Store) ListenPool(ctx context.Context) (*pgxpool.Pool, error) {
	if !s.d.postgres {
		return nil, errors.New("listen pool: the database is not PostgreSQL")
	}
	s.listenOnce.Do(func() {
		cfg, err := pgxpool.ParseConfig(s.dsn)
		if err != nil {
			s.listenErr = fmt.Errorf("listen pool: %w", err)
			return
		}
		cfg.MinConns, cfg.MaxConns = 0, 1
		if s.listen, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
			s.listenErr = fmt.Errorf("listen pool: %w", err)
		}
	})
	return s.listen, s.listenErr
}

// Close closes the database and drops the claim, if held.
func (s *Store) Close() error {
	if s.listen != nil {
		s.listen.Close()
	}
	if s.claim != nil {
		s.claim.Close() // closing the last descriptor releases the lock
		s.claim = nil
	}
	return s.db.Close()
}

// ErrClaimed: another process judges from this database already.
var ErrClaimed = errors.New("another judge serve judges from this database")

// OpenClaimed opens the SQLite file at path as Open does, as the only process that judges from
// it: it first takes an exclusive flock on <path>.lock, held until Close and dropped by the
// kernel when the process dies, however it dies. An embedded database has one server; a second
// one on the same file is refused (ErrClaimed) before it touches the file (no migration under a
// running server) instead of sharing its jobs. With the claim held, every judging still marked
// running was cut short by a process that died, so RequeueOrphans may queue it again at once.
// A PostgreSQL database is shared by its servers and workers: it is never claimed.
func OpenClaimed(ctx context.Context, path string) (*Store, error) {
	if IsPostgres(path) {
		return nil, errors.New("claim database: a PostgreSQL database is shared by its servers and workers; only an SQLite file is claimed")
	}
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("claim database %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("claim database %s: %w (its lock %s.lock is held)", path, ErrClaimed, path)
		}
		return nil, fmt.Errorf("claim database %s: %w", path, err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		f.Close()
		return nil, err
	}
	s.claim = f
	return s, nil
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

// The migrations are kept in step: version N exists for both dialects (migrations/ for SQLite,
// migrations/postgres/ for PostgreSQL) and brings the same tables and columns
// (TestMigrationsInStep). SQLite keeps the version in user_version, PostgreSQL in a table.
func (s *Store) migrationFiles() string {
	if s.d.postgres {
		return "migrations/postgres/*.sql"
	}
	return "migrations/*.sql"
}

// migrate applies the embedded migrations newer than the database's version, each in its
// own transaction with the version it brings. On PostgreSQL an advisory lock makes several
// processes starting at once take turns.
func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, s.migrationFiles())
	if err != nil {
		return err
	}
	sort.Strings(names)
	if s.d.postgres {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		defer c.Close()
		if _, err := c.ExecContext(ctx, "SELECT pg_advisory_lock(7346001)"); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		defer c.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(7346001)")
		if _, err := s.db.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS judge_schema (version INTEGER NOT NULL)"); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	have, err := s.Version(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, name := range names {
		base := path.Base(name)
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
			return s.setVersion(ctx, tx.tx, v)
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", base, err)
		}
		have = v
	}
	return nil
}

func (s *Store) setVersion(ctx context.Context, tx *sql.Tx, v int) error {
	if !s.d.postgres {
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v))
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM judge_schema"); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO judge_schema (version) VALUES ($1)", v)
	return err
}

// Version is the schema version the database is at.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	if s.d.postgres {
		err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM judge_schema").Scan(&v)
		return v, err
	}
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Tx is a transaction: what must be written together (a submission and its job; a result and
// its job's completion) is written through one.
type Tx struct {
	tx  *sql.Tx
	q   conn
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
	if err := fn(&Tx{tx: t, q: conn{raw: t, d: s.d}, now: s.now}); err != nil {
		t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// scanner is what the scan functions read: an *sql.Row or the current row of an *sql.Rows.
type scanner interface{ Scan(...any) error }

// collect scans every row of a query's result with scan, and closes the rows before it
// returns: SQLite's store has one connection, which the next query needs.
func collect[T any](rows *sql.Rows, err error, what string, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var list []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		list = append(list, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return list, nil
}

func scanString(r scanner) (string, error) {
	var s string
	err := r.Scan(&s)
	return s, err
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
