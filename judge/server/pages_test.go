package server_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/store"
)

// browser is an HTTP client that keeps cookies and does not follow redirects, as the pages
// see a browser.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newBrowser(t *testing.T, base string) *browser {
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	return &browser{t: t, base: base, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) get(path string) (*http.Response, string) {
	b.t.Helper()
	return b.send("GET", path, "", nil, nil)
}

// post sends a form (url-encoded), with headers.
func (b *browser) post(path string, form url.Values, headers map[string]string) (*http.Response, string) {
	b.t.Helper()
	return b.send("POST", path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()), headers)
}

func (b *browser) send(method, path, contentType string, body io.Reader, headers map[string]string) (*http.Response, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, b.base+path, body)
	require.NoError(b.t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := b.c.Do(req)
	require.NoError(b.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(b.t, err)
	return resp, string(raw)
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf" content="([^"]*)">`)

// csrf is the CSRF token a page carries.
func csrf(t *testing.T, page string) string {
	t.Helper()
	m := csrfMeta.FindStringSubmatch(page)
	require.NotNil(t, m, "the page carries a CSRF token")
	require.NotEmpty(t, m[1])
	return m[1]
}

// candidateSession opens an invite link in a new browser and returns it with its CSRF token.
func (a *api) candidateSession(token string) (*browser, string) {
	a.t.Helper()
	b := newBrowser(a.t, a.url)
	resp, _ := b.get("/invite/" + token)
	require.Equal(a.t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(a.t, "/take/", resp.Header.Get("Location"), "the token leaves the address bar")
	resp, page := b.get("/take/")
	require.Equal(a.t, http.StatusOK, resp.StatusCode, page)
	return b, csrf(a.t, page)
}

// startedCandidate is a candidate's browser session on an assessment made with extra (see
// assessment), after Start: its clock runs and its problems open.
func (a *api) startedCandidate(extra map[string]any) (*browser, string) {
	a.t.Helper()
	inv := a.invite(a.assessment(extra), "ada")
	b, tok := a.candidateSession(inv.InviteToken)
	resp, page := b.post("/take/start", url.Values{"csrf": {tok}}, nil)
	require.Equal(a.t, http.StatusSeeOther, resp.StatusCode, page)
	return b, tok
}

func (a *api) records(candidateID string) int {
	a.t.Helper()
	list, err := a.store.Records(context.Background(), store.Filter{CandidateID: candidateID})
	require.NoError(a.t, err)
	return len(list)
}

func TestInviteLinkMakesAnHttpOnlySameSiteSession(t *testing.T) {
	a := newAPI(t)
	inv := a.invite(a.assessment(nil), "ada")
	b := newBrowser(t, a.url)
	resp, _ := b.get("/invite/" + inv.InviteToken)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	cookies := resp.Cookies()
	require.Len(t, cookies, 1)
	c := cookies[0]
	assert.Equal(t, "judge_take", c.Name)
	assert.True(t, c.HttpOnly, "no script reads the session")
	assert.Equal(t, http.SameSiteLaxMode, c.SameSite, "a cross-site POST does not carry it")
	assert.Equal(t, "/", c.Path)
	assert.Equal(t, "same-origin", resp.Header.Get("Referrer-Policy"))

	resp, page := b.get("/take/")
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, "Take-home")
	csp := resp.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "script-src 'self'")
	assert.Contains(t, csp, "frame-ancestors 'none'")
	assert.NotContains(t, csp, "unsafe-inline")
	assert.Equal(t, "DENY", resp.Header.Get("X-Frame-Options"))
	assert.NotContains(t, page, "<script>", "no inline script")
	assert.NotContains(t, page, inv.InviteToken, "the page does not repeat the token")

	// Without the cookie, the pages say to open the link.
	resp, page = newBrowser(t, a.url).get("/take/")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, page)
	// A made-up link is a clear 404 and sets nothing.
	resp, _ = newBrowser(t, a.url).get("/invite/jinv_nope")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
	assert.Empty(t, resp.Cookies())
}

func TestCSRF(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil)
	ada, bob := a.invite(aid, "ada"), a.invite(aid, "bob")
	b, tok := a.candidateSession(ada.InviteToken)
	_, bobTok := a.candidateSession(bob.InviteToken)
	require.NotEqual(t, tok, bobTok, "each session has its own token")
	adaID := a.candidateID(aid, "ada")

	form := func(csrf string) url.Values {
		v := url.Values{"source": {"# right\n"}}
		if csrf != "" {
			v.Set("csrf", csrf)
		}
		return v
	}
	forged := strings.Repeat("A", len(tok))
	cases := []struct {
		name    string
		form    url.Values
		headers map[string]string
	}{
		{"missing", form(""), nil},
		{"forged", form(forged), nil},
		{"replayed from another candidate's session", form(bobTok), nil},
		{"right token, another site's page", form(tok), map[string]string{"Origin": "https://evil.example"}},
		{"right token, a sandboxed frame", form(tok), map[string]string{"Origin": "null"}},
		{"right token, cross-site fetch", form(tok), map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"forged header", url.Values{"source": {"# right\n"}}, map[string]string{"X-CSRF-Token": forged}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, page := b.post("/take/problems/sum/submit", tc.form, tc.headers)
			assert.Equal(t, http.StatusForbidden, resp.StatusCode, page)
			assert.Contains(t, page, "<code>csrf</code>")
			assert.Zero(t, a.records(adaID), "nothing stored")
		})
	}
	// A draft without the token is not saved either.
	resp, _ := b.send("POST", "/take/problems/sum/draft", "text/plain", strings.NewReader("evil"), nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	_, ok, err := a.store.Draft(context.Background(), adaID, "sum")
	require.NoError(t, err)
	assert.False(t, ok, "no draft stored")

	// The right token works: the submission is stored and the browser goes to its page.
	resp, page := b.post("/take/problems/sum/submit", form(tok), nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, page)
	assert.Regexp(t, `^/take/submissions/[0-9a-f-]{36}$`, resp.Header.Get("Location"))
	assert.Equal(t, 1, a.records(adaID))
	resp, _ = b.send("POST", "/take/problems/sum/draft", "text/plain", strings.NewReader("x = 1\n"), map[string]string{"X-CSRF-Token": tok})
	assert.Equal(t, http.StatusNoContent, resp.StatusCode)

	// A re-issued link ends the old session: its cookie and its token open nothing.
	var re created
	code, raw := a.do("POST", "/api/candidates/"+adaID+"/reissue", a.admin, nil, &re)
	require.Equal(t, http.StatusOK, code, raw)
	resp, page = b.post("/take/problems/sum/submit", form(tok), nil)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, page)
	assert.Equal(t, 1, a.records(adaID), "nothing more stored")
	// The API, which takes no cookie, needs no CSRF token: its token is in the path.
	code, raw = a.do("POST", "/api/invite/"+re.InviteToken+"/submissions", "", map[string]string{"problem": "sum", "source": "# right\n"}, nil)
	assert.Equal(t, http.StatusAccepted, code, raw)
}

func (a *api) candidateID(assessment, name string) string {
	a.t.Helper()
	list, err := a.store.Candidates(context.Background(), assessment)
	require.NoError(a.t, err)
	for _, c := range list {
		if c.Name == name {
			return c.ID
		}
	}
	a.t.Fatalf("no candidate %q", name)
	return ""
}

func TestCandidatePagesWithoutScript(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil)
	inv := a.invite(aid, "ada")
	b, tok := a.candidateSession(inv.InviteToken)

	resp, page := b.post("/take/start", url.Values{"csrf": {tok}}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, page)
	resp, page = b.get("/take/problems/sum")
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, "<textarea")
	assertNoHiddenData(t, page)

	// Run samples: the page comes back with the result and the source as typed.
	resp, page = b.post("/take/problems/sum/run", url.Values{"csrf": {tok}, "source": {"# right <b>\n"}}, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, "Sample run")
	assert.Contains(t, page, "Accepted")
	assert.Contains(t, page, "# right &lt;b&gt;", "the source comes back, escaped")
	assertNoHiddenData(t, page)

	// The draft was kept with the run.
	resp, page = b.get("/take/problems/sum")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, page, "# right &lt;b&gt;")

	// Submit, then the submission's page shows the result after judging (a reload).
	resp, page = b.post("/take/problems/sum/submit", url.Values{"csrf": {tok}, "source": {"# right\n"}}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, page)
	sub := resp.Header.Get("Location")
	a.poll(inv.InviteToken, strings.TrimPrefix(sub, "/take/submissions/"))
	resp, page = b.get(sub)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, "Accepted")
	assert.Contains(t, page, "Hidden tests", "the tests policy shows hidden verdicts")
	assertNoHiddenData(t, page)

	// The page's live results come from the same event stream, through the session.
	resp, events := b.get(sub + "/events")
	require.Equal(t, http.StatusOK, resp.StatusCode, events)
	assert.Contains(t, events, "event: result\n")
	assertNoHiddenData(t, events)

	// A file upload stands in for the editor's text.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	require.NoError(t, mw.WriteField("csrf", tok))
	require.NoError(t, mw.WriteField("source", "print(0)\n"))
	fw, err := mw.CreateFormFile("file", "uploaded.py")
	require.NoError(t, err)
	_, err = fw.Write([]byte("# right, from a file\n"))
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	resp, page = b.send("POST", "/take/problems/sum/submit", mw.FormDataContentType(), &body, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, page)
	up, err := a.store.Record(context.Background(), strings.TrimPrefix(resp.Header.Get("Location"), "/take/submissions/"))
	require.NoError(t, err)
	assert.Equal(t, "uploaded.py", up.Submission.Filename)
	assert.Equal(t, "# right, from a file\n", string(up.Submission.Source))

	// Another candidate's submission is not found from this session.
	bob := a.invite(aid, "bob")
	other, _ := a.candidateSession(bob.InviteToken)
	resp, _ = other.get(sub)
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)

	// I'm done: the window ends, submitting is refused.
	resp, _ = b.post("/take/done", url.Values{"csrf": {tok}}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	_, page = b.get("/take/")
	assert.Contains(t, page, "You finished at")
	resp, page = b.post("/take/problems/sum/submit", url.Values{"csrf": {tok}, "source": {"# right\n"}}, nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, page)
}

func TestDeskLoginAndCSRF(t *testing.T) {
	a := newAPI(t)
	b := newBrowser(t, a.url)
	resp, _ := b.get("/desk/")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, "/desk/login", resp.Header.Get("Location"))
	resp, page := b.get("/desk/login")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	loginTok := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	require.NotNil(t, loginTok)

	// The login form needs its token too.
	resp, _ = b.post("/desk/login", url.Values{"token": {a.admin}}, nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	resp, _ = b.post("/desk/login", url.Values{"token": {"jadm_wrong"}, "csrf": {loginTok[1]}}, nil)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	resp, _ = b.post("/desk/login", url.Values{"token": {a.admin}, "csrf": {loginTok[1]}}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "judge_desk" {
			session = c
		}
	}
	require.NotNil(t, session)
	assert.True(t, session.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, session.SameSite)

	resp, page = b.get("/desk/")
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	tok := csrf(t, page)
	create := url.Values{"name": {"Desk-made"}, "problems": {"sum"}, "opens": {a.now.Add(-3600e9).UTC().Format("2006-01-02T15:04")},
		"closes": {a.now.Add(3600e9).UTC().Format("2006-01-02T15:04")}, "allowance_minutes": {"60"}, "max_submissions": {"0"}, "policy": {"samples"}}
	resp, page = b.post("/desk/assessments", create, nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, page)
	list, err := a.store.Assessments(context.Background())
	require.NoError(t, err)
	assert.Empty(t, list, "nothing stored without the token")
	create.Set("csrf", tok)
	resp, page = b.post("/desk/assessments", create, nil)
	require.Equal(t, http.StatusCreated, resp.StatusCode, page)
	list, err = a.store.Assessments(context.Background())
	require.NoError(t, err)
	require.Len(t, list, 1)

	// A read token may look at the desk but change nothing.
	var read struct {
		Token string `json:"token"`
	}
	code, raw := a.do("POST", "/api/tokens", a.admin, map[string]string{"name": "ats", "scope": "read"}, &read)
	require.Equal(t, http.StatusCreated, code, raw)
	r := newBrowser(t, a.url)
	_, page = r.get("/desk/login")
	loginTok = regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	resp, _ = r.post("/desk/login", url.Values{"token": {read.Token}, "csrf": {loginTok[1]}}, nil)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	resp, page = r.get("/desk/assessments/" + list[0].ID)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	readTok := csrf(t, page)
	resp, page = r.post("/desk/assessments/"+list[0].ID+"/invite", url.Values{"csrf": {readTok}, "name": {"eve"}}, nil)
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, page)
	assert.Contains(t, page, "read_only")
	// Logging out is for every session.
	resp, _ = r.post("/desk/logout", url.Values{"csrf": {readTok}}, nil)
	assert.Equal(t, http.StatusSeeOther, resp.StatusCode)
	resp, _ = r.get("/desk/")
	assert.Equal(t, "/desk/login", resp.Header.Get("Location"), "logged out")
}

// deskSession logs a new browser in to the desk with the admin token.
func (a *api) deskSession() (*browser, string) { return a.deskSessionAs(a.admin) }

// deskSessionAs logs in to the desk with an interviewer token and returns the session and the
// CSRF token of its home page.
func (a *api) deskSessionAs(token string) (*browser, string) {
	a.t.Helper()
	b := newBrowser(a.t, a.url)
	_, page := b.get("/desk/login")
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page)
	require.NotNil(a.t, m)
	resp, _ := b.post("/desk/login", url.Values{"token": {token}, "csrf": {m[1]}}, nil)
	require.Equal(a.t, http.StatusSeeOther, resp.StatusCode)
	resp, page = b.get("/desk/")
	require.Equal(a.t, http.StatusOK, resp.StatusCode)
	return b, csrf(a.t, page)
}

func TestDeskPages(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(map[string]any{"policy": "none"})
	inv := a.invite(aid, "ada")
	b, tok := a.deskSession()
	post := func(path string, form url.Values) (*http.Response, string) {
		form.Set("csrf", tok)
		return b.post(path, form, nil)
	}

	// Two submissions of one candidate: the matrix, a submission in full, their diff.
	var first, second struct{ ID string }
	code, raw := a.do("POST", "/api/invite/"+inv.InviteToken+"/submissions", "", map[string]string{"problem": "sum", "source": "print(0)\nx = 1\n"}, &first)
	require.Equal(t, http.StatusAccepted, code, raw)
	code, raw = a.do("POST", "/api/invite/"+inv.InviteToken+"/submissions", "", map[string]string{"problem": "sum", "source": "# right\nx = 1\n"}, &second)
	require.Equal(t, http.StatusAccepted, code, raw)
	a.poll(inv.InviteToken, first.ID)
	a.poll(inv.InviteToken, second.ID)
	cid := a.candidateID(aid, "ada")

	resp, page := b.get("/desk/assessments/" + aid)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, `href="/desk/submissions/`+second.ID+`"`, "the matrix links the best submission")
	assert.Contains(t, page, "Accepted")
	assert.Contains(t, page, "2 sent")
	assert.NotContains(t, page, "finished", "a candidate who has not finished is not shown as finished")

	resp, page = b.get("/desk/submissions/" + first.ID)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, `<span class="hb">print</span>`, "source highlighted on the server")
	assert.Contains(t, page, "secret/", "hidden tests' names and details for the interviewer")
	assert.Contains(t, page, "Details of the tests that failed")
	assert.Contains(t, page, `<a href="/desk/assessments/`+aid+`"><bdi>Take-home</bdi></a>`, "the trail names the assessment")

	resp, page = b.get("/desk/candidates/" + cid + "?old=" + first.ID + "&new=" + second.ID)
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, `<tr class="del"><td class="n">1</td><td class="n"></td><td class="op"></td><td>print(0)</td></tr>`)
	assert.Contains(t, page, `<tr class="add"><td class="n"></td><td class="n">1</td><td class="op"></td><td># right</td></tr>`)
	other := first.ID[:35] + "0" // another id of the same shape, never first's own
	if other == first.ID {
		other = first.ID[:35] + "1"
	}
	resp, _ = b.get("/desk/candidates/" + cid + "?old=" + first.ID + "&new=" + other)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "only this candidate's submissions are compared")

	// CPU relative to the reference: the slowest test against the calibration's slowest
	// accepted test.
	rec := &judge.Record{AssessmentID: aid, CandidateID: cid, Problem: "sum", Submission: judge.Submission{Filename: "s.py", Source: []byte("x = 1\n")}}
	rep := &judge.Report{Problem: "sum", Verdict: judge.TimeLimitExceeded, Passed: 1, Total: 3, NotRun: 1,
		TimeLimit: judge.TimeLimit{DeclaredMillis: 1000, EffectiveMillis: 300, Source: "calibrated", SlowestAcceptedMillis: 10},
		Tests: []judge.TestResult{{Index: 0, Name: "secret/1", Verdict: judge.Accepted, CPUMillis: 25, WallMillis: 26, MemoryMiB: 9.5},
			{Index: 1, Name: "secret/2", Verdict: judge.TimeLimitExceeded, CPUMillis: 301, WallMillis: 305, MemoryMiB: 9.5},
			{Index: 2, Name: "secret/3", Verdict: judge.NotRun, Message: "not run: a test as large or larger went over the time limit"}}}
	require.NoError(t, a.store.InTx(context.Background(), func(tx *store.Tx) error {
		if err := tx.InsertRecord(context.Background(), rec); err != nil {
			return err
		}
		return tx.FinishRecord(context.Background(), rec.ID, rep, "")
	}))
	_, page = b.get("/desk/submissions/" + rec.ID)
	assert.Contains(t, page, "slowest test 30.10× the reference")
	assert.Contains(t, page, `<td data-sort="-1">—</td><td data-sort="-1">—</td><td data-sort="-1">—</td>`, "a test not run has no times")
	assert.NotContains(t, page, "&lt; 0.1 MiB", "a test not run has no memory either (its 0 would read so)")
	// Lint (advisory): listed under the source, its line marked in the margin.
	lintRec := &judge.Record{AssessmentID: aid, CandidateID: cid, Problem: "sum", Submission: judge.Submission{Filename: "l.py", Source: []byte("import os\nprint(0)\n")}}
	lintRep := &judge.Report{Problem: "sum", Verdict: judge.TimeLimitExceeded, Total: 3,
		Complexity: &judge.Complexity{Fit: &complexity.Fit{Class: complexity.Quadratic, R2: 0.99}},
		Ladder: &judge.LadderSummary{Sizes: []int{100, 200, 400, 800}, Repeats: 3, Good: "n", Naive: "n^2",
			Reference: &judge.Complexity{Fit: &complexity.Fit{Class: complexity.Linear, R2: 0.98}}},
		Lint: &judge.Lint{Tool: "pyflakes 2.5.0", Total: 1, Findings: []judge.LintFinding{{Line: 1, Col: 1, Kind: "UnusedImport", Message: "'os' imported but unused"}}}}
	require.NoError(t, a.store.InTx(context.Background(), func(tx *store.Tx) error {
		if err := tx.InsertRecord(context.Background(), lintRec); err != nil {
			return err
		}
		return tx.FinishRecord(context.Background(), lintRec.ID, lintRep, "")
	}))
	_, page = b.get("/desk/submissions/" + lintRec.ID)
	assert.Contains(t, page, "Lint <span class=\"meta\">(pyflakes 2.5.0: advisory, never part of the verdict)</span>")
	assert.Contains(t, page, `<li><a href="#L1">line 1</a>: &#39;os&#39; imported but unused</li>`)
	assert.Contains(t, page, `<tr id="L1" class="lint" title="&#39;os&#39; imported but unused">`)
	assert.Contains(t, page, `<tr id="L2"><td class="n">2</td>`, "a line without findings is not marked")
	assert.Contains(t, page, "Growth class on the size ladder (n = 100, 200, 400, 800; advisory): <strong>≈ O(n²) (R² 0.99)</strong> · the reference: ≈ O(n) (R² 0.98) · expected of a good solution n, of a naive one n^2")
	resp, md := b.get("/desk/assessments/" + aid + "/export?problem=sum&format=markdown")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, md, "| ada #4 (l.py) | ≈ O(n²) (R² 0.99) |", "the export carries the estimate")

	// Export, release, re-judge.
	resp, csvText := b.get("/desk/assessments/" + aid + "/export?problem=sum&format=csv")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, csvText, "ada #2")
	assert.Equal(t, `attachment; filename="sum.csv"`, resp.Header.Get("Content-Disposition"))
	resp, _ = post("/desk/assessments/"+aid+"/release", url.Values{})
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	got, err := a.store.Assessment(context.Background(), aid)
	require.NoError(t, err)
	assert.True(t, got.Released)
	resp, page = post("/desk/assessments/"+aid+"/rejudge", url.Values{"problem": {"sum"}})
	require.Equal(t, http.StatusAccepted, resp.StatusCode, page)
	assert.Contains(t, page, "4 submissions to sum are queued to be judged again")

	// Invite from CSV (links shown once), re-issue a link, revoke one.
	resp, page = post("/desk/assessments/"+aid+"/invite", url.Values{"csv": {"name,email\nbob,bob@example.com\ncy,\n"}})
	require.Equal(t, http.StatusCreated, resp.StatusCode, page)
	links := regexp.MustCompile(`value="(http://[^"]+/invite/jinv_[^"]+)"`).FindAllStringSubmatch(page, -1)
	require.Len(t, links, 2)
	resp, _ = newBrowser(t, a.url).get(strings.TrimPrefix(links[0][1], a.url))
	assert.Equal(t, http.StatusSeeOther, resp.StatusCode, "a new link opens")
	resp, page = post("/desk/candidates/"+cid+"/reissue", url.Values{})
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Regexp(t, `value="http://[^"]+/invite/jinv_`, page)
	code, _ = a.do("GET", "/api/invite/"+inv.InviteToken, "", nil, nil)
	assert.Equal(t, http.StatusNotFound, code, "the old link stopped working")
	resp, _ = post("/desk/candidates/"+a.candidateID(aid, "bob")+"/revoke", url.Values{})
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	resp, _ = newBrowser(t, a.url).get(strings.TrimPrefix(links[0][1], a.url))
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "a revoked link opens nothing")

	// Edit: close it now.
	now := a.now.UTC()
	resp, page = post("/desk/assessments/"+aid+"/edit", url.Values{"name": {"Renamed"}, "policy": {"none"}, "opens": {now.Add(-2 * time.Hour).Format("2006-01-02T15:04")},
		"closes": {now.Add(-time.Minute).Format("2006-01-02T15:04")}, "allowance_minutes": {"90"}, "max_submissions": {"5"}})
	require.Equal(t, http.StatusSeeOther, resp.StatusCode, page)
	got, err = a.store.Assessment(context.Background(), aid)
	require.NoError(t, err)
	assert.Equal(t, "Renamed", got.Name)
	assert.True(t, got.Closes.Before(a.now))
	resp, page = post("/desk/assessments/"+aid+"/edit", url.Values{"name": {""}, "policy": {"none"}, "opens": {"soon"}})
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, page)
}

