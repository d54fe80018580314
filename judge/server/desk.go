package server

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/server/web"
	"github.com/judge-dev/judge/judge/store"
)

// The interviewers' desk: a login with an interviewer token (kept in a Strict cookie), then
// assessments, invitations, the results matrix and submissions in full. Read tokens may look;
// every change needs an admin token and the session's CSRF token.

// CatalogueEntry is a problem the desk offers for a new assessment.
type CatalogueEntry struct {
	ID   string
	Name string
}

func (s *Server) deskRoutes() {
	m := s.mux
	m.HandleFunc("GET /desk/login", s.deskLoginPage)
	m.HandleFunc("POST /desk/login", s.deskLogin)
	m.Handle("POST /desk/logout", s.deskSession(judge.ScopeRead, s.deskLogout))
	m.Handle("GET /desk/{$}", s.deskPage(s.deskHome))
	m.Handle("POST /desk/assessments", s.deskPage(s.deskCreate))
	m.Handle("GET /desk/assessments/{id}", s.deskPage(s.deskAssessment))
	m.Handle("POST /desk/assessments/{id}/edit", s.deskPage(s.deskEdit))
	m.Handle("POST /desk/assessments/{id}/invite", s.deskPage(s.deskInvite))
	m.Handle("POST /desk/assessments/{id}/release", s.deskPage(s.deskRelease))
	m.Handle("POST /desk/assessments/{id}/rejudge", s.deskPage(s.deskRejudge))
	m.Handle("GET /desk/assessments/{id}/export", s.deskPage(s.export))
	m.Handle("GET /desk/assessments/{id}/similar", s.deskPage(s.deskSimilar))
	m.Handle("POST /desk/candidates/{id}/revoke", s.deskPage(s.deskRevoke))
	m.Handle("POST /desk/candidates/{id}/reissue", s.deskPage(s.deskReissue))
	m.Handle("GET /desk/candidates/{id}", s.deskPage(s.deskCandidate))
	m.Handle("GET /desk/submissions/{id}", s.deskPage(s.deskSubmission))
}

type deskKey struct{}

// deskPage lets a request through with a live desk session; a read token may only look, and
// every POST carries the session's CSRF token. Without a session it goes to the login page.
func (s *Server) deskPage(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return s.deskSession(judge.ScopeAdmin, h)
}

// deskSession is deskPage with the scope a POST needs (logging out needs none but the session).
func (s *Server) deskSession(post judge.Scope, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok := session(r, deskCookie)
		t, err := s.liveToken(r.Context(), tok)
		if errors.Is(err, errUnauthorized) && r.Method == http.MethodGet {
			clearSession(w, r, deskCookie)
			http.Redirect(w, r, "/desk/login", http.StatusSeeOther)
			return
		}
		if err == nil && r.Method != http.MethodGet {
			if err = checkCSRF(w, r, tok); err == nil && post == judge.ScopeAdmin && t.Scope != judge.ScopeAdmin {
				err = errReadOnly
			}
		}
		if err != nil {
			s.pageFail(w, r, "desk", err)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), deskKey{}, t))
		if err := h(w, r); err != nil {
			s.pageFail(w, r, "desk", err)
		}
	})
}

func (s *Server) deskFrame(r *http.Request, title string, data any) page {
	t, _ := r.Context().Value(deskKey{}).(*judge.Token)
	return page{Title: title, Area: "desk", CSRF: csrfToken(session(r, deskCookie)), Data: data,
		Queue: s.cfg.QueueUI != nil && t != nil && t.Scope == judge.ScopeAdmin}
}

// deskLoginPage asks for a token. Its form is protected like the others: a random pre-session
// cookie keys its CSRF token.
func (s *Server) deskLoginPage(w http.ResponseWriter, r *http.Request) {
	pre := session(r, preCookie)
	if len(pre) < 20 {
		pre = newToken("pre_")
		setSession(w, r, preCookie, pre, http.SameSiteStrictMode, time.Hour)
	}
	s.render(w, r, http.StatusOK, "desk_login", page{Title: "Log in", Area: "desk", Data: map[string]string{"CSRF": csrfToken(pre)}})
}

