package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/report"
	"github.com/judge-dev/judge/judge/store"
)

// The interviewers' API: everything, hidden details included.

type assessmentJSON struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	Problems         []string     `json:"problems"`
	Opens            time.Time    `json:"opens"`
	Closes           time.Time    `json:"closes"`
	AllowanceMinutes int          `json:"allowance_minutes"`
	MaxSubmissions   int          `json:"max_submissions"`
	Policy           judge.Policy `json:"policy"`
	Released         bool         `json:"released"`
	WebhookURL       string       `json:"webhook_url,omitempty"`
	// WebhookSecret is shown once, when the assessment is made.
	WebhookSecret string    `json:"webhook_secret,omitempty"`
	Created       time.Time `json:"created"`
}

func toAssessmentJSON(a *judge.Assessment) assessmentJSON {
	return assessmentJSON{ID: a.ID, Name: a.Name, Problems: a.Problems, Opens: a.Opens, Closes: a.Closes,
		AllowanceMinutes: int(a.Allowance / time.Minute), MaxSubmissions: a.MaxSubmissions, Policy: a.Policy,
		Released: a.Released, WebhookURL: a.WebhookURL, Created: a.Created}
}

func (s *Server) createAssessment(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Name             string       `json:"name"`
		Problems         []string     `json:"problems"`
		Opens            time.Time    `json:"opens"`
		Closes           time.Time    `json:"closes"`
		AllowanceMinutes int          `json:"allowance_minutes"`
		MaxSubmissions   int          `json:"max_submissions"`
		Policy           judge.Policy `json:"policy"`
		WebhookURL       string       `json:"webhook_url"`
	}
	if err := decode(r, w, &in); err != nil {
		return err
	}
	if in.Policy == "" {
		in.Policy = judge.PolicySamples
	}
	allow, err := allowance(in.AllowanceMinutes)
	if err != nil {
		return err
	}
	a := &judge.Assessment{Name: in.Name, Problems: in.Problems, Opens: in.Opens, Closes: in.Closes,
		Allowance: allow, MaxSubmissions: in.MaxSubmissions, Policy: in.Policy, WebhookURL: in.WebhookURL}
	if err := s.newAssessment(r.Context(), a); err != nil {
		return err
	}
	out := toAssessmentJSON(a)
	out.WebhookSecret = a.WebhookSecret
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// allowance is an allowance given in whole minutes (the API's and the desk's form): 0 to a
// year. Bounded here, before it becomes a Duration, which a huge count would overflow.
func allowance(minutes int) (time.Duration, error) {
	if minutes < 0 || minutes > 60*24*365 {
		return 0, errf(http.StatusBadRequest, "bad_input", "allowance_minutes must be whole minutes between 0 and a year")
	}
	return time.Duration(minutes) * time.Minute, nil
}

// newAssessment checks and stores a (with a webhook secret when it has a webhook) and starts
// measuring its problems' time limits.
func (s *Server) newAssessment(ctx context.Context, a *judge.Assessment) error {
	if a.WebhookURL != "" {
		a.WebhookSecret = newToken("whsec_")
	}
	if err := a.Check(); err != nil {
		return err
	}
	for _, id := range a.Problems {
		if _, err := s.cfg.Problem(ctx, id); err != nil {
			return err
		}
	}
	if err := s.cfg.Store.CreateAssessment(ctx, a); err != nil {
		return err
	}
	s.prepare(a.Problems)
	return nil
}

func (s *Server) listAssessments(w http.ResponseWriter, r *http.Request) error {
	list, err := s.cfg.Store.Assessments(r.Context())
	if err != nil {
		return err
	}
	out := []assessmentJSON{}
	for _, a := range list {
		out = append(out, toAssessmentJSON(a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) assessment(r *http.Request) (*judge.Assessment, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.cfg.Store.Assessment(r.Context(), id)
}

func (s *Server) getAssessment(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAssessmentJSON(a))
	return nil
}

// releaseAssessment shows a "none" policy's results to the candidates (as "tests").
func (s *Server) releaseAssessment(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	if err := s.cfg.Store.SetReleased(r.Context(), a.ID, true); err != nil {
		return err
	}
	a.Released = true
	writeJSON(w, http.StatusOK, toAssessmentJSON(a))
	return nil
}

// rejudge judges a problem's submissions again, e.g. after its tests were fixed.
func (s *Server) rejudge(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	var in struct {
		Problem string `json:"problem"`
	}
	if err := decode(r, w, &in); err != nil {
		return err
	}
	n, err := s.requeue(r.Context(), a, in.Problem)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"problem": in.Problem, "requeued": n})
	return nil
}

