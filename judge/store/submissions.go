package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/judge-dev/judge/judge"
)

// InsertRecord stores a new queued submission and gives it its id and creation time. The caller
// enqueues its job in the same transaction.
func (tx *Tx) InsertRecord(ctx context.Context, r *judge.Record) error {
	r.ID, r.State, r.Created = uuid.NewString(), judge.StateQueued, tx.now().UTC().Truncate(time.Millisecond)
	_, err := tx.q.ExecContext(ctx, `INSERT INTO submissions (id, assessment_id, candidate_id, problem, filename, source, state, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.AssessmentID, r.CandidateID, r.Problem, r.Submission.Filename, r.Submission.Source, string(r.State), ms(r.Created))
	if err != nil {
		return fmt.Errorf("insert submission: %w", err)
	}
	return nil
}

// CountRecords counts a candidate's submissions to a problem, in the transaction that adds one,
// so that two at once cannot both pass a bound.
func (tx *Tx) CountRecords(ctx context.Context, candidateID, problem string) (int, error) {
	var n int
	err := tx.q.QueryRowContext(ctx, "SELECT count(*) FROM submissions WHERE candidate_id = ? AND problem = ?", candidateID, problem).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count submissions: %w", err)
	}
	return n, nil
}

// CountQueued counts the submissions waiting for a result.
func (tx *Tx) CountQueued(ctx context.Context) (int, error) { return countQueued(ctx, tx.q) }

// Queued counts the submissions waiting for a result.
func (s *Store) Queued(ctx context.Context) (int, error) { return countQueued(ctx, s.q) }

// queuedSQL counts the queued submissions through their partial index (migration 0006): its cost
// follows the queue's depth, not the table's size.
const queuedSQL = "SELECT count(*) FROM submissions WHERE state = 'queued'"

func countQueued(ctx context.Context, q conn) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, queuedSQL).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count queued submissions: %w", err)
	}
	return n, nil
}

// FinishRecord writes a submission's outcome: its report (done) or the judge's failure
// (failed). The caller completes the submission's job in the same transaction.
func (tx *Tx) FinishRecord(ctx context.Context, id string, rep *judge.Report, failure string) error {
	state, body := judge.StateFailed, sql.NullString{}
	if rep != nil {
		b, err := json.Marshal(rep)
		if err != nil {
			return fmt.Errorf("finish submission %s: %w", id, err)
		}
		state, body = judge.StateDone, sql.NullString{String: string(b), Valid: true}
	}
	res, err := tx.q.ExecContext(ctx, "UPDATE submissions SET state = ?, report = ?, error = ?, finished = ? WHERE id = ?",
		string(state), body, failure, ms(tx.now()), id)
	return mustAffect(res, err, "finish submission", id)
}

// Record returns the submission with that id, in the transaction.
func (tx *Tx) Record(ctx context.Context, id string) (*judge.Record, error) {
	return record(ctx, tx.q, id)
}

// Record returns the submission with that id.
func (s *Store) Record(ctx context.Context, id string) (*judge.Record, error) {
	return record(ctx, s.q, id)
}

const recordColumns = "id, assessment_id, candidate_id, problem, filename, source, state, report, error, created, finished"

func record(ctx context.Context, q conn, id string) (*judge.Record, error) {
	r, err := scanRecord(q.QueryRowContext(ctx, "SELECT "+recordColumns+" FROM submissions WHERE id = ?", id))
	if err != nil {
		return nil, notFound("submission", id, err)
	}
	return r, nil
}

func scanRecord(row scanner) (*judge.Record, error) {
	var r judge.Record
	var state string
	var report sql.NullString
	var created int64
	var finished sql.NullInt64
	if err := row.Scan(&r.ID, &r.AssessmentID, &r.CandidateID, &r.Problem, &r.Submission.Filename, &r.Submission.Source,
		&state, &report, &r.Error, &created, &finished); err != nil {
		return nil, err
	}
	r.State, r.Created, r.Finished = judge.State(state), fromMS(created), fromNullMS(finished)
	if report.Valid {
		r.Report = &judge.Report{}
		if err := json.Unmarshal([]byte(report.String), r.Report); err != nil {
			return nil, fmt.Errorf("submission %s: stored report: %w", r.ID, err)
		}
	}
	return &r, nil
}

// Filter selects submissions; empty fields select all.
type Filter struct {
	AssessmentID string
	CandidateID  string
	Problem      string
}

// Records lists the submissions the filter selects, oldest first.
func (s *Store) Records(ctx context.Context, f Filter) ([]*judge.Record, error) {
	var where []string
	var args []any
	for _, c := range []struct{ col, v string }{{"assessment_id", f.AssessmentID}, {"candidate_id", f.CandidateID}, {"problem", f.Problem}} {
		if c.v != "" {
			where = append(where, c.col+" = ?")
			args = append(args, c.v)
		}
	}
	q := "SELECT " + recordColumns + " FROM submissions"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.q.QueryContext(ctx, q+" ORDER BY created, rowid", args...)
	return collect(rows, err, "list submissions", scanRecord)
}

// RequeueRecords puts an assessment's submissions to a problem back in the queue (state queued,
// result cleared) and returns their ids; the caller enqueues a job for each in the same
// transaction.
func (tx *Tx) RequeueRecords(ctx context.Context, assessmentID, problem string) ([]string, error) {
	rows, err := tx.q.QueryContext(ctx, "SELECT id FROM submissions WHERE assessment_id = ? AND problem = ? ORDER BY created, rowid", assessmentID, problem)
	ids, err := collect(rows, err, "requeue submissions", scanString)
	if err != nil {
		return nil, err
	}
	_, err = tx.q.ExecContext(ctx, "UPDATE submissions SET state = 'queued', report = NULL, error = '', finished = NULL WHERE assessment_id = ? AND problem = ?", assessmentID, problem)
	if err != nil {
		return nil, fmt.Errorf("requeue submissions: %w", err)
	}
	return ids, nil
}

// SetComplexity adds a growth-class estimate (measured after the verdict, advisory) to a judged
// submission's report. It writes nothing when the submission has no report now (it is being
// judged again) or its verdict is not one that is measured.
func (tx *Tx) SetComplexity(ctx context.Context, id string, c *judge.Complexity, l *judge.LadderSummary) error {
	r, err := record(ctx, tx.q, id)
	if err != nil {
		return err
	}
	if r.State != judge.StateDone || r.Report == nil || !judge.Measured(r.Report.Verdict) {
		return nil
	}
	r.Report.Complexity, r.Report.Ladder = c, l
	b, err := json.Marshal(r.Report)
	if err != nil {
		return fmt.Errorf("complexity of submission %s: %w", id, err)
	}
	res, err := tx.q.ExecContext(ctx, "UPDATE submissions SET report = ? WHERE id = ? AND state = 'done'", string(b), id)
	return mustAffect(res, err, "set complexity of submission", id)
}
