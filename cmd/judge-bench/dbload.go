package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/judge-dev/judge/judge/store/pgtest"
)

// pgLoad reads PostgreSQL's own counters for the bench's database, before and after the load
// test: what a submission costs the database (docs/scaling.md).
type pgLoad struct {
	db    *sql.DB
	stats pgStats
}

type pgStats struct {
	commits, rollbacks                      int64
	fetched, inserted, updated, deleted     int64
	blocksRead, blocksHit, walBytes, tempMB int64
}

func (s pgStats) sub(o pgStats) pgStats {
	return pgStats{s.commits - o.commits, s.rollbacks - o.rollbacks, s.fetched - o.fetched, s.inserted - o.inserted,
		s.updated - o.updated, s.deleted - o.deleted, s.blocksRead - o.blocksRead, s.blocksHit - o.blocksHit,
		s.walBytes - o.walBytes, s.tempMB - o.tempMB}
}

func openPGLoad(url string) (*pgLoad, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return &pgLoad{db: db}, nil
}

// read takes the counters now. pg_stat_database is updated when a backend reports (at the end
// of its transactions, at most every second or so): read after the load has settled.
func (p *pgLoad) read(ctx context.Context) (pgStats, error) {
	var s pgStats
	if _, err := p.db.ExecContext(ctx, "SELECT pg_stat_clear_snapshot()"); err != nil {
		return s, err
	}
	err := p.db.QueryRowContext(ctx, `SELECT xact_commit, xact_rollback, tup_fetched, tup_inserted, tup_updated, tup_deleted,
		blks_read, blks_hit, pg_current_wal_lsn() - '0/0'::pg_lsn, temp_bytes / 1048576
		FROM pg_stat_database WHERE datname = current_database()`).Scan(&s.commits, &s.rollbacks, &s.fetched, &s.inserted,
		&s.updated, &s.deleted, &s.blocksRead, &s.blocksHit, &s.walBytes, &s.tempMB)
	return s, err
}

// startPG starts a throwaway PostgreSQL server for the bench (-server-db postgres).
func startPG() (url string, stop func() error, err error) {
	srv, err := pgtest.Start()
	if err != nil {
		return "", nil, err
	}
	url, err = srv.NewDatabase()
	if err != nil {
		srv.Stop()
		return "", nil, err
	}
	return url, srv.Stop, nil
}

func printPGLoad(out io.Writer, d pgStats, n int) {
	per := func(v int64) float64 { return float64(v) / float64(n) }
	fmt.Fprintf(out, "  PostgreSQL per submission (all processes, the load phase, River's maintenance included): %.1f commits, %.1f rollbacks, %.1f rows fetched, %.1f inserted, %.1f updated, %.1f deleted, %.0f blocks hit, %.1f read, %.1f KiB WAL\n",
		per(d.commits), per(d.rollbacks), per(d.fetched), per(d.inserted), per(d.updated), per(d.deleted), per(d.blocksHit), per(d.blocksRead), per(d.walBytes)/1024)
}
