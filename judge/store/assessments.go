package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/judge-dev/judge/judge"
)

// AddToken stores an interviewer token by its hash and gives it its id.
func (s *Store) AddToken(ctx context.Context, t *judge.Token, hash []byte) error {
	t.ID, t.Created = uuid.NewString(), s.now().UTC().Truncate(time.Millisecond)
	_, err := s.q.ExecContext(ctx, "INSERT INTO interviewer_tokens (id, hash, name, scope, created) VALUES (?, ?, ?, ?, ?)",
		t.ID, hash, t.Name, string(t.Scope), ms(t.Created))
	if err != nil {
		return fmt.Errorf("add token: %w", err)
	}
	return nil
}

// AdminTokens counts the interviewer tokens, revoked ones included.
func (s *Store) AdminTokens(ctx context.Context) (int, error) {
	var n int
	err := s.q.QueryRowContext(ctx, "SELECT count(*) FROM interviewer_tokens").Scan(&n)
	return n, err
}

const tokenColumns = "id, name, scope, revoked, created"

func scanToken(row scanner) (*judge.Token, error) {
	var t judge.Token
	var scope string
	var created int64
	if err := row.Scan(&t.ID, &t.Name, &scope, &t.Revoked, &created); err != nil {
		return nil, err
	}
	t.Scope, t.Created = judge.Scope(scope), fromMS(created)
	return &t, nil
}

// TokenByHash returns the interviewer token whose hash that is, revoked or not.
func (s *Store) TokenByHash(ctx context.Context, hash []byte) (*judge.Token, error) {
	t, err := scanToken(s.q.QueryRowContext(ctx, "SELECT "+tokenColumns+" FROM interviewer_tokens WHERE hash = ?", hash))
	if err != nil {
		return nil, notFound("token", "", err)
	}
	return t, nil
}

// Tokens lists the interviewer tokens, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]*judge.Token, error) {
	rows, err := s.q.QueryContext(ctx, "SELECT "+tokenColumns+" FROM interviewer_tokens ORDER BY created, rowid")
	return collect(rows, err, "list tokens", scanToken)
}

// RevokeToken stops an interviewer token, unless it is the last admin token standing (that
// would lock every interviewer out): then judge.ErrLastAdmin.
func (s *Store) RevokeToken(ctx context.Context, id string) error {
	return s.InTx(ctx, func(tx *Tx) error {
		var scope string
		var revoked bool
		err := tx.q.QueryRowContext(ctx, "SELECT scope, revoked FROM interviewer_tokens WHERE id = ?", id).Scan(&scope, &revoked)
		if err != nil {
			return notFound("token", id, err)
		}
		if revoked {
			return nil
		}
		if judge.Scope(scope) == judge.ScopeAdmin {
			var admins int
			if err := tx.q.QueryRowContext(ctx, "SELECT count(*) FROM interviewer_tokens WHERE scope = 'admin' AND revoked = 0").Scan(&admins); err != nil {
				return err
			}
			if admins <= 1 {
				return fmt.Errorf("revoke token %s: %w: make another admin token first", id, judge.ErrLastAdmin)
			}
		}
		_, err = tx.q.ExecContext(ctx, "UPDATE interviewer_tokens SET revoked = 1 WHERE id = ?", id)
		return err
	})
}

