package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

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

// printPGLoad prints the load phase's cost per submission, once as measured and once less
// what the same time costs with nothing submitted (polling and maintenance: per second).
func printPGLoad(out io.Writer, d, idle pgStats, idleFor, loadFor time.Duration, n int) {
	line := func(what string, d pgStats, per float64) {
		f := func(v int64) float64 { return float64(v) / per }
		fmt.Fprintf(out, "  %-44s %7.1f commits %7.1f rows fetched %6.1f inserted %6.1f updated %6.1f deleted %7.0f blocks hit %5.1f read %7.1f KiB WAL\n",
			what, f(d.commits), f(d.fetched), f(d.inserted), f(d.updated), f(d.deleted), f(d.blocksHit), f(d.blocksRead), f(d.walBytes)/1024)
	}
	fmt.Fprintln(out, "  PostgreSQL, from its counters (every process of the server, River's maintenance included):")
	line("idle, per second", idle, idleFor.Seconds())
	line("load phase, per submission", d, float64(n))
	scale := loadFor.Seconds() / idleFor.Seconds()
	marginal := pgStats{}
	for _, p := range []struct{ m, a, b *int64 }{{&marginal.commits, &d.commits, &idle.commits}, {&marginal.fetched, &d.fetched, &idle.fetched},
		{&marginal.inserted, &d.inserted, &idle.inserted}, {&marginal.updated, &d.updated, &idle.updated}, {&marginal.deleted, &d.deleted, &idle.deleted},
		{&marginal.blocksHit, &d.blocksHit, &idle.blocksHit}, {&marginal.blocksRead, &d.blocksRead, &idle.blocksRead}, {&marginal.walBytes, &d.walBytes, &idle.walBytes}} {
		*p.m = *p.a - int64(float64(*p.b)*scale)
	}
	line("per submission, less the idle rate", marginal, float64(n))
}
