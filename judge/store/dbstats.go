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

// Statement is one statement's share of the database's work since TrackStatements, from
// PostgreSQL's pg_stat_statements (the statement as planned, its constants replaced by $n).
type Statement struct {
	Query                 string
	Calls, Rows           int64
	BlocksHit, BlocksRead int64
	WALBytes              int64
	Millis                float64 // execution time, all calls
}

// TrackStatements zeroes the statement counters of the server (every database on it) and makes
// them readable here; the server must load pg_stat_statements (shared_preload_libraries).
func (s *Store) TrackStatements(ctx context.Context) error {
	if !s.d.postgres {
		return errors.New("statement counters: only a PostgreSQL database keeps them")
	}
	if _, err := s.db.ExecContext(ctx, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"); err != nil {
		return fmt.Errorf("statement counters: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, "SELECT pg_stat_statements_reset()"); err != nil {
		return fmt.Errorf("statement counters (is pg_stat_statements in shared_preload_libraries?): %w", err)
	}
	return nil
}

// Statements reads the statement counters of this database, most called first.
func (s *Store) Statements(ctx context.Context) ([]Statement, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT query, calls, rows, shared_blks_hit, shared_blks_read, wal_bytes, total_exec_time
		FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
		ORDER BY calls DESC, query`)
	if err != nil {
		return nil, fmt.Errorf("statement counters: %w", err)
	}
	defer rows.Close()
	var out []Statement
	for rows.Next() {
		var st Statement
		if err := rows.Scan(&st.Query, &st.Calls, &st.Rows, &st.BlocksHit, &st.BlocksRead, &st.WALBytes, &st.Millis); err != nil {
			return nil, fmt.Errorf("statement counters: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("statement counters: %w", err)
	}
	return out, nil
}