// CreateAssessment stores a (checked) assessment and gives it its id and creation time.
func (s *Store) CreateAssessment(ctx context.Context, a *judge.Assessment) error {
	if err := a.Check(); err != nil {
		return err
	}
	a.ID, a.Created = uuid.NewString(), s.now().UTC().Truncate(time.Millisecond)
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.q.ExecContext(ctx, `INSERT INTO assessments (id, name, opens, closes, allowance_ms, max_submissions, policy, released, webhook_url, webhook_secret, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, a.Name, ms(a.Opens), ms(a.Closes), a.Allowance.Milliseconds(), a.MaxSubmissions, string(a.Policy), a.Released,
			a.WebhookURL, a.WebhookSecret, ms(a.Created))
		if err != nil {
			return fmt.Errorf("create assessment: %w", err)
		}
		for i, p := range a.Problems {
			if _, err := tx.q.ExecContext(ctx, "INSERT INTO assessment_problems (assessment_id, position, problem) VALUES (?, ?, ?)", a.ID, i, p); err != nil {
				return fmt.Errorf("create assessment: %w", err)
			}
		}
		return nil
	})
}

const assessmentColumns = "id, name, opens, closes, allowance_ms, max_submissions, policy, released, webhook_url, webhook_secret, created"

func scanAssessment(row scanner) (*judge.Assessment, error) {
	var a judge.Assessment
	var opens, closes, allowance, created int64
	var policy string
	if err := row.Scan(&a.ID, &a.Name, &opens, &closes, &allowance, &a.MaxSubmissions, &policy, &a.Released, &a.WebhookURL, &a.WebhookSecret, &created); err != nil {
		return nil, err
	}
	a.Opens, a.Closes, a.Created = fromMS(opens), fromMS(closes), fromMS(created)
	a.Allowance, a.Policy = time.Duration(allowance)*time.Millisecond, judge.Policy(policy)
	return &a, nil
}

// Assessment returns the assessment with that id, its problems in order.
func (s *Store) Assessment(ctx context.Context, id string) (*judge.Assessment, error) {
	a, err := scanAssessment(s.q.QueryRowContext(ctx, "SELECT "+assessmentColumns+" FROM assessments WHERE id = ?", id))
	if err != nil {
		return nil, notFound("assessment", id, err)
	}
	if a.Problems, err = s.problems(ctx, id); err != nil {
		return nil, err
	}
	return a, nil
}

func (s *Store) problems(ctx context.Context, id string) ([]string, error) {
	rows, err := s.q.QueryContext(ctx, "SELECT problem FROM assessment_problems WHERE assessment_id = ? ORDER BY position", id)
	return collect(rows, err, "assessment "+id, scanString)
}

// Assessments lists every assessment, newest first.
func (s *Store) Assessments(ctx context.Context) ([]*judge.Assessment, error) {
	rows, err := s.q.QueryContext(ctx, "SELECT "+assessmentColumns+" FROM assessments ORDER BY created DESC, id")
	list, err := collect(rows, err, "list assessments", scanAssessment)
	if err != nil {
		return nil, err
	}
	// Read the problems after the rows are closed (collect did): the store has one connection.
	for _, a := range list {
		if a.Problems, err = s.problems(ctx, a.ID); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// SetReleased shows (or hides) a PolicyNone assessment's results to its candidates.
func (s *Store) SetReleased(ctx context.Context, id string, released bool) error {
	res, err := s.q.ExecContext(ctx, "UPDATE assessments SET released = ? WHERE id = ?", released, id)
	return mustAffect(res, err, "release assessment", id)
}

// CreateCandidate invites a candidate to an assessment; tokenHash is the hash of their invite
// token.
func (s *Store) CreateCandidate(ctx context.Context, c *judge.Candidate, tokenHash []byte) error {
	return s.CreateCandidates(ctx, []*judge.Candidate{c}, [][]byte{tokenHash})
}

// CreateCandidates invites candidates (tokenHashes[i] is cs[i]'s) all together or none.
func (s *Store) CreateCandidates(ctx context.Context, cs []*judge.Candidate, tokenHashes [][]byte) error {
	return s.InTx(ctx, func(tx *Tx) error {
		for i, c := range cs {
			c.ID, c.Created = uuid.NewString(), s.now().UTC().Truncate(time.Millisecond)
			_, err := tx.q.ExecContext(ctx, "INSERT INTO candidates (id, assessment_id, name, email, token_hash, created) VALUES (?, ?, ?, ?, ?, ?)",
				c.ID, c.AssessmentID, c.Name, c.Email, tokenHashes[i], ms(c.Created))
			if err != nil {
				return fmt.Errorf("invite candidate %q: %w", c.Name, err)
			}
		}
		return nil
	})
}

const candidateColumns = "id, assessment_id, name, email, revoked, started, finished, created"

func scanCandidate(row scanner) (*judge.Candidate, error) {
	var c judge.Candidate
	var started, finished sql.NullInt64
	var created int64
	if err := row.Scan(&c.ID, &c.AssessmentID, &c.Name, &c.Email, &c.Revoked, &started, &finished, &created); err != nil {
		return nil, err
	}
	c.Started, c.Finished, c.Created = fromNullMS(started), fromNullMS(finished), fromMS(created)
	return &c, nil
}

// Candidate returns the candidate with that id.
func (s *Store) Candidate(ctx context.Context, id string) (*judge.Candidate, error) {
	c, err := scanCandidate(s.q.QueryRowContext(ctx, "SELECT "+candidateColumns+" FROM candidates WHERE id = ?", id))
	if err != nil {
		return nil, notFound("candidate", id, err)
	}
	return c, nil
}

// CandidateByToken returns the candidate whose invite token hashes to hash, revoked or not.
func (s *Store) CandidateByToken(ctx context.Context, hash []byte) (*judge.Candidate, error) {
	c, err := scanCandidate(s.q.QueryRowContext(ctx, "SELECT "+candidateColumns+" FROM candidates WHERE token_hash = ?", hash))
	if err != nil {
		return nil, notFound("invite", "token", err)
	}
	return c, nil
}

// Candidates lists an assessment's candidates in the order they were invited.
func (s *Store) Candidates(ctx context.Context, assessmentID string) ([]*judge.Candidate, error) {
	rows, err := s.q.QueryContext(ctx, "SELECT "+candidateColumns+" FROM candidates WHERE assessment_id = ? ORDER BY created, rowid", assessmentID)
	return collect(rows, err, "list candidates", scanCandidate)
}

// RevokeCandidate makes the candidate's invite link stop working.
func (s *Store) RevokeCandidate(ctx context.Context, id string) error {
	res, err := s.q.ExecContext(ctx, "UPDATE candidates SET revoked = 1 WHERE id = ?", id)
	return mustAffect(res, err, "revoke candidate", id)
}

// ReissueToken gives the candidate a new invite token (the old link stops working) and lifts a
// revocation.
func (s *Store) ReissueToken(ctx context.Context, id string, hash []byte) error {
	res, err := s.q.ExecContext(ctx, "UPDATE candidates SET token_hash = ?, revoked = 0 WHERE id = ?", hash, id)
	return mustAffect(res, err, "reissue invite", id)
}

// StartCandidate starts the candidate's clock at their first open; later calls change nothing.
// It returns the candidate as stored.
func (s *Store) StartCandidate(ctx context.Context, id string) (*judge.Candidate, error) {
	if _, err := s.q.ExecContext(ctx, "UPDATE candidates SET started = ? WHERE id = ? AND started IS NULL", ms(s.now()), id); err != nil {
		return nil, fmt.Errorf("start candidate %s: %w", id, err)
	}
	return s.Candidate(ctx, id)
}

// FinishCandidate records that the candidate was done at at, once; it reports whether this call did
// (false: they had finished already). The caller enqueues the webhook in the same transaction.
func (tx *Tx) FinishCandidate(ctx context.Context, id string, at time.Time) (bool, error) {
	res, err := tx.q.ExecContext(ctx, "UPDATE candidates SET finished = ? WHERE id = ? AND finished IS NULL", ms(at), id)
	if err != nil {
		return false, fmt.Errorf("finish candidate %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UnfinishedCandidates lists the candidates who have not finished, of every assessment.
func (s *Store) UnfinishedCandidates(ctx context.Context) ([]*judge.Candidate, error) {
	rows, err := s.q.QueryContext(ctx, "SELECT "+candidateColumns+" FROM candidates WHERE finished IS NULL ORDER BY created, rowid")
	return collect(rows, err, "list unfinished candidates", scanCandidate)
}

// UpdateAssessment stores an edited assessment (checked): its name, window, allowance,
// submission bound and policy. Its problems, webhook and release stay as they are: candidates
// may already have worked on them.
func (s *Store) UpdateAssessment(ctx context.Context, a *judge.Assessment) error {
	if err := a.Check(); err != nil {
		return err
	}
	res, err := s.q.ExecContext(ctx, `UPDATE assessments SET name = ?, opens = ?, closes = ?, allowance_ms = ?, max_submissions = ?, policy = ? WHERE id = ?`,
		a.Name, ms(a.Opens), ms(a.Closes), a.Allowance.Milliseconds(), a.MaxSubmissions, string(a.Policy), a.ID)
	return mustAffect(res, err, "update assessment", a.ID)
}
