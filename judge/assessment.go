package judge

import (
	"errors"
	"fmt"
	"net/url"
	"time"
)

// The service's own types: take-home assessments that candidates reach through invite links
// (judge serve). They say what is stored and what a candidate may see; how they are stored and
// served lives in judge/store and judge/server.

// Policy is the feedback a candidate gets on a submission (the samples they may always run
// with full details).
type Policy string

const (
	// PolicySamples: full details on sample tests, the verdict and score overall, nothing per
	// hidden test. The default.
	PolicySamples Policy = "samples"
	// PolicyTests: as PolicySamples, plus the verdict, times and memory of every hidden test.
	PolicyTests Policy = "tests"
	// PolicyScore: the score only.
	PolicyScore Policy = "score"
	// PolicyNone: nothing until the interviewer releases the results; then as PolicyTests.
	PolicyNone Policy = "none"
)

// Valid reports whether p is one of the policies.
func (p Policy) Valid() bool {
	switch p {
	case PolicySamples, PolicyTests, PolicyScore, PolicyNone:
		return true
	}
	return false
}

// Assessment is a set of problems candidates solve in a window, invited one by one.
type Assessment struct {
	ID       string
	Name     string
	Problems []string // problem ids, in the order candidates see them
	Opens    time.Time
	Closes   time.Time
	// Allowance is each candidate's time from their first open; 0: the whole window.
	Allowance time.Duration
	// MaxSubmissions bounds the submissions per candidate and problem; 0: no bound.
	MaxSubmissions int
	Policy         Policy
	// Released shows PolicyNone assessments' results to candidates.
	Released bool
	// WebhookURL, when set, hears (signed with WebhookSecret) when a candidate finishes.
	WebhookURL    string
	WebhookSecret string
	Created       time.Time
}

// Check rejects an assessment that cannot be taken.
func (a *Assessment) Check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("assessment: %s: %w", fmt.Sprintf(format, args...), ErrBadInput)
	}
	switch {
	case a.Name == "" || len(a.Name) > 200:
		return bad("a name of 1 to 200 bytes is required")
	case len(a.Problems) == 0 || len(a.Problems) > 50:
		return bad("1 to 50 problems are required")
	case a.Opens.IsZero() || a.Closes.IsZero() || !a.Closes.After(a.Opens):
		return bad("opens and closes are required, and it must close after it opens")
	case a.Allowance < 0 || a.MaxSubmissions < 0:
		return bad("allowance and max_submissions cannot be negative")
	case !a.Policy.Valid():
		return bad("unknown feedback policy %q (samples, tests, score, none)", a.Policy)
	case a.WebhookURL != "" && !validWebhook(a.WebhookURL):
		return bad("webhook_url must be an absolute http or https URL")
	}
	seen := map[string]bool{}
	for _, p := range a.Problems {
		if seen[p] {
			return bad("problem %q is listed twice", p)
		}
		seen[p] = true
	}
	return nil
}

// HasProblem reports whether id is one of the assessment's problems.
func (a *Assessment) HasProblem(id string) bool {
	for _, p := range a.Problems {
		if p == id {
			return true
		}
	}
	return false
}

// Candidate is one person invited to an assessment. Their invite link carries a token the store
// keeps only as a hash.
type Candidate struct {
	ID           string
	AssessmentID string
	Name         string
	Email        string
	Revoked      bool
	// Started is the candidate's first open of the assessment (their clock); zero until then.
	Started time.Time
	// Finished is when the candidate said they were done: their window ends there.
	Finished time.Time
	Created  time.Time
}

// ErrClosed: the assessment is not open to this candidate now (before it opens, after it closes,
// or after their allowance ran out).
var ErrClosed = errors.New("assessment closed")

// Window returns when the candidate's assessment ends for them: its close, or earlier when
// their allowance from their first open runs out.
func Window(a *Assessment, c *Candidate) (opens, ends time.Time) {
	ends = a.Closes
	if a.Allowance > 0 && !c.Started.IsZero() {
		if e := c.Started.Add(a.Allowance); e.Before(ends) {
			ends = e
		}
	}
	if !c.Finished.IsZero() && c.Finished.Before(ends) {
		ends = c.Finished
	}
	return a.Opens, ends
}