// TestDeskSimilar: the desk compares each candidate's latest submission to a problem with every
// other's; a renamed copy is listed beside its original with the matching lines marked, an
// independent solution is not, and a candidate's own earlier submission is not compared.
func TestDeskSimilar(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(map[string]any{"policy": "none"})
	original := `import sys


def total(numbers):
    result = 0
    for value in numbers:
        if value > 0:
            result += value
        else:
            result -= -value
    return result


def main():
    data = sys.stdin.read().split()
    numbers = [int(x) for x in data[1:]]
    print(total(numbers))


main()
`
	renamed := strings.NewReplacer("total", "add_up", "numbers", "xs", "result", "acc", "value", "v", "data", "raw").Replace(original)
	independent := "import sys\nprint(sum(map(int, sys.stdin.read().split()[1:])))\n"
	send := func(token, src string) string {
		var sub struct{ ID string }
		code, raw := a.do("POST", "/api/invite/"+token+"/submissions", "", map[string]string{"problem": "sum", "source": src}, &sub)
		require.Equal(t, http.StatusAccepted, code, raw)
		a.poll(token, sub.ID)
		return sub.ID
	}
	ada, bo, cy := a.invite(aid, "ada"), a.invite(aid, "bo"), a.invite(aid, "cy")
	send(ada.InviteToken, independent) // ada's first: not compared, her latest is
	adaLast := send(ada.InviteToken, original)
	boLast := send(bo.InviteToken, "# my own work\n"+renamed)
	send(cy.InviteToken, independent)

	b, _ := a.deskSession()
	resp, page := b.get("/desk/assessments/" + aid + "/similar?problem=sum")
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, "(3 submissions, 3 pairs)")
	assert.Regexp(t, `<bdi>ada</bdi> ~ <bdi>bo</bdi></a></td><td data-sort="[0-9.]+">(0\.[89]\d|1\.00)</td>`, page, "the renamed copy is found")
	assert.NotContains(t, page, "<bdi>cy</bdi></a>", "an independent solution is not")
	assert.Contains(t, page, `href="/desk/submissions/`+adaLast+`"`)
	assert.Contains(t, page, `href="/desk/submissions/`+boLast+`"`)
	assert.Contains(t, page, `<tr class="match"><td class="n">4</td>`, "the matching lines are marked")

	resp, _ = b.get("/desk/assessments/" + aid + "/similar?problem=nope")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}