func (s *Server) deskLogin(w http.ResponseWriter, r *http.Request) {
	err := checkCSRF(w, r, session(r, preCookie))
	tok := strings.TrimSpace(r.PostFormValue("token"))
	if err == nil {
		_, err = s.liveToken(r.Context(), tok)
	}
	if err != nil {
		s.pageFail(w, r, "desk", err)
		return
	}
	clearSession(w, r, preCookie)
	setSession(w, r, deskCookie, tok, http.SameSiteStrictMode, 12*time.Hour)
	http.Redirect(w, r, "/desk/", http.StatusSeeOther)
}

func (s *Server) deskLogout(w http.ResponseWriter, r *http.Request) error {
	clearSession(w, r, deskCookie)
	http.Redirect(w, r, "/desk/login", http.StatusSeeOther)
	return nil
}

type deskHomeData struct {
	Assessments []*judge.Assessment
	Catalogue   []CatalogueEntry
	Policies    []judge.Policy
	Opens       time.Time
	Closes      time.Time
}

func (s *Server) deskHome(w http.ResponseWriter, r *http.Request) error {
	list, err := s.cfg.Store.Assessments(r.Context())
	if err != nil {
		return err
	}
	d := deskHomeData{Assessments: list, Policies: policies, Opens: s.cfg.Now(), Closes: s.cfg.Now().Add(7 * 24 * time.Hour)}
	if s.cfg.Catalogue != nil {
		if d.Catalogue, err = s.cfg.Catalogue(r.Context()); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "desk_home", s.deskFrame(r, "Assessments", d))
	return nil
}

var policies = []judge.Policy{judge.PolicySamples, judge.PolicyTests, judge.PolicyScore, judge.PolicyNone}

// formAssessment reads the fields of the create and edit forms into a.
func formAssessment(r *http.Request, a *judge.Assessment) error {
	bad := func(format string, args ...any) error {
		return errf(http.StatusBadRequest, "bad_input", format, args...)
	}
	a.Name = strings.TrimSpace(r.PostFormValue("name"))
	var err error
	for _, f := range []struct {
		field string
		to    *time.Time
	}{{"opens", &a.Opens}, {"closes", &a.Closes}} {
		// datetime-local has no zone: the desk's times are UTC, as the page says.
		if *f.to, err = time.Parse("2006-01-02T15:04", r.PostFormValue(f.field)); err != nil {
			return bad("%s: a date and time (UTC) is required", f.field)
		}
	}
	allow, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("allowance_minutes")))
	if err != nil {
		return bad("allowance: whole minutes between 0 and a year")
	}
	if a.Allowance, err = allowance(allow); err != nil {
		return err
	}
	if a.MaxSubmissions, err = strconv.Atoi(strings.TrimSpace(r.PostFormValue("max_submissions"))); err != nil {
		return bad("max submissions: a whole number (0: no bound)")
	}
	a.Policy = judge.Policy(r.PostFormValue("policy"))
	return nil
}

func (s *Server) deskCreate(w http.ResponseWriter, r *http.Request) error {
	a := &judge.Assessment{Problems: r.PostForm["problems"], WebhookURL: strings.TrimSpace(r.PostFormValue("webhook_url"))}
	if err := formAssessment(r, a); err != nil {
		return err
	}
	if err := s.newAssessment(r.Context(), a); err != nil {
		return err
	}
	d, err := s.assessmentData(r, a)
	if err != nil {
		return err
	}
	d.WebhookSecret = a.WebhookSecret // shown once, like the API shows it
	s.render(w, r, http.StatusCreated, "desk_assessment", s.deskFrame(r, a.Name, d))
	return nil
}

func (s *Server) deskEdit(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	if err := formAssessment(r, a); err != nil {
		return err
	}
	if err := s.cfg.Store.UpdateAssessment(r.Context(), a); err != nil {
		return err
	}
	http.Redirect(w, r, "/desk/assessments/"+a.ID, http.StatusSeeOther)
	return nil
}

// cell is one candidate's best submission to one problem (the highest score, the latest of
// equals), with how many they sent.
type cell struct {
	Best  *judge.Record
	Count int
}