// CheckOpen says whether the candidate may work on the assessment at now.
func CheckOpen(a *Assessment, c *Candidate, now time.Time) error {
	opens, ends := Window(a, c)
	switch {
	case !c.Finished.IsZero():
		// Finished is a decision, not a time: whatever the clocks say, it is over.
		return fmt.Errorf("you finished at %s: %w", c.Finished.UTC().Format(time.RFC3339), ErrClosed)
	case now.Before(opens):
		return fmt.Errorf("assessment opens at %s: %w", opens.UTC().Format(time.RFC3339), ErrClosed)
	case !now.Before(ends):
		return fmt.Errorf("assessment ended at %s: %w", ends.UTC().Format(time.RFC3339), ErrClosed)
	}
	return nil
}

// State is where a stored submission is.
type State string

const (
	StateQueued State = "queued"
	StateDone   State = "done"
	// StateFailed: the judge could not judge it (not the candidate's fault).
	StateFailed State = "failed"
)

// Record is a submission as the service stores it: who sent what to which problem, and what
// the judge made of it. Report is the full report, hidden details included (interviewers); a
// candidate sees it only through CandidateView.
type Record struct {
	ID           string
	AssessmentID string
	CandidateID  string
	Problem      string
	Submission   Submission
	State        State
	Report       *Report
	Error        string
	Created      time.Time
	Finished     time.Time
}

// ErrNotFound: no such assessment, candidate or submission (or not one the caller may see).
var ErrNotFound = errors.New("not found")

// ErrLimit: the candidate has used every submission the assessment allows for that problem.
var ErrLimit = errors.New("submission limit reached")

// ErrBusy: the queue holds as many submissions as it may; the client should try again later.
var ErrBusy = errors.New("queue full")

func validWebhook(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 2000
}

// Finish is what a webhook tells when a candidate finishes: who, and their best result per
// problem (the last of the best scores).
type Finish struct {
	Event string `json:"event"` // "candidate.finished"
	// Reason is "done" (the candidate said so) or "time_up" (their window ended).
	Reason       string          `json:"reason"`
	AssessmentID string          `json:"assessment_id"`
	Assessment   string          `json:"assessment"`
	CandidateID  string          `json:"candidate_id"`
	Candidate    string          `json:"candidate"`
	Email        string          `json:"email,omitempty"`
	Finished     time.Time       `json:"finished"`
	Problems     []FinishProblem `json:"problems"`
}

// FinishProblem is a candidate's best on one problem.
type FinishProblem struct {
	Problem     string   `json:"problem"`
	Submissions int      `json:"submissions"`
	Verdict     *Verdict `json:"verdict,omitempty"`
	Score       float64  `json:"score"`
}

// NewFinish summarises a candidate's submissions for the finish webhook.
func NewFinish(a *Assessment, c *Candidate, recs []*Record, reason string) Finish {
	f := Finish{Event: "candidate.finished", Reason: reason, AssessmentID: a.ID, Assessment: a.Name, CandidateID: c.ID, Candidate: c.Name,
		Email: c.Email, Finished: c.Finished, Problems: []FinishProblem{}}
	for _, id := range a.Problems {
		fp := FinishProblem{Problem: id}
		for _, r := range recs {
			if r.Problem != id || r.CandidateID != c.ID {
				continue
			}
			fp.Submissions++
			if r.Report != nil && (fp.Verdict == nil || r.Report.Score >= fp.Score) {
				v := r.Report.Verdict
				fp.Verdict, fp.Score = &v, r.Report.Score
			}
		}
		f.Problems = append(f.Problems, fp)
	}
	return f
}

// Scope is what an interviewer token may do.
type Scope string

const (
	// ScopeAdmin: everything, tokens included.
	ScopeAdmin Scope = "admin"
	// ScopeRead: read assessments, candidates, submissions, exports and metrics; change nothing.
	ScopeRead Scope = "read"
)

// Token is an interviewer token as stored: its hash is kept, never the token.
type Token struct {
	ID      string
	Name    string
	Scope   Scope
	Revoked bool
	Created time.Time
}

// ErrLastAdmin: revoking that token would leave no admin token, and no way back in.
var ErrLastAdmin = errors.New("the last admin token")
