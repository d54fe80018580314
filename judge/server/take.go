package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/store"
)

// The candidate's pages. The invite link sets the session cookie and sends them to /take/;
// every page after it finds the candidate through the cookie. Templates receive the judge
// package's candidate views only (no field for hidden data).

// openInvite checks an invite link and turns it into the candidate's session: the token moves
// from the address bar into an HttpOnly cookie.
func (s *Server) openInvite(w http.ResponseWriter, r *http.Request) {
	tok := r.PathValue("token")
	inv, err := s.invitee(r.Context(), tok)
	if err != nil {
		s.pageFail(w, r, "take", err)
		return
	}
	life := time.Until(inv.assessment.Closes) + 7*24*time.Hour
	setSession(w, r, takeCookie, tok, http.SameSiteLaxMode, max(life, time.Hour))
	pageHeaders(w)
	http.Redirect(w, r, "/take/", http.StatusSeeOther)
}

// takePage lets a request through with a live candidate session (and, for a POST, its CSRF
// token); errors are answered as pages.
func (s *Server) takePage(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := session(r, takeCookie)
		inv, err := s.invitee(r.Context(), tok)
		if errors.Is(err, errNoInvite) || errors.Is(err, errRevoked) {
			clearSession(w, r, takeCookie)
			if tok == "" {
				err = errf(http.StatusUnauthorized, "no_session", "open the invite link you were sent to start")
			}
		}
		if err == nil && r.Method == http.MethodPost {
			err = checkCSRF(w, r, tok)
		}
		if err != nil {
			s.pageFail(w, r, "take", err)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), inviteeKey{}, inv))
		if err := h(w, r); err != nil {
			s.pageFail(w, r, "take", err)
		}
	})
}

// takeFrame is the frame of a candidate's page: their CSRF token and their end of time.
func (s *Server) takeFrame(r *http.Request, title string, data any) page {
	inv := inviteeOf(r)
	p := page{Title: title, Area: "take", CSRF: csrfToken(session(r, takeCookie)), Data: data}
	if !inv.candidate.Started.IsZero() && judge.CheckOpen(inv.assessment, inv.candidate, s.cfg.Now()) == nil {
		_, ends := judge.Window(inv.assessment, inv.candidate)
		p.Ends = &ends
	}
	return p
}

// policyWords says what a policy shows, for the rules.
var policyWords = map[judge.Policy]string{
	judge.PolicySamples: "full details on the sample tests; for a submission, its verdict and score",
	judge.PolicyTests:   "full details on the sample tests; for a submission, its verdict and score, and the verdict, time and memory of every hidden test",
	judge.PolicyScore:   "the score of each submission only",
	judge.PolicyNone:    "no results until your interviewer releases them (running the samples still shows full details)",
}

type startData struct {
	Overview overviewJSON
	Policy   string
	// Closed says why the candidate cannot work now, when they cannot.
	Closed string
}

func (s *Server) takeStart(w http.ResponseWriter, r *http.Request) error {
	inv := inviteeOf(r)
	ov, err := s.overviewOf(r.Context(), inv)
	if err != nil {
		return err
	}
	d := startData{Overview: ov, Policy: policyWords[inv.assessment.Policy]}
	if err := judge.CheckOpen(inv.assessment, inv.candidate, s.cfg.Now()); err != nil {
		d.Closed = err.Error()
	}
	s.render(w, r, http.StatusOK, "take_start", s.takeFrame(r, ov.Assessment, d))
	return nil
}

// takeBegin is the Start button: the candidate's clock starts.
func (s *Server) takeBegin(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.open(r); err != nil {
		return err
	}
	http.Redirect(w, r, "/take/", http.StatusSeeOther)
	return nil
}

// takeDone is "I'm done": the candidate's window ends now.
func (s *Server) takeDone(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.finishCandidate(r.Context(), inviteeOf(r)); err != nil {
		return err
	}
	http.Redirect(w, r, "/take/", http.StatusSeeOther)
	return nil
}

type problemData struct {
	Problem judge.ProblemView
	// Signature is the function's def line from the starter code, when there is one.
	Signature string
	Source    string
	// Run is a sample run's result, shown under the editor.
	Run     *judge.ResultView
	History []judge.ResultView
	Left    string // submissions left, "" when unbounded
}

func (s *Server) problemPage(w http.ResponseWriter, r *http.Request, status int, inv invitee, p *judge.Problem, source string, run *judge.ResultView, failure error) error {
	recs, err := s.cfg.Store.Records(r.Context(), store.Filter{CandidateID: inv.candidate.ID, Problem: p.ID})
	if err != nil {
		return err
	}
	d := problemData{Problem: judge.NewProblemView(p), Source: source, Run: run}
	d.Signature = signature(d.Problem)
	for i := len(recs) - 1; i >= 0; i-- {
		d.History = append(d.History, judge.CandidateView(inv.assessment, recs[i]))
	}
	if m := inv.assessment.MaxSubmissions; m > 0 {
		d.Left = fmt.Sprintf("%d of %d", max(m-len(recs), 0), m)
	}
	f := s.takeFrame(r, p.Name, d)
	if failure != nil {
		ae := s.classify(r, failure)
		status, f.Error = ae.status, ae.detail
	}
	s.render(w, r, status, "take_problem", f)
	return nil
}