type matrixRow struct {
	Candidate *judge.Candidate
	Cells     []cell
	// Used is the time the candidate has used (their clock), "" before they started.
	Used    string
	UsedMin float64
	Total   float64 // sum of best scores, for sorting
}

type newLink struct {
	Name string
	URL  string
}

type assessmentData struct {
	A             *judge.Assessment
	Policies      []judge.Policy
	Rows          []matrixRow
	Links         []newLink
	WebhookSecret string
	Requeued      string
}

func (s *Server) assessmentData(r *http.Request, a *judge.Assessment) (*assessmentData, error) {
	recs, err := s.cfg.Store.Records(r.Context(), store.Filter{AssessmentID: a.ID})
	if err != nil {
		return nil, err
	}
	cands, err := s.cfg.Store.Candidates(r.Context(), a.ID)
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, p := range a.Problems {
		col[p] = i
	}
	d := &assessmentData{A: a, Policies: policies}
	row := map[string]*matrixRow{}
	for _, c := range cands {
		d.Rows = append(d.Rows, matrixRow{Candidate: c, Cells: make([]cell, len(a.Problems))})
	}
	for i := range d.Rows {
		row[d.Rows[i].Candidate.ID] = &d.Rows[i]
	}
	for _, rec := range recs {
		mr, ok := row[rec.CandidateID]
		if !ok {
			continue
		}
		c := &mr.Cells[col[rec.Problem]]
		c.Count++
		if rec.Report != nil && (c.Best == nil || c.Best.Report == nil || rec.Report.Score >= c.Best.Report.Score) {
			c.Best = rec
		} else if c.Best == nil {
			c.Best = rec
		}
	}
	now := s.cfg.Now()
	for i := range d.Rows {
		mr := &d.Rows[i]
		for _, c := range mr.Cells {
			if c.Best != nil && c.Best.Report != nil {
				mr.Total += c.Best.Report.Score
			}
		}
		if c := mr.Candidate; !c.Started.IsZero() {
			_, ends := judge.Window(a, c)
			if now.Before(ends) {
				ends = now
			}
			used := ends.Sub(c.Started).Round(time.Second)
			mr.Used, mr.UsedMin = used.String(), used.Minutes()
		}
	}
	return d, nil
}

func (s *Server) deskAssessment(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	d, err := s.assessmentData(r, a)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "desk_assessment", s.deskFrame(r, a.Name, d))
	return nil
}

// deskInvite invites one person (name, email) or a CSV of them, and shows their links once.
func (s *Server) deskInvite(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	var people []invitation
	if text := strings.TrimSpace(r.PostFormValue("csv")); text != "" {
		if people, err = readInvitations(strings.NewReader(text)); err != nil {
			return err
		}
	} else {
		people = []invitation{{Name: r.PostFormValue("name"), Email: r.PostFormValue("email")}}
	}
	cs, toks, err := s.invite(r.Context(), a, people)
	if err != nil {
		return err
	}
	d, err := s.assessmentData(r, a)
	if err != nil {
		return err
	}
	for i, c := range cs {
		d.Links = append(d.Links, newLink{Name: c.Name, URL: inviteURL(r, toks[i])})
	}
	s.render(w, r, http.StatusCreated, "desk_assessment", s.deskFrame(r, a.Name, d))
	return nil
}

func (s *Server) deskRelease(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	if err := s.cfg.Store.SetReleased(r.Context(), a.ID, true); err != nil {
		return err
	}
	http.Redirect(w, r, "/desk/assessments/"+a.ID, http.StatusSeeOther)
	return nil
}

func (s *Server) deskRejudge(w http.ResponseWriter, r *http.Request) error {
	a, err := s.assessment(r)
	if err != nil {
		return err
	}
	n, err := s.requeue(r.Context(), a, r.PostFormValue("problem"))
	if err != nil {
		return err
	}
	d, err := s.assessmentData(r, a)
	if err != nil {
		return err
	}
	d.Requeued = strconv.Itoa(n) + " submissions to " + r.PostFormValue("problem") + " are queued to be judged again."
	s.render(w, r, http.StatusAccepted, "desk_assessment", s.deskFrame(r, a.Name, d))
	return nil
}

