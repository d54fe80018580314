package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SaveDraft keeps source as the candidate's draft of a problem, replacing the one before.
func (s *Store) SaveDraft(ctx context.Context, candidateID, problem string, source []byte) error {
	_, err := s.q.ExecContext(ctx, `INSERT INTO drafts (candidate_id, problem, source, updated) VALUES (?, ?, ?, ?)
		ON CONFLICT (candidate_id, problem) DO UPDATE SET source = excluded.source, updated = excluded.updated`,
		candidateID, problem, source, ms(s.now()))
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	return nil
}

// Draft is the candidate's saved draft of a problem; ok is false when there is none.
func (s *Store) Draft(ctx context.Context, candidateID, problem string) (source []byte, ok bool, err error) {
	err = s.q.QueryRowContext(ctx, `SELECT source FROM drafts WHERE candidate_id = ? AND problem = ?`, candidateID, problem).Scan(&source)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("draft: %w", err)
	}
	return source, true, nil
}