// requeue judges an assessment's submissions to a problem again; it returns how many.
func (s *Server) requeue(ctx context.Context, a *judge.Assessment, prob string) (int, error) {
	if !a.HasProblem(prob) {
		return 0, errf(http.StatusBadRequest, "bad_input", "problem %q is not one of the assessment's (%s)", prob, strings.Join(a.Problems, ", "))
	}
	return s.cfg.Queue.Rejudge(ctx, a.ID, prob)
}

type candidateJSON struct {
	ID           string     `json:"id"`
	AssessmentID string     `json:"assessment_id"`
	Name         string     `json:"name"`
	Email        string     `json:"email,omitempty"`
	Revoked      bool       `json:"revoked"`
	Started      *time.Time `json:"started,omitempty"`
	Finished     *time.Time `json:"finished,omitempty"`
	Created      time.Time  `json:"created"`
	// InviteToken and InviteURL are shown once, when the link is made; only a hash is kept.
	InviteToken string `json:"invite_token,omitempty"`
	InviteURL   string `json:"invite_url,omitempty"`
}

func toCandidateJSON(c *judge.Candidate) candidateJSON {
	out := candidateJSON{ID: c.ID, AssessmentID: c.AssessmentID, Name: c.Name, Email: c.Email, Revoked: c.Revoked, Created: c.Created}
	if !c.Started.IsZero() {
		out.Started = &c.Started
	}
	if !c.Finished.IsZero() {
		out.Finished = &c.Finished
	}
	return out
}

func withInvite(r *http.Request, out candidateJSON, tok string) candidateJSON {
	out.InviteToken, out.InviteURL = tok, inviteURL(r, tok)
	return out
}

// inviteURL is the link a candidate opens in a browser (the API takes the same token under
// /api/invite/).
func inviteURL(r *http.Request, tok string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/invite/" + tok
}

// MaxInvites bounds the candidates one CSV invites.
const MaxInvites = 1000

// inviteCandidate invites one candidate ({"name", "email"}), or with a text/csv body one per
// record ("name,email"; a first record "name,email" is a header), all or none.
func (s *Server) inviteCandidate(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	var people []invitation
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	fromCSV := mt == "text/csv"
	if fromCSV {
		if people, err = readInvitations(http.MaxBytesReader(w, r.Body, MaxBody)); err != nil {
			return err
		}
	} else {
		var in invitation
		if err := decode(r, w, &in); err != nil {
			return err
		}
		people = []invitation{in}
	}
	cs, toks, err := s.invite(r.Context(), a, people)
	if err != nil {
		return err
	}
	if !fromCSV {
		writeJSON(w, http.StatusCreated, withInvite(r, toCandidateJSON(cs[0]), toks[0]))
		return nil
	}
	out := make([]candidateJSON, len(cs))
	for i, c := range cs {
		out[i] = withInvite(r, toCandidateJSON(c), toks[i])
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

// invite makes a candidate and an invite link for each person, all or none; it returns the
// tokens, which are not stored.
func (s *Server) invite(ctx context.Context, a *judge.Assessment, people []invitation) ([]*judge.Candidate, []string, error) {
	cs := make([]*judge.Candidate, len(people))
	toks, hashes := make([]string, len(people)), make([][]byte, len(people))
	for i, p := range people {
		p.Name, p.Email = strings.TrimSpace(p.Name), strings.TrimSpace(p.Email)
		if p.Name == "" || len(p.Name) > 200 || len(p.Email) > 320 || strings.ContainsFunc(p.Name+p.Email, unicode.IsControl) {
			return nil, nil, errf(http.StatusBadRequest, "bad_input", "invitation %d: a name of 1 to 200 bytes (and an e-mail of at most 320) without control characters is required", i+1)
		}
		toks[i] = newToken(invitePrefix)
		hashes[i] = hashToken(toks[i])
		cs[i] = &judge.Candidate{AssessmentID: a.ID, Name: p.Name, Email: p.Email}
	}
	if err := s.cfg.Store.CreateCandidates(ctx, cs, hashes); err != nil {
		return nil, nil, err
	}
	return cs, toks, nil
}

type invitation struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

// readInvitations reads "name,email" records (the e-mail may be left out).
func readInvitations(body io.Reader) ([]invitation, error) {
	cr := csv.NewReader(body)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, errf(http.StatusRequestEntityTooLarge, "body_too_large", "the body is over %d bytes", MaxBody)
		}
		return nil, errf(http.StatusBadRequest, "malformed_csv", "malformed CSV: %v", err)
	}
	if len(recs) > 0 && len(recs[0]) >= 1 && strings.EqualFold(strings.TrimSpace(recs[0][0]), "name") {
		recs = recs[1:]
	}
	switch {
	case len(recs) == 0:
		return nil, errf(http.StatusBadRequest, "malformed_csv", "no invitations: one \"name,email\" record per candidate")
	case len(recs) > MaxInvites:
		return nil, errf(http.StatusBadRequest, "malformed_csv", "%d invitations; at most %d at once", len(recs), MaxInvites)
	}
	out := make([]invitation, len(recs))
	for i, rec := range recs {
		if len(rec) > 2 {
			return nil, errf(http.StatusBadRequest, "malformed_csv", "record %d: %d fields; name and e-mail only", i+1, len(rec))
		}
		out[i].Name = rec[0]
		if len(rec) == 2 {
			out[i].Email = rec[1]
		}
	}
	return out, nil
}