func (s *Server) deskRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.revoke(r.Context(), id)
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/desk/assessments/"+c.AssessmentID, http.StatusSeeOther)
	return nil
}

func (s *Server) deskReissue(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, tok, err := s.reissue(r.Context(), id)
	if err != nil {
		return err
	}
	a, err := s.cfg.Store.Assessment(r.Context(), c.AssessmentID)
	if err != nil {
		return err
	}
	d, err := s.assessmentData(r, a)
	if err != nil {
		return err
	}
	d.Links = []newLink{{Name: c.Name, URL: inviteURL(r, tok)}}
	s.render(w, r, http.StatusOK, "desk_assessment", s.deskFrame(r, a.Name, d))
	return nil
}

type candidateData struct {
	A         *judge.Assessment
	Candidate *judge.Candidate
	Records   []*judge.Record
	Diff      []web.DiffLine
	DiffOld   *judge.Record
	DiffNew   *judge.Record
	DiffNote  string
}

// deskCandidate lists a candidate's submissions, and diffs two of them (?old=&new=).
func (s *Server) deskCandidate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	c, err := s.cfg.Store.Candidate(r.Context(), id)
	if err != nil {
		return err
	}
	a, err := s.cfg.Store.Assessment(r.Context(), c.AssessmentID)
	if err != nil {
		return err
	}
	recs, err := s.cfg.Store.Records(r.Context(), store.Filter{CandidateID: c.ID})
	if err != nil {
		return err
	}
	d := candidateData{A: a, Candidate: c, Records: recs}
	q := r.URL.Query()
	if q.Get("old") != "" || q.Get("new") != "" {
		byID := map[string]*judge.Record{}
		for _, rec := range recs {
			byID[rec.ID] = rec
		}
		d.DiffOld, d.DiffNew = byID[q.Get("old")], byID[q.Get("new")]
		if d.DiffOld == nil || d.DiffNew == nil {
			return errf(http.StatusBadRequest, "bad_input", "choose two submissions of this candidate to compare")
		}
		var ok bool
		if d.Diff, ok = web.Diff(string(d.DiffOld.Submission.Source), string(d.DiffNew.Submission.Source)); !ok {
			d.DiffNote = "these sources are too long to compare here"
		}
	}
	s.render(w, r, http.StatusOK, "desk_candidate", s.deskFrame(r, c.Name, d))
	return nil
}

type deskSubmissionData struct {
	Record    *judge.Record
	A         *judge.Assessment
	Candidate *judge.Candidate
	Lines     []web.Line
	// LintAt is the linter's findings by line, for the source's margin.
	LintAt map[int]string
	// Relative is the slowest test's CPU over the slowest test of the problem's accepted
	// submissions as calibrated on this machine (the time limit's reference), "" without one.
	Relative string
}

func (s *Server) deskSubmission(w http.ResponseWriter, r *http.Request) error {
	rec, c, err := s.recordOf(r)
	if err != nil {
		return err
	}
	a, err := s.cfg.Store.Assessment(r.Context(), rec.AssessmentID)
	if err != nil {
		return err
	}
	d := deskSubmissionData{Record: rec, A: a, Candidate: c, Lines: web.Highlight(string(rec.Submission.Source)), LintAt: map[int]string{}}
	if rep := rec.Report; rep != nil && rep.Lint != nil {
		for _, f := range rep.Lint.Findings {
			if d.LintAt[f.Line] != "" {
				d.LintAt[f.Line] += "; "
			}
			d.LintAt[f.Line] += f.Message
		}
	}
	if rep := rec.Report; rep != nil && rep.TimeLimit.SlowestAcceptedMillis > 0 {
		if slow := rep.Slowest(); slow != nil {
			d.Relative = strconv.FormatFloat(slow.CPUMillis/rep.TimeLimit.SlowestAcceptedMillis, 'f', 2, 64) + "×"
		}
	}
	s.render(w, r, http.StatusOK, "desk_submission", s.deskFrame(r, "Submission by "+c.Name, d))
	return nil
}
