package store

import (
	"context"
	"errors"
	"fmt"
)

// DBStats are PostgreSQL's own counters for the store's database: what every process using it
// (servers, workers, River's maintenance) has cost it so far. Two readings subtracted give the
// cost of what happened between them (docs/scaling.md, make bench).
type DBStats struct {
	Commits, Rollbacks                  int64
	Fetched, Inserted, Updated, Deleted int64 // rows
	BlocksRead, BlocksHit               int64
	WALBytes                            int64
	TempMiB                             int64
}

// Sub is s less o, counter by counter.
func (s DBStats) Sub(o DBStats) DBStats {
	return DBStats{s.Commits - o.Commits, s.Rollbacks - o.Rollbacks, s.Fetched - o.Fetched, s.Inserted - o.Inserted,
		s.Updated - o.Updated, s.Deleted - o.Deleted, s.BlocksRead - o.BlocksRead, s.BlocksHit - o.BlocksHit,
		s.WALBytes - o.WALBytes, s.TempMiB - o.TempMiB}
}

// DBStats reads the counters now, from pg_stat_database and the WAL position. A backend
// reports its counters at the end of its transactions, at most every second or so: read after
// the load has settled. SQLite keeps no such counters.
func (s *Store) DBStats(ctx context.Context) (DBStats, error) {
	var st DBStats
	if !s.d.postgres {
		return st, errors.New("database counters: only a PostgreSQL database keeps them")
	}
	// One connection: the snapshot cleared is the one read next.
	c, err := s.db.Conn(ctx)
	if err != nil {
		return st, fmt.Errorf("database counters: %w", err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "SELECT pg_stat_clear_snapshot()"); err != nil {
		return st, fmt.Errorf("database counters: %w", err)
	}
	err = c.QueryRowContext(ctx, `SELECT xact_commit, xact_rollback, tup_fetched, tup_inserted, tup_updated, tup_deleted,
		blks_read, blks_hit, pg_current_wal_lsn() - '0/0'::pg_lsn, temp_bytes / 1048576
		FROM pg_stat_database WHERE datname = current_database()`).Scan(&st.Commits, &st.Rollbacks, &st.Fetched, &st.Inserted,
		&st.Updated, &st.Deleted, &st.BlocksRead, &st.BlocksHit, &st.WALBytes, &st.TempMiB)
	if err != nil {
		return st, fmt.Errorf("database counters: %w", err)
	}
	return st, nil
}
