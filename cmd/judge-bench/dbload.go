package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/judge-dev/judge/judge/store"
	"github.com/judge-dev/judge/judge/store/pgtest"
)

// startPG starts a throwaway PostgreSQL server for the bench (-server-db postgres), with its
// statement counters (pg_stat_statements, part of Debian's server package) loaded.
func startPG() (url string, stop func() error, err error) {
	srv, err := pgtest.Start("shared_preload_libraries=pg_stat_statements")
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

// printStatements prints the statements that ran during the load phase, most called first, per
// submission: what each submission costs the database, statement by statement.
func printStatements(out io.Writer, sts []store.Statement, n int, why string) {
	if why != "" {
		fmt.Fprintf(out, "  statements: not counted (%s)\n", why)
		return
	}
	per := float64(n)
	fmt.Fprintf(out, "  statements of the load phase (pg_stat_statements), per submission, most called first:\n")
	fmt.Fprintf(out, "  %8s %8s %8s %8s %9s  %s\n", "calls", "rows", "blk hit", "WAL KiB", "ms", "statement")
	var calls, rows, hit, wal, ms float64
	for i, st := range sts {
		calls, rows, hit, wal, ms = calls+float64(st.Calls), rows+float64(st.Rows), hit+float64(st.BlocksHit), wal+float64(st.WALBytes), ms+st.Millis
		if i >= 15 {
			continue
		}
		q := strings.Join(strings.Fields(st.Query), " ")
		if len(q) > 90 {
			q = q[:87] + "..."
		}
		fmt.Fprintf(out, "  %8.2f %8.2f %8.1f %8.2f %9.3f  %s\n", float64(st.Calls)/per, float64(st.Rows)/per, float64(st.BlocksHit)/per,
			float64(st.WALBytes)/1024/per, st.Millis/per, q)
	}
	fmt.Fprintf(out, "  %8.2f %8.2f %8.1f %8.2f %9.3f  all %d statements\n", calls/per, rows/per, hit/per, wal/1024/per, ms/per, len(sts))
}