func (s *Server) listCandidates(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	list, err := s.cfg.Store.Candidates(r.Context(), a.ID)
	if err != nil {
		return err
	}
	out := []candidateJSON{}
	for _, c := range list {
		out = append(out, toCandidateJSON(c))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) revokeCandidate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.revoke(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toCandidateJSON(c))
	return nil
}

// revoke stops candidate id's invite link at once.
func (s *Server) revoke(ctx context.Context, id string) (*judge.Candidate, error) {
	if err := s.cfg.Store.RevokeCandidate(ctx, id); err != nil {
		return nil, err
	}
	return s.cfg.Store.Candidate(ctx, id)
}

// reissueCandidate gives a new invite link; the old one stops working.
func (s *Server) reissueCandidate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, tok, err := s.reissue(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, withInvite(r, toCandidateJSON(c), tok))
	return nil
}

// reissue gives candidate id a new invite token; the old one stops working.
func (s *Server) reissue(ctx context.Context, id string) (*judge.Candidate, string, error) {
	tok := newToken(invitePrefix)
	if err := s.cfg.Store.ReissueToken(ctx, id, hashToken(tok)); err != nil {
		return nil, "", err
	}
	c, err := s.cfg.Store.Candidate(ctx, id)
	return c, tok, err
}

// submissionJSON is a submission in full, for interviewers.
type submissionJSON struct {
	ID           string        `json:"id"`
	AssessmentID string        `json:"assessment_id"`
	Candidate    candidateJSON `json:"candidate"`
	Problem      string        `json:"problem"`
	Filename     string        `json:"filename"`
	Source       string        `json:"source"`
	State        judge.State   `json:"state"`
	Report       *judge.Report `json:"report,omitempty"`
	Error        string        `json:"error,omitempty"`
	Created      time.Time     `json:"created"`
	Finished     *time.Time    `json:"finished,omitempty"`
}

func toSubmissionJSON(rec *judge.Record, c *judge.Candidate) submissionJSON {
	out := submissionJSON{ID: rec.ID, AssessmentID: rec.AssessmentID, Candidate: toCandidateJSON(c), Problem: rec.Problem,
		Filename: rec.Submission.Filename, Source: string(rec.Submission.Source), State: rec.State, Report: rec.Report,
		Error: rec.Error, Created: rec.Created}
	if !rec.Finished.IsZero() {
		out.Finished = &rec.Finished
	}
	return out
}

// records lists an assessment's submissions with their candidates, of one candidate and one
// problem when those are not "".
func (s *Server) records(r *http.Request, a *judge.Assessment, candidate, prob string) ([]*judge.Record, map[string]*judge.Candidate, error) {
	if candidate != "" && !idPattern.MatchString(candidate) {
		return nil, nil, errf(http.StatusBadRequest, "bad_id", "candidate is not a valid id")
	}
	if prob != "" && !a.HasProblem(prob) {
		return nil, nil, errf(http.StatusBadRequest, "bad_input", "problem %q is not one of the assessment's (%s)", prob, strings.Join(a.Problems, ", "))
	}
	recs, err := s.cfg.Store.Records(r.Context(), store.Filter{AssessmentID: a.ID, CandidateID: candidate, Problem: prob})
	if err != nil {
		return nil, nil, err
	}
	list, err := s.cfg.Store.Candidates(r.Context(), a.ID)
	if err != nil {
		return nil, nil, err
	}
	cands := map[string]*judge.Candidate{}
	for _, c := range list {
		cands[c.ID] = c
	}
	return recs, cands, nil
}

