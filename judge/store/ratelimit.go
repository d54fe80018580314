package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// TakeRate spends one of a candidate's judgings at now, under a limit of burst at once and then
// one every interval (the generic cell rate algorithm: one stored time per candidate). It
// returns 0 when the judging may go, else how long until one may. The limit lives in the
// database, so all the API servers in front of it share it; concurrent takes are settled by a
// compare-and-swap on the stored time, retried, so none is lost or counted twice.
func (s *Store) TakeRate(ctx context.Context, candidateID string, now time.Time, interval time.Duration, burst int) (time.Duration, error) {
	if interval <= 0 || burst < 1 {
		return 0, fmt.Errorf("rate limit: interval %v and burst %d must be positive", interval, burst)
	}
	every := interval.Milliseconds()
	tolerance := every * int64(burst-1)
	n := ms(now)
	for range 20 {
		var tat int64
		err := s.q.QueryRowContext(ctx, `SELECT tat FROM rate_limits WHERE candidate_id = ?`, candidateID).Scan(&tat)
		found := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("rate limit: %w", err)
		}
		t := max(tat, n)
		if wait := t - n - tolerance; wait > 0 {
			return time.Duration(wait) * time.Millisecond, nil
		}
		var res sql.Result
		if found {
			res, err = s.q.ExecContext(ctx, `UPDATE rate_limits SET tat = ? WHERE candidate_id = ? AND tat = ?`, t+every, candidateID, tat)
		} else {
			res, err = s.q.ExecContext(ctx, `INSERT INTO rate_limits (candidate_id, tat) VALUES (?, ?) ON CONFLICT (candidate_id) DO NOTHING`, candidateID, t+every)
		}
		if err != nil {
			return 0, fmt.Errorf("rate limit: %w", err)
		}
		if k, err := res.RowsAffected(); err != nil {
			return 0, fmt.Errorf("rate limit: %w", err)
		} else if k == 1 {
			return 0, nil
		}
		// Another server took one in between: read again.
	}
	return 0, errors.New("rate limit: the candidate's limit kept changing under this server (20 tries)")
}
