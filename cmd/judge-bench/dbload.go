package main

import (
	"fmt"
	"io"
	"time"

	"github.com/judge-dev/judge/judge/store"
	"github.com/judge-dev/judge/judge/store/pgtest"
)

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
func printPGLoad(out io.Writer, d, idle store.DBStats, idleFor, loadFor time.Duration, n int) {
	line := func(what string, d store.DBStats, per float64) {
		f := func(v int64) float64 { return float64(v) / per }
		fmt.Fprintf(out, "  %-44s %7.1f commits %7.1f rows fetched %6.1f inserted %6.1f updated %6.1f deleted %7.0f blocks hit %5.1f read %7.1f KiB WAL\n",
			what, f(d.Commits), f(d.Fetched), f(d.Inserted), f(d.Updated), f(d.Deleted), f(d.BlocksHit), f(d.BlocksRead), f(d.WALBytes)/1024)
	}
	fmt.Fprintln(out, "  PostgreSQL, from its counters (every process of the server, River's maintenance included):")
	line("idle, per second", idle, idleFor.Seconds())
	line("load phase, per submission", d, float64(n))
	scale := loadFor.Seconds() / idleFor.Seconds()
	marginal := store.DBStats{}
	for _, p := range []struct{ m, a, b *int64 }{{&marginal.Commits, &d.Commits, &idle.Commits}, {&marginal.Fetched, &d.Fetched, &idle.Fetched},
		{&marginal.Inserted, &d.Inserted, &idle.Inserted}, {&marginal.Updated, &d.Updated, &idle.Updated}, {&marginal.Deleted, &d.Deleted, &idle.Deleted},
		{&marginal.BlocksHit, &d.BlocksHit, &idle.BlocksHit}, {&marginal.BlocksRead, &d.BlocksRead, &idle.BlocksRead}, {&marginal.WALBytes, &d.WALBytes, &idle.WALBytes}} {
		*p.m = *p.a - int64(float64(*p.b)*scale)
	}
	line("per submission, less the idle rate", marginal, float64(n))
}