func (s *Server) takeProblem(w http.ResponseWriter, r *http.Request) error {
	inv, err := s.open(r)
	if err != nil {
		return err
	}
	p, err := s.problem(r.Context(), inv.assessment, r.PathValue("problem"))
	if err != nil {
		return err
	}
	src, ok, err := s.cfg.Store.Draft(r.Context(), inv.candidate.ID, p.ID)
	if err != nil {
		return err
	}
	if !ok {
		src = p.Starter
	}
	return s.problemPage(w, r, http.StatusOK, inv, p, string(src), nil, nil)
}

// takeDraft saves the editor's text as the candidate types (the page's script posts it).
func (s *Server) takeDraft(w http.ResponseWriter, r *http.Request) error {
	inv := inviteeOf(r)
	if err := judge.CheckOpen(inv.assessment, inv.candidate, s.cfg.Now()); err != nil {
		return err
	}
	if !inv.assessment.HasProblem(r.PathValue("problem")) {
		return errf(http.StatusNotFound, "not_found", "problem %q is not part of this assessment", r.PathValue("problem"))
	}
	src, err := io.ReadAll(http.MaxBytesReader(w, r.Body, judge.MaxSourceBytes+1))
	if err != nil || len(src) > judge.MaxSourceBytes {
		return errf(http.StatusRequestEntityTooLarge, "body_too_large", "a draft is at most %d KiB", judge.MaxSourceBytes>>10)
	}
	if err := s.cfg.Store.SaveDraft(r.Context(), inv.candidate.ID, r.PathValue("problem"), src); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// formSource is the source a form sends: an uploaded file when one was chosen, else the
// editor's text (browsers send its line ends as CRLF).
func formSource(r *http.Request) judge.Submission {
	if f, h, err := r.FormFile("file"); err == nil {
		defer f.Close()
		if b, err := io.ReadAll(io.LimitReader(f, judge.MaxSourceBytes+1)); err == nil && len(b) > 0 {
			return newSubmission(path.Base(strings.ReplaceAll(h.Filename, `\`, "/")), b)
		}
	}
	return newSubmission("", []byte(strings.ReplaceAll(r.PostFormValue("source"), "\r\n", "\n")))
}

// formProblem loads the problem of a form's path and keeps the form's source as the draft.
func (s *Server) formProblem(r *http.Request) (invitee, *judge.Problem, judge.Submission, error) {
	inv := inviteeOf(r)
	sub := formSource(r)
	p, err := s.problem(r.Context(), inv.assessment, r.PathValue("problem"))
	if err != nil {
		return inv, nil, sub, err
	}
	if judge.CheckOpen(inv.assessment, inv.candidate, s.cfg.Now()) == nil && len(sub.Source) <= judge.MaxSourceBytes {
		if err := s.cfg.Store.SaveDraft(r.Context(), inv.candidate.ID, p.ID, sub.Source); err != nil {
			return inv, nil, sub, err
		}
	}
	return inv, p, sub, nil
}

// takeRun runs the samples and shows the problem page again with the result (no script
// needed); the page's script shows it the same way.
func (s *Server) takeRun(w http.ResponseWriter, r *http.Request) error {
	inv, p, sub, err := s.formProblem(r)
	if err != nil {
		return err
	}
	v, err := s.sampleRun(r, p.ID, sub)
	if err != nil {
		return s.problemPage(w, r, 0, inv, p, string(sub.Source), nil, err)
	}
	return s.problemPage(w, r, http.StatusOK, inv, p, string(sub.Source), &v, nil)
}

// takeSubmit queues the submission and sends the candidate to its page, which follows it live.
func (s *Server) takeSubmit(w http.ResponseWriter, r *http.Request) error {
	inv, p, sub, err := s.formProblem(r)
	if err != nil {
		return err
	}
	_, rec, err := s.enqueue(r, p.ID, sub)
	if err != nil {
		return s.problemPage(w, r, 0, inv, p, string(sub.Source), nil, err)
	}
	http.Redirect(w, r, "/take/submissions/"+rec.ID, http.StatusSeeOther)
	return nil
}

type submissionData struct {
	Result  judge.ResultView
	Problem string
	Name    string
	Source  string
	Events  string
}

func (s *Server) takeSubmission(w http.ResponseWriter, r *http.Request) error {
	inv := inviteeOf(r)
	rec, err := s.ownRecord(r)
	if err != nil {
		return err
	}
	p, err := s.cfg.Problem(r.Context(), rec.Problem)
	if err != nil {
		return err
	}
	d := submissionData{Result: judge.CandidateView(inv.assessment, rec), Problem: rec.Problem, Name: p.Name,
		Source: string(rec.Submission.Source)}
	if rec.State == judge.StateQueued {
		d.Events = "/take/submissions/" + rec.ID + "/events"
	}
	s.render(w, r, http.StatusOK, "take_submission", s.takeFrame(r, "Submission to "+p.Name, d))
	return nil
}

// signature is the def line of a function problem's function, read from its starter code
// ("" when the starter has none).
func signature(v judge.ProblemView) string {
	if v.Function == nil {
		return ""
	}
	for _, line := range strings.Split(v.Starter, "\n") {
		if strings.HasPrefix(line, "def "+v.Function.Name+"(") {
			return strings.TrimSpace(line)
		}
	}
	return ""
}
