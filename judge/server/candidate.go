package server

import (
	"context"
	"net/http"
	"time"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/store"
)

// The candidates' API, reached through an invite link. Every answer is built from the judge
// package's candidate views (no field for hidden data), and a candidate reaches only their own
// submissions and their assessment's problems, inside their window.

type problemRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// overviewJSON is what a candidate's link shows before any problem: the assessment, its
// problems, the rules and their window.
type overviewJSON struct {
	Candidate        string       `json:"candidate"`
	Assessment       string       `json:"assessment"`
	Problems         []problemRef `json:"problems"`
	Opens            time.Time    `json:"opens"`
	Ends             time.Time    `json:"ends"`
	AllowanceMinutes int          `json:"allowance_minutes"`
	MaxSubmissions   int          `json:"max_submissions"`
	Policy           judge.Policy `json:"policy"`
	Open             bool         `json:"open"`
	Started          *time.Time   `json:"started,omitempty"`
	Finished         *time.Time   `json:"finished,omitempty"`
}

func (s *Server) overviewOf(ctx context.Context, inv invitee) (overviewJSON, error) {
	a, c := inv.assessment, inv.candidate
	refs := []problemRef{}
	for _, id := range a.Problems {
		p, err := s.cfg.Problem(ctx, id)
		if err != nil {
			return overviewJSON{}, err
		}
		refs = append(refs, problemRef{ID: id, Name: p.Name})
	}
	opens, ends := judge.Window(a, c)
	out := overviewJSON{Candidate: c.Name, Assessment: a.Name, Problems: refs, Opens: opens, Ends: ends,
		AllowanceMinutes: int(a.Allowance / time.Minute), MaxSubmissions: a.MaxSubmissions, Policy: a.Policy,
		Open: judge.CheckOpen(a, c, s.cfg.Now()) == nil}
	if !c.Started.IsZero() {
		out.Started = &c.Started
	}
	if !c.Finished.IsZero() {
		out.Finished = &c.Finished
	}
	return out, nil
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) error {
	out, err := s.overviewOf(r.Context(), inviteeOf(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// open checks that the candidate may work now, and starts their clock at their first piece of
// work (reading a problem, running samples, submitting).
func (s *Server) open(r *http.Request) (invitee, error) {
	inv := inviteeOf(r)
	now := s.cfg.Now()
	if err := judge.CheckOpen(inv.assessment, inv.candidate, now); err != nil {
		return inv, err
	}
	if inv.candidate.Started.IsZero() {
		c, err := s.cfg.Store.StartCandidate(r.Context(), inv.candidate.ID)
		if err != nil {
			return inv, err
		}
		inv.candidate = c
		if err := judge.CheckOpen(inv.assessment, c, now); err != nil {
			return inv, err
		}
	}
	return inv, nil
}

// problem loads one of the assessment's problems.
func (s *Server) problem(ctx context.Context, a *judge.Assessment, id string) (*judge.Problem, error) {
	if !a.HasProblem(id) {
		return nil, errf(http.StatusNotFound, "not_found", "problem %q is not part of this assessment", id)
	}
	return s.cfg.Problem(ctx, id)
}

func (s *Server) readProblem(w http.ResponseWriter, r *http.Request) error {
	inv, err := s.open(r)
	if err != nil {
		return err
	}
	p, err := s.problem(r.Context(), inv.assessment, r.PathValue("problem"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, judge.NewProblemView(p))
	return nil
}

type sourceJSON struct {
	Problem  string `json:"problem,omitempty"`
	Filename string `json:"filename"`
	Source   string `json:"source"`
}

func (in sourceJSON) submission() judge.Submission {
	return newSubmission(in.Filename, []byte(in.Source))
}

// newSubmission names a source "solution.py" unless it has a name.
func newSubmission(filename string, source []byte) judge.Submission {
	if filename == "" {
		filename = "solution.py"
	}
	return judge.Submission{Filename: filename, Source: source}
}

// runSamples judges the source on the problem's samples only, now, with full details; nothing
// is stored or counted.
func (s *Server) runSamples(w http.ResponseWriter, r *http.Request) error {
	var in sourceJSON
	if err := decode(r, w, &in); err != nil {
		return err
	}
	if in.Problem != "" {
		return errf(http.StatusBadRequest, "bad_input", "the problem is in the path, not the body")
	}
	v, err := s.sampleRun(r, r.PathValue("problem"), in.submission())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// sampleRun judges sub on the problem's samples only, now, with full details, for the
// candidate behind r (their clock starts); nothing is stored or counted but the rate limit.
func (s *Server) sampleRun(r *http.Request, problemID string, sub judge.Submission) (judge.ResultView, error) {
	_, p, err := s.admit(r, problemID, sub)
	if err != nil {
		return judge.ResultView{}, err
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Minute)
	defer cancel()
	select {
	case s.samples <- struct{}{}:
		defer func() { <-s.samples }()
	case <-ctx.Done():
		return judge.ResultView{}, errf(http.StatusServiceUnavailable, "busy", "too many sample runs at once; try again")
	}
	// The time limit comes from the whole problem (its calibration); then only samples run.
	if p, err = s.cfg.Grader.Problem(ctx, p); err != nil {
		return judge.ResultView{}, err
	}
	rep, err := s.cfg.Grader.One(ctx, judge.SamplesOnly(p), sub, gradeOptions())
	if err != nil {
		return judge.ResultView{}, err
	}
	return judge.SampleRunView(rep), nil
}

// admit makes the checks before a judging, in this order for a sample run and a submission
// alike: window (the candidate's clock starts), problem, source, then the rate limit, so that a
// refused request spends none of it.
func (s *Server) admit(r *http.Request, problemID string, sub judge.Submission) (invitee, *judge.Problem, error) {
	inv, err := s.open(r)
	if err != nil {
		return inv, nil, err
	}
	p, err := s.problem(r.Context(), inv.assessment, problemID)
	if err != nil {
		return inv, nil, err
	}
	if err := judge.CheckSource(sub); err != nil {
		return inv, nil, err
	}
	wait, err := s.cfg.Store.TakeRate(r.Context(), inv.candidate.ID, s.cfg.Now(), time.Minute/time.Duration(s.cfg.PerMinute), s.cfg.PerMinute)
	if err != nil {
		return inv, nil, err
	}
	if wait > 0 {
		return inv, nil, &apiError{status: http.StatusTooManyRequests, code: "rate_limited",
			detail: "too many submissions and sample runs in a minute; wait a little", retryAfter: wait}
	}
	return inv, p, nil
}

// submit stores the submission and its job together and answers 202 at once; the candidate
// polls the submission for its result.
func (s *Server) submit(w http.ResponseWriter, r *http.Request) error {
	var in sourceJSON
	if err := decode(r, w, &in); err != nil {
		return err
	}
	inv, rec, err := s.enqueue(r, in.Problem, in.submission())
	if err != nil {
		return err
	}
	w.Header().Set("Location", "/api/invite/"+r.PathValue("token")+"/submissions/"+rec.ID)
	if r.URL.Query().Get("wait") == "true" {
		if done, err := s.await(r.Context(), rec.ID); err != nil {
			return err
		} else if done != nil {
			writeJSON(w, http.StatusOK, judge.CandidateView(inv.assessment, done))
			return nil
		}
	}
	writeJSON(w, http.StatusAccepted, judge.CandidateView(inv.assessment, rec))
	return nil
}

// enqueue stores the candidate's submission with its job, after the checks: window (their
// clock starts), problem, source, rate limit; the queue checks the per-problem bound.
func (s *Server) enqueue(r *http.Request, problemID string, sub judge.Submission) (invitee, *judge.Record, error) {
	inv, _, err := s.admit(r, problemID, sub)
	if err != nil {
		return inv, nil, err
	}
	rec := &judge.Record{AssessmentID: inv.assessment.ID, CandidateID: inv.candidate.ID, Problem: problemID, Submission: sub}
	if err := s.cfg.Queue.Submit(r.Context(), rec, inv.assessment.MaxSubmissions); err != nil {
		return inv, nil, err
	}
	return inv, rec, nil
}

// MaxWait is how long POST .../submissions?wait=true waits for the result before answering
// 202 as without it.
const MaxWait = 60 * time.Second

// await waits until the submission is judged (nil when MaxWait runs out first). It hears this
// process's workers through Config.Follow at once; the stored state is read again every
// awaitPoll, so a judging done elsewhere still ends the wait. (A 100 ms poll per waiting
// client kept SQLite's one connection busy under load: 50 clients were 500 reads a second.)
func (s *Server) await(ctx context.Context, id string) (*judge.Record, error) {
	ctx, cancel := context.WithTimeout(ctx, MaxWait)
	defer cancel()
	events, unfollow, poll := (<-chan judge.Progress)(nil), func() {}, awaitPollAlone
	if s.cfg.Follow != nil {
		events, unfollow = s.cfg.Follow(id) // before reading the state: no end falls between
		poll = awaitPoll
	}
	defer unfollow()
	tick := time.NewTicker(poll)
	defer tick.Stop()
	for {
		rec, err := s.cfg.Store.Record(ctx, id)
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil
			}
			return nil, err
		}
		if rec.State != judge.StateQueued {
			return rec, nil
		}
	wait:
		for {
			select {
			case <-ctx.Done():
				return nil, nil
			case <-tick.C:
				break wait
			case p := <-events:
				if p.Final {
					break wait
				}
			}
		}
	}
}

// awaitPoll is how often a waiting request reads the stored state when it hears nothing;
// awaitPollAlone, when there is nothing to hear (no Follow).
const (
	awaitPoll      = time.Second
	awaitPollAlone = 100 * time.Millisecond
)

func (s *Server) mySubmissions(w http.ResponseWriter, r *http.Request) error {
	inv := inviteeOf(r)
	recs, err := s.cfg.Store.Records(r.Context(), store.Filter{CandidateID: inv.candidate.ID})
	if err != nil {
		return err
	}
	out := []judge.ResultView{}
	for _, rec := range recs {
		out = append(out, judge.CandidateView(inv.assessment, rec))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) mySubmission(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.ownRecord(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, judge.CandidateView(inviteeOf(r).assessment, rec))
	return nil
}

// ownRecord is the {id} submission when it is the candidate's own.
func (s *Server) ownRecord(r *http.Request) (*judge.Record, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	rec, err := s.cfg.Store.Record(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if rec.CandidateID != inviteeOf(r).candidate.ID {
		// Another candidate's submission does not exist, as far as this one can tell.
		return nil, errf(http.StatusNotFound, "not_found", "no such submission")
	}
	return rec, nil
}

// gradeOptions are a sample run's: the budget on, nothing hidden to reveal.
func gradeOptions() grade.Options { return grade.Options{} }

// finish is the candidate saying they are done: their window ends now (nothing more can be
// submitted), and the assessment's webhook, if any, is told once.
func (s *Server) finish(w http.ResponseWriter, r *http.Request) error {
	c, err := s.finishCandidate(r.Context(), inviteeOf(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"finished": c.Finished})
	return nil
}

func (s *Server) finishCandidate(ctx context.Context, inv invitee) (*judge.Candidate, error) {
	if _, err := s.cfg.Queue.Finish(ctx, inv.assessment, inv.candidate); err != nil {
		return nil, err
	}
	return s.cfg.Store.Candidate(ctx, inv.candidate.ID)
}