func (s *Server) listSubmissions(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	recs, cands, err := s.records(r, a, q.Get("candidate"), q.Get("problem"))
	if err != nil {
		return err
	}
	out := []submissionJSON{}
	for _, rec := range recs {
		out = append(out, toSubmissionJSON(rec, cands[rec.CandidateID]))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *Server) getSubmission(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.recordOf(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toSubmissionJSON(rec, c))
	return nil
}

// recordOf is the {id} submission with its candidate.
func (s *Server) recordOf(r *http.Request) (*judge.Record, *judge.Candidate, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.cfg.Store.Record(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.cfg.Store.Candidate(r.Context(), rec.CandidateID)
	return rec, c, err
}

// export writes one problem's submissions in the shapes of `judge grade` (report's grade
// formats): a row per submission, named by candidate.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	prob := q.Get("problem")
	if prob == "" && len(a.Problems) == 1 {
		prob = a.Problems[0]
	}
	if prob == "" {
		return errf(http.StatusBadRequest, "bad_input", "problem is required: one of %s", strings.Join(a.Problems, ", "))
	}
	type format struct {
		contentType, ext string
		write            func(io.Writer, report.Batch) error
	}
	formats := map[string]format{
		"json":     {"application/json", "json", report.GradeJSON},
		"csv":      {"text/csv; charset=utf-8", "csv", report.GradeCSV},
		"markdown": {"text/markdown; charset=utf-8", "md", report.GradeMarkdown},
	}
	name := q.Get("format")
	if name == "" {
		name = "json"
	}
	f, ok := formats[name]
	if !ok {
		return errf(http.StatusBadRequest, "bad_input", "format must be json, csv or markdown")
	}
	recs, cands, err := s.records(r, a, "", prob)
	if err != nil {
		return err
	}
	b := report.Batch{Problem: prob, NoReference: "no reference judged by the server"}
	n := map[string]int{}
	for _, rec := range recs {
		c := cands[rec.CandidateID]
		n[c.ID]++
		e := report.Entry{Path: fmt.Sprintf("%s #%d (%s)", c.Name, n[c.ID], rec.Submission.Filename), Report: rec.Report}
		if rep := rec.Report; rep != nil && rep.Complexity != nil {
			e.Complexity = rep.Complexity
			if b.Ladder == nil {
				b.Ladder = rep.Ladder
			}
		}
		switch rec.State {
		case judge.StateQueued:
			e.Error = "queued: not judged yet"
		case judge.StateFailed:
			e.Error = "the judge failed: " + rec.Error
		}
		if b.TimeLimit == nil && rec.Report != nil && rec.Report.TimeLimit.Source != "" {
			tl := rec.Report.TimeLimit
			b.TimeLimit = &tl
		}
		b.Entries = append(b.Entries, e)
	}
	var buf bytes.Buffer
	if err := f.write(&buf, b); err != nil {
		return err
	}
	w.Header().Set("Content-Type", f.contentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", prob+"."+f.ext))
	w.WriteHeader(http.StatusOK)
	_, err = w.Write(buf.Bytes())
	return err
}

type tokenJSON struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Scope   judge.Scope `json:"scope"`
	Revoked bool        `json:"revoked"`
	Created time.Time   `json:"created"`
	// Token is shown once, when it is made; only its hash is kept.
	Token string `json:"token,omitempty"`
}

func toTokenJSON(t *judge.Token) tokenJSON {
	return tokenJSON{ID: t.ID, Name: t.Name, Scope: t.Scope, Revoked: t.Revoked, Created: t.Created}
}

// createToken makes another interviewer token: admin, or read-only (e.g. for an
// applicant-tracking system, or Prometheus).
func (s *Server) createToken(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Name  string      `json:"name"`
		Scope judge.Scope `json:"scope"`
	}
	if err := decode(r, w, &in); err != nil {
		return err
	}
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" || len(in.Name) > 200 || strings.ContainsFunc(in.Name, unicode.IsControl) {
		return errf(http.StatusBadRequest, "bad_input", "a name of 1 to 200 bytes without control characters is required")
	}
	if in.Scope != judge.ScopeAdmin && in.Scope != judge.ScopeRead {
		return errf(http.StatusBadRequest, "bad_input", "scope must be admin or read")
	}
	tok := newToken(adminPrefix)
	t := &judge.Token{Name: in.Name, Scope: in.Scope}
	if err := s.cfg.Store.AddToken(r.Context(), t, hashToken(tok)); err != nil {
		return err
	}
	out := toTokenJSON(t)
	out.Token = tok
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) listTokens(w http.ResponseWriter, r *http.Request) error {
	list, err := s.cfg.Store.Tokens(r.Context())
	if err != nil {
		return err
	}
	out := []tokenJSON{}
	for _, t := range list {
		out = append(out, toTokenJSON(t))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// revokeToken stops a token at once; the last admin token cannot be revoked.
func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.cfg.Store.RevokeToken(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