// River's UI of the queue is an admin's: with an admin token, or from the desk with an admin
// token's session (the desk links it); a read token's session, or none, is refused, and a change
// through the session must come from this origin, since River's UI sends no CSRF token of ours.
func TestQueueUIForAdminsOnly(t *testing.T) {
	a := startAPI(t, true)
	// River's API is not ours (openapi.yaml): a plain client, not a.do.
	anon := newBrowser(t, a.url)
	resp, raw := anon.get("/riverui/api/jobs?state=available")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "no token, no session: %s", raw)
	resp, raw = anon.send("GET", "/riverui/api/jobs?state=available", "", nil, map[string]string{"Authorization": "Bearer " + a.admin})
	assert.Equal(t, http.StatusOK, resp.StatusCode, raw)

	resp, _ = anon.get("/riverui/")
	assert.Equal(t, http.StatusSeeOther, resp.StatusCode)
	assert.Equal(t, "/desk/login", resp.Header.Get("Location"), "the UI's page asks for the desk's login")

	desk, _ := a.deskSession()
	resp, page := desk.get("/desk/")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, page, `<a href="/riverui/">Queue</a>`, "an admin's desk links the queue")
	resp, page = desk.get("/riverui/")
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, page, "<html", "River's own page")
	resp, page = desk.get("/riverui/api/jobs?state=available")
	assert.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, `"data"`)

	// A change (pausing the default queue) through the session: from another site, or with no
	// word of where it comes from, refused before River sees it; from this origin, done.
	pause := "/riverui/api/queues/default/pause"
	for _, h := range []map[string]string{
		{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Origin": "https://evil.example"},
		{},
	} {
		resp, page = desk.send("PUT", pause, "application/json", strings.NewReader("{}"), h)
		assert.Equal(t, http.StatusForbidden, resp.StatusCode, "%v: %s", h, page)
	}
	resp, page = desk.send("PUT", pause, "application/json", strings.NewReader("{}"), map[string]string{"Origin": a.url, "Sec-Fetch-Site": "same-origin"})
	assert.Less(t, resp.StatusCode, 300, page)

	// A read token's session sees assessments, not the queue.
	var reader struct {
		Token string `json:"token"`
	}
	code, raw := a.do("POST", "/api/tokens", a.admin, map[string]string{"name": "viewer", "scope": "read"}, &reader)
	require.Equal(t, http.StatusCreated, code, raw)
	viewer, _ := a.deskSessionAs(reader.Token)
	_, page = viewer.get("/desk/")
	assert.NotContains(t, page, `href="/riverui/"`)
	resp, _ = viewer.get("/riverui/api/jobs?state=available")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
}

// A function problem's page tells the candidate that its tests share a process; a stdio
// problem's does not (each of its tests has a process of its own).
func TestProblemPageSaysWhatTestsShare(t *testing.T) {
	b, _ := newAPI(t).startedCandidate(map[string]any{"problems": []string{"sum", "add"}})
	resp, page := b.get("/take/problems/add")
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.Contains(t, page, `id="shared-process"`, "a function problem says its tests share a process")
	resp, page = b.get("/take/problems/sum")
	require.Equal(t, http.StatusOK, resp.StatusCode, page)
	assert.NotContains(t, page, `id="shared-process"`, "a stdio problem's tests each have a process")
}
