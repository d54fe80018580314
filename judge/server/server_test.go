package server_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/jobs"
	"github.com/judge-dev/judge/judge/judgetest"
	"github.com/judge-dev/judge/judge/metrics"
	"github.com/judge-dev/judge/judge/problemset"
	"github.com/judge-dev/judge/judge/server"
	"github.com/judge-dev/judge/judge/store"
)

const problemsDir = "../../testdata/problems"

// api is a running server on real SQLite and River, judging with the shared fake sandbox: a
// source holding "right" answers every test correctly, anything else answers 0.
type api struct {
	t     *testing.T
	url   string
	admin string
	store *store.Store
	now   time.Time
	// release lets judgings of sources holding "slow" go on.
	release func()
	// limited holds the problems whose time limit was asked for.
	limited *sync.Map
}

func newAPI(t *testing.T) *api { return startAPI(t, false) }

// startAPI is newAPI, with River's UI of the queue under /riverui/ when queueUI.
func startAPI(t *testing.T, queueUI bool) *api {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "judge.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	require.NoError(t, jobs.Migrate(ctx, st))
	set := problemset.Dir(problemsDir)
	load := func(_ context.Context, id string) (*judge.Problem, error) { return set.Load(id) }
	answers := map[string][]byte{}
	for _, id := range []string{"sum"} {
		p, err := set.Load(id)
		require.NoError(t, err)
		for _, tc := range p.Tests {
			answers[string(tc.Input)] = tc.Answer
		}
	}
	gate := make(chan struct{})
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if bytes.Contains(job.Source, []byte("slow")) {
			<-gate
		}
		out := []byte("0\n")
		if bytes.Contains(job.Source, []byte("right")) {
			out = answers[string(frames[0])]
		}
		return judge.Execution{Status: judge.StatusOK, CPU: time.Millisecond, Output: out}, true
	}}
	limited := &sync.Map{}
	g := &grade.Grader{Sandbox: sb, Parallel: 1, Limit: func(_ context.Context, p *judge.Problem) (*judge.Problem, error) {
		limited.Store(p.ID, true)
		return p, nil
	}}
	feed := judge.NewFeed()
	q, err := jobs.New(jobs.Config{Store: st, Grader: g, Problem: load, Feed: feed, Workers: 1, PollInterval: 20 * time.Millisecond,
		Deliver: server.Deliverer(5*time.Second, time.Now), WindowCheck: 100 * time.Millisecond})
	require.NoError(t, err)
	qctx, cancel := context.WithCancel(ctx)
	require.NoError(t, q.Start(qctx))
	t.Cleanup(func() {
		sctx, stop := context.WithTimeout(context.Background(), 10*time.Second)
		defer stop()
		assert.NoError(t, q.Stop(sctx))
		cancel()
	})
	var once sync.Once
	release := func() { once.Do(func() { close(gate) }) }
	t.Cleanup(release) // before the queue stops: a judging held at the gate would hold it up
	tok, err := server.EnsureAdminToken(ctx, st)
	require.NoError(t, err)
	require.NotEmpty(t, tok)
	again, err := server.EnsureAdminToken(ctx, st)
	require.NoError(t, err)
	assert.Empty(t, again, "the admin token is made once and never shown again")
	a := &api{t: t, admin: tok, store: st, now: time.Now(), release: release, limited: limited}
	m := metrics.New(metrics.Sources{Queued: st.Queued})
	cfg := server.Config{Store: st, Queue: q, Problem: load, Grader: g, Follow: feed.Follow, Now: func() time.Time { return a.now },
		Metrics: m.Handler(), Observe: m.Request}
	if queueUI {
		cfg.QueueUI, err = q.UI(qctx, "/riverui", nil)
		require.NoError(t, err)
	}
	srv := server.New(cfg)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	a.url = hs.URL
	return a
}

// do sends a request and decodes a JSON answer into out (when not nil); it returns the status
// and the raw body.
func (a *api) do(method, path, token string, body any, out any) (int, string) {
	a.t.Helper()
	var reqBody []byte
	if s, ok := body.(string); ok {
		reqBody = []byte(s)
	} else if body != nil {
		b, err := json.Marshal(body)
		require.NoError(a.t, err)
		reqBody = b
	}
	req, err := http.NewRequest(method, a.url+path, bytes.NewReader(reqBody))
	require.NoError(a.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(a.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(a.t, err)
	conform(a.t, req, reqBody, resp, b, true)
	if out != nil && resp.StatusCode < 300 {
		require.NoError(a.t, json.Unmarshal(b, out), string(b))
	}
	return resp.StatusCode, string(b)
}

type created struct {
	ID          string `json:"id"`
	InviteToken string `json:"invite_token"`
	InviteURL   string `json:"invite_url"`
}

func (a *api) assessment(extra map[string]any) string {
	a.t.Helper()
	body := map[string]any{"name": "Take-home", "problems": []string{"sum"}, "opens": a.now.Add(-time.Hour),
		"closes": a.now.Add(time.Hour), "allowance_minutes": 90, "max_submissions": 5, "policy": "tests"}
	for k, v := range extra {
		body[k] = v
	}
	var out created
	code, raw := a.do("POST", "/api/assessments", a.admin, body, &out)
	require.Equal(a.t, http.StatusCreated, code, raw)
	return out.ID
}

func (a *api) invite(assessment, name string) created {
	a.t.Helper()
	var out created
	code, raw := a.do("POST", "/api/assessments/"+assessment+"/candidates", a.admin, map[string]string{"name": name, "email": name + "@example.com"}, &out)
	require.Equal(a.t, http.StatusCreated, code, raw)
	require.True(a.t, strings.HasSuffix(out.InviteURL, "/invite/"+out.InviteToken) && !strings.Contains(out.InviteURL, "/api/"), "the invite URL opens the candidate's page")
	return out
}

type result struct {
	ID      string `json:"id"`
	State   string `json:"state"`
	Verdict string `json:"verdict"`
	Hidden  []struct {
		Verdict string `json:"verdict"`
	} `json:"hidden"`
}

// poll asks for a submission until it is judged, or fails the test at the deadline.
func (a *api) poll(token, id string) (result, string) {
	a.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var r result
		code, raw := a.do("GET", "/api/invite/"+token+"/submissions/"+id, "", nil, &r)
		require.Equal(a.t, http.StatusOK, code, raw)
		if r.State != "queued" {
			return r, raw
		}
		require.True(a.t, time.Now().Before(deadline), "submission %s not judged by the deadline", id)
		time.Sleep(20 * time.Millisecond)
	}
}

// hiddenData is every hidden test's input and answer of a problem.
func hiddenData(t *testing.T, id string) []string {
	p, err := problemset.Dir(problemsDir).Load(id)
	require.NoError(t, err)
	var out []string
	for _, tc := range p.Tests {
		if !tc.Sample {
			out = append(out, strings.TrimSpace(string(tc.Input)), strings.TrimSpace(string(tc.Answer)), tc.Name)
		}
	}
	return out
}

func assertNoHiddenData(t *testing.T, body string) {
	t.Helper()
	for _, h := range hiddenData(t, "sum") {
		if len(h) < 4 {
			continue // "0" is in every answer; what is distinctive must not be
		}
		assert.NotContains(t, body, h, "hidden data in a candidate's answer")
	}
}

func TestInterviewerAndCandidateFlow(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil)
	inv := a.invite(aid, "ada")
	tok := inv.InviteToken

	code, raw := a.do("GET", "/api/invite/"+tok, "", nil, nil)
	require.Equal(t, http.StatusOK, code, raw)
	assert.Contains(t, raw, `"Sum of two"`)

	var pv judge.ProblemView
	code, raw = a.do("GET", "/api/invite/"+tok+"/problems/sum", "", nil, &pv)
	require.Equal(t, http.StatusOK, code, raw)
	require.Len(t, pv.Samples, 1)
	assert.Equal(t, "1 2\n", pv.Samples[0].Input)
	assert.Equal(t, 3, pv.HiddenTests)
	assertNoHiddenData(t, raw)

	var run result
	code, raw = a.do("POST", "/api/invite/"+tok+"/problems/sum/run", "", map[string]string{"source": "# right\n"}, &run)
	require.Equal(t, http.StatusOK, code, raw)
	assert.Equal(t, "AC", run.Verdict)
	assertNoHiddenData(t, raw)

	var right, wrong result
	code, raw = a.do("POST", "/api/invite/"+tok+"/submissions", "", map[string]string{"problem": "sum", "filename": "ok.py", "source": "# right\n"}, &right)
	require.Equal(t, http.StatusAccepted, code, raw)
	assert.Equal(t, "queued", right.State)
	code, raw = a.do("POST", "/api/invite/"+tok+"/submissions", "", map[string]string{"problem": "sum", "filename": "no.py", "source": "print(0)\n"}, &wrong)
	require.Equal(t, http.StatusAccepted, code, raw)

	var waited result
	code, raw = a.do("POST", "/api/invite/"+tok+"/submissions?wait=true", "", map[string]string{"problem": "sum", "filename": "w.py", "source": "# right\n"}, &waited)
	require.Equal(t, http.StatusOK, code, "wait=true answers with the result: %s", raw)
	assert.Equal(t, "AC", waited.Verdict)

	got, raw := a.poll(tok, right.ID)
	assert.Equal(t, "AC", got.Verdict)
	assertNoHiddenData(t, raw)
	got, raw = a.poll(tok, wrong.ID)
	assert.Equal(t, "WA", got.Verdict)
	require.Len(t, got.Hidden, 3, "policy tests: a verdict per hidden test")
	assert.Equal(t, "AC", got.Hidden[0].Verdict, "0 + 0 is 0")
	assert.Equal(t, "WA", got.Hidden[1].Verdict)
	assertNoHiddenData(t, raw)
	_, raw = a.do("GET", "/api/invite/"+tok+"/submissions", "", nil, nil)
	assertNoHiddenData(t, raw)

	// The interviewer sees everything: the source and the hidden tests' data.
	var subs []struct {
		Source string        `json:"source"`
		Report *judge.Report `json:"report"`
	}
	code, raw = a.do("GET", "/api/assessments/"+aid+"/submissions", a.admin, nil, &subs)
	require.Equal(t, http.StatusOK, code, raw)
	require.Len(t, subs, 3)
	assert.Equal(t, "print(0)\n", subs[1].Source)
	require.NotNil(t, subs[1].Report.Tests[1].Expected, "hidden details for interviewers")

	code, raw = a.do("GET", "/api/assessments/"+aid+"/export?format=csv", a.admin, nil, nil)
	require.Equal(t, http.StatusOK, code, raw)
	recs, err := csv.NewReader(strings.NewReader(raw)).ReadAll()
	require.NoError(t, err, raw)
	require.Len(t, recs, 4, raw)
	assert.Equal(t, []string{"ada #1 (ok.py)", "AC"}, recs[1][:2])
	assert.Equal(t, []string{"ada #2 (no.py)", "WA"}, recs[2][:2])
	// Re-judge: both go back to the queue and come back with the same verdicts.
	judged, err := a.store.Record(context.Background(), wrong.ID)
	require.NoError(t, err)
	var rj struct {
		Requeued int `json:"requeued"`
	}
	code, raw = a.do("POST", "/api/assessments/"+aid+"/rejudge", a.admin, map[string]string{"problem": "sum"}, &rj)
	require.Equal(t, http.StatusAccepted, code, raw)
	assert.Equal(t, 3, rj.Requeued)
	got, _ = a.poll(tok, right.ID)
	assert.Equal(t, "AC", got.Verdict)
	got, _ = a.poll(tok, wrong.ID)
	assert.Equal(t, "WA", got.Verdict)
	rejudged, err := a.store.Record(context.Background(), wrong.ID)
	require.NoError(t, err)
	assert.NotEqual(t, judged.Report.Started, rejudged.Report.Started, "judged again")
	code, _ = a.do("POST", "/api/assessments/"+aid+"/rejudge", a.admin, map[string]string{"problem": "add"}, nil)
	assert.Equal(t, http.StatusBadRequest, code, "not one of the assessment's problems")

	for _, f := range []string{"json", "markdown"} {
		code, raw = a.do("GET", "/api/assessments/"+aid+"/export?format="+f, a.admin, nil, nil)
		require.Equal(t, http.StatusOK, code, raw)
		assert.Contains(t, raw, "ada #2 (no.py)")
	}
}

func TestFeedbackPolicyNoneUntilReleased(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(map[string]any{"policy": "none"})
	tok := a.invite(aid, "bo").InviteToken
	var sub result
	code, raw := a.do("POST", "/api/invite/"+tok+"/submissions", "", map[string]string{"problem": "sum", "source": "print(0)\n"}, &sub)
	require.Equal(t, http.StatusAccepted, code, raw)
	deadline := time.Now().Add(60 * time.Second)
	for {
		rec, err := a.store.Record(context.Background(), sub.ID)
		require.NoError(t, err)
		if rec.State == judge.StateDone {
			break
		}
		require.True(t, time.Now().Before(deadline))
		time.Sleep(20 * time.Millisecond)
	}
	_, raw = a.do("GET", "/api/invite/"+tok+"/submissions/"+sub.ID, "", nil, nil)
	assert.NotContains(t, raw, "verdict")
	assert.Contains(t, raw, "withheld")
	code, _ = a.do("POST", "/api/assessments/"+aid+"/release", a.admin, nil, nil)
	require.Equal(t, http.StatusOK, code)
	got, raw := a.poll(tok, sub.ID)
	assert.Equal(t, "WA", got.Verdict, raw)
}

func TestRevokeAndReissue(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil)
	inv := a.invite(aid, "cy")
	code, raw := a.do("POST", "/api/candidates/"+inv.ID+"/revoke", a.admin, nil, nil)
	require.Equal(t, http.StatusOK, code, raw)
	code, raw = a.do("GET", "/api/invite/"+inv.InviteToken, "", nil, nil)
	assert.Equal(t, http.StatusForbidden, code)
	assert.Contains(t, raw, "invite_revoked")

	var re created
	code, raw = a.do("POST", "/api/candidates/"+inv.ID+"/reissue", a.admin, nil, &re)
	require.Equal(t, http.StatusOK, code, raw)
	assert.NotEqual(t, inv.InviteToken, re.InviteToken)
	code, _ = a.do("GET", "/api/invite/"+re.InviteToken, "", nil, nil)
	assert.Equal(t, http.StatusOK, code)
	code, _ = a.do("GET", "/api/invite/"+inv.InviteToken, "", nil, nil)
	assert.Equal(t, http.StatusNotFound, code, "the old link stays dead")
}

// Hostile input: each a clear 4xx with a stable code, and nothing stored.
func TestHostileInputIsRefusedAndStoresNothing(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(map[string]any{"max_submissions": 1})
	mine := a.invite(aid, "dee")
	other := a.invite(aid, "eve")
	var theirs result
	code, raw := a.do("POST", "/api/invite/"+other.InviteToken+"/submissions", "", map[string]string{"problem": "sum", "source": "print(0)\n"}, &theirs)
	require.Equal(t, http.StatusAccepted, code, raw)
	closedID := a.assessment(map[string]any{"opens": a.now.Add(-2 * time.Hour), "closes": a.now.Add(-time.Hour)})
	closed := a.invite(closedID, "fay")
	used := a.invite(aid, "gus")
	code, raw = a.do("POST", "/api/invite/"+used.InviteToken+"/submissions", "", map[string]string{"problem": "sum", "source": "print(0)\n"}, nil)
	require.Equal(t, http.StatusAccepted, code, raw)
	revoked := a.invite(aid, "hal")
	code, _ = a.do("POST", "/api/candidates/"+revoked.ID+"/revoke", a.admin, nil, nil)
	require.Equal(t, http.StatusOK, code)

	before, err := a.store.Records(context.Background(), store.Filter{})
	require.NoError(t, err)
	assessmentsBefore, err := a.store.Assessments(context.Background())
	require.NoError(t, err)

	sub := "/api/invite/" + mine.InviteToken + "/submissions"
	big := `{"name":"x","problems":["sum"],"opens":"2026-01-01T00:00:00Z","closes":"2027-01-01T00:00:00Z","pad":"` + strings.Repeat("a", server.MaxBody) + `"}`
	cases := []struct {
		name, method, path, token string
		body                      any
		status                    int
		code                      string
	}{
		{"no admin token", "GET", "/api/assessments", "", nil, 401, "unauthorized"},
		{"wrong admin token", "GET", "/api/assessments", "jadm_nope", nil, 401, "unauthorized"},
		{"invite token as admin", "GET", "/api/assessments", mine.InviteToken, nil, 401, "unauthorized"},
		{"malformed json", "POST", "/api/assessments", "admin", `{"name": "x",`, 400, "malformed_json"},
		{"unknown field", "POST", "/api/assessments", "admin", `{"name":"x","problems":["sum"],"admin":true}`, 400, "malformed_json"},
		{"two values", "POST", "/api/assessments", "admin", `{"name":"x"} {}`, 400, "malformed_json"},
		{"a field in another case", "POST", "/api/assessments", "admin", `{"NAME":"x","problems":["sum"],"opens":"2026-01-01T00:00:00Z","closes":"2030-01-01T00:00:00Z"}`, 400, "malformed_json"},
		{"a field twice", "POST", "/api/assessments", "admin", `{"name":"x","name":"y","problems":["sum"],"opens":"2026-01-01T00:00:00Z","closes":"2030-01-01T00:00:00Z"}`, 400, "malformed_json"},
		{"not an object", "POST", "/api/assessments", "admin", `["sum"]`, 400, "malformed_json"},
		{"oversized body", "POST", "/api/assessments", "admin", big, 413, "body_too_large"},
		{"unknown problem", "POST", "/api/assessments", "admin", map[string]any{"name": "x", "problems": []string{"nope"}, "opens": a.now, "closes": a.now.Add(time.Hour)}, 400, "bad_input"},
		{"traversal in a problem id", "POST", "/api/assessments", "admin", map[string]any{"name": "x", "problems": []string{"../../etc"}, "opens": a.now, "closes": a.now.Add(time.Hour)}, 400, "bad_input"},
		{"closes before it opens", "POST", "/api/assessments", "admin", map[string]any{"name": "x", "problems": []string{"sum"}, "opens": a.now, "closes": a.now.Add(-time.Hour)}, 400, "bad_input"},
		{"webhook to a file", "POST", "/api/assessments", "admin", map[string]any{"name": "x", "problems": []string{"sum"}, "opens": a.now, "closes": a.now.Add(time.Hour), "webhook_url": "file:///etc/passwd"}, 400, "bad_input"},
		{"allowance over a year", "POST", "/api/assessments", "admin", map[string]any{"name": "x", "problems": []string{"sum"}, "opens": a.now, "closes": a.now.Add(time.Hour), "allowance_minutes": 60 * 24 * 366}, 400, "bad_input"},
		{"unknown policy", "POST", "/api/assessments", "admin", map[string]any{"name": "x", "problems": []string{"sum"}, "opens": a.now, "closes": a.now.Add(time.Hour), "policy": "all"}, 400, "bad_input"},
		{"bad assessment id", "GET", "/api/assessments/..%2F..%2Fetc", "admin", nil, 400, "bad_id"},
		{"unknown assessment id", "GET", "/api/assessments/00000000-0000-0000-0000-000000000000", "admin", nil, 404, "not_found"},
		{"unknown invite", "GET", "/api/invite/jinv_nope", "", nil, 404, "invite_not_found"},
		{"revoked invite", "POST", "/api/invite/" + revoked.InviteToken + "/submissions", "", map[string]string{"problem": "sum", "source": "print(1)\n"}, 403, "invite_revoked"},
		{"another candidate's submission", "GET", sub + "/" + theirs.ID, "", nil, 404, "not_found"},
		{"bad submission id", "GET", sub + "/1%20OR%201=1", "", nil, 400, "bad_id"},
		{"problem outside the assessment", "POST", sub, "", map[string]string{"problem": "add", "source": "print(1)\n"}, 404, "not_found"},
		{"traversal in a problem", "GET", "/api/invite/" + mine.InviteToken + "/problems/..%2F..%2Fetc", "", nil, 404, "not_found"},
		{"empty source", "POST", sub, "", map[string]string{"problem": "sum", "source": "  \n"}, 400, "bad_input"},
		{"nul byte", "POST", sub, "", map[string]string{"problem": "sum", "source": "x=1\x00"}, 400, "bad_input"},
		{"file name with a folder", "POST", sub, "", map[string]string{"problem": "sum", "filename": "../x.py", "source": "print(1)\n"}, 400, "bad_input"},
		{"source over the limit", "POST", sub, "", map[string]string{"problem": "sum", "source": strings.Repeat("#", judge.MaxSourceBytes+1)}, 400, "bad_input"},
		{"not json", "POST", sub, "", nil, 415, "unsupported_media_type"},
		{"unknown field in a submission", "POST", sub, "", `{"problem":"sum","source":"print(1)","candidate_id":"x"}`, 400, "malformed_json"},
		{"closed assessment", "POST", "/api/invite/" + closed.InviteToken + "/submissions", "", map[string]string{"problem": "sum", "source": "print(1)\n"}, 403, "assessment_closed"},
		{"closed assessment's problem", "GET", "/api/invite/" + closed.InviteToken + "/problems/sum", "", nil, 403, "assessment_closed"},
		{"submissions used up", "POST", "/api/invite/" + used.InviteToken + "/submissions", "", map[string]string{"problem": "sum", "source": "print(1)\n"}, 409, "submission_limit"},
		{"unknown route", "GET", "/api/nope", "", nil, 404, "not_found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			token := tc.token
			if token == "admin" {
				token = a.admin
			}
			body := tc.body
			req, err := http.NewRequest(tc.method, a.url+tc.path, nil)
			require.NoError(t, err)
			if body != nil {
				var b []byte
				if s, ok := body.(string); ok {
					b = []byte(s)
				} else {
					b, err = json.Marshal(body)
					require.NoError(t, err)
				}
				req.Body = io.NopCloser(bytes.NewReader(b))
				req.Header.Set("Content-Type", "application/json")
			} else if tc.method == "POST" {
				req.Body = io.NopCloser(strings.NewReader("problem=sum"))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			var p struct {
				Status int    `json:"status"`
				Code   string `json:"code"`
			}
			raw, _ := io.ReadAll(resp.Body)
			if tc.name != "unknown route" {
				conform(t, req, nil, resp, raw, false)
			}
			assert.Equal(t, tc.status, resp.StatusCode, string(raw))
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			require.NoError(t, json.Unmarshal(raw, &p), string(raw))
			assert.Equal(t, tc.code, p.Code, string(raw))
			assert.NotContains(t, string(raw), "print(0)", "never another's source")
		})
	}
	after, err := a.store.Records(context.Background(), store.Filter{})
	require.NoError(t, err)
	assert.Len(t, after, len(before), "no submission stored")
	assessmentsAfter, err := a.store.Assessments(context.Background())
	require.NoError(t, err)
	assert.Len(t, assessmentsAfter, len(assessmentsBefore), "no assessment stored")
}

func TestAllowanceEndsACandidatesWindow(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(map[string]any{"allowance_minutes": 30})
	tok := a.invite(aid, "ida").InviteToken
	code, raw := a.do("GET", "/api/invite/"+tok+"/problems/sum", "", nil, nil)
	require.Equal(t, http.StatusOK, code, raw, "the first open starts the clock")
	a.now = a.now.Add(31 * time.Minute)
	code, raw = a.do("GET", "/api/invite/"+tok+"/problems/sum", "", nil, nil)
	assert.Equal(t, http.StatusForbidden, code)
	assert.Contains(t, raw, "assessment_closed")
}

func TestHealthAndReadiness(t *testing.T) {
	a := newAPI(t)
	code, _ := a.do("GET", "/healthz", "", nil, nil)
	assert.Equal(t, http.StatusOK, code)
	code, raw := a.do("GET", "/readyz", "", nil, nil)
	assert.Equal(t, http.StatusOK, code, raw)
}

// Docker unreachable: /readyz is red and says why; /healthz stays green (the process is fine).
func TestReadyzRedWhenTheJudgeIsUnavailable(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "judge.db"))
	require.NoError(t, err)
	defer st.Close()
	srv := server.New(server.Config{Store: st, Ready: func(context.Context) error {
		return fmt.Errorf("docker: the Docker engine does not answer: %w", judge.ErrUnavailable)
	}})
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	resp, err := http.Get(hs.URL + "/readyz")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, string(body), "does not answer")
	resp, err = http.Get(hs.URL + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

// A candidate's submissions and sample runs share a bucket: 10 at once, then 429 with
// Retry-After and nothing stored, until time refills it.
func TestRateLimitPerCandidate(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(map[string]any{"max_submissions": 0})
	tok := a.invite(aid, "jo").InviteToken
	other := a.invite(aid, "kim").InviteToken
	body := map[string]string{"problem": "sum", "source": "print(0)\n"}
	code, raw := a.do("POST", "/api/invite/"+tok+"/problems/sum/run", "", map[string]string{"source": "print(0)\n"}, nil)
	require.Equal(t, http.StatusOK, code, raw)
	for range 9 {
		code, raw := a.do("POST", "/api/invite/"+tok+"/submissions", "", body, nil)
		require.Equal(t, http.StatusAccepted, code, raw)
	}
	req, err := http.NewRequest("POST", a.url+"/api/invite/"+tok+"/submissions", strings.NewReader(`{"problem":"sum","source":"print(0)"}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	assert.Equal(t, "6", resp.Header.Get("Retry-After"), "one token every 6 s")
	recs, err := a.store.Records(context.Background(), store.Filter{})
	require.NoError(t, err)
	assert.Len(t, recs, 9)

	code, raw = a.do("POST", "/api/invite/"+other+"/submissions", "", body, nil)
	assert.Equal(t, http.StatusAccepted, code, "another candidate has a bucket of their own: %s", raw)
	a.now = a.now.Add(6 * time.Second)
	code, raw = a.do("POST", "/api/invite/"+tok+"/submissions", "", body, nil)
	assert.Equal(t, http.StatusAccepted, code, raw)
}

// The event stream: progress per test as the policy shows it (a sample in full, hidden tests'
// verdicts under "tests", never their data), then the result.
func TestFollowASubmissionLive(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil) // policy tests
	tok := a.invite(aid, "lu").InviteToken
	var sub result
	code, raw := a.do("POST", "/api/invite/"+tok+"/submissions", "", map[string]string{"problem": "sum", "source": "# slow\nprint(0)\n"}, &sub)
	require.Equal(t, http.StatusAccepted, code, raw)

	resp, err := http.Get(a.url + "/api/invite/" + tok + "/submissions/" + sub.ID + "/events")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	a.release() // the stream is subscribed once its headers are here

	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	stream := string(body)
	assert.Equal(t, 4, strings.Count(stream, "event: progress\n"), stream)
	assert.Contains(t, stream, `"done":4,"total":4`)
	assert.Contains(t, stream, `"input":"1 2\n"`, "the sample in full")
	assert.Contains(t, stream, "wrong answer on a hidden test", "hidden verdicts under policy tests")
	assert.True(t, strings.HasSuffix(strings.TrimSpace(stream), "}"), stream)
	assert.Contains(t, stream, "event: result\n")
	assert.Contains(t, stream, `"verdict":"WA"`)
	assertNoHiddenData(t, stream)

	// A finished submission's stream is its result at once; another candidate's is a 404.
	resp, err = http.Get(a.url + "/api/invite/" + tok + "/submissions/" + sub.ID + "/events")
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 1, strings.Count(string(body), "event: "), string(body))
	assert.Contains(t, string(body), "event: result\n")
	other := a.invite(aid, "mo").InviteToken
	resp, err = http.Get(a.url + "/api/invite/" + other + "/submissions/" + sub.ID + "/events")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

// A CSV of names and e-mails invites them all (an unguessable link each), or none.
func TestInviteFromCSV(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil)
	post := func(body string) (int, string) {
		req, err := http.NewRequest("POST", a.url+"/api/assessments/"+aid+"/candidates", strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "text/csv")
		req.Header.Set("Authorization", "Bearer "+a.admin)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, raw := post("name,email\nAda Lovelace,ada@example.com\n\"Hopper, Grace\",grace@example.com\nLinus\n")
	require.Equal(t, http.StatusCreated, code, raw)
	var got []created
	require.NoError(t, json.Unmarshal([]byte(raw), &got))
	require.Len(t, got, 3)
	seen := map[string]bool{}
	for _, c := range got {
		assert.False(t, seen[c.InviteToken])
		seen[c.InviteToken] = true
		code, _ := a.do("GET", "/api/invite/"+c.InviteToken, "", nil, nil)
		assert.Equal(t, http.StatusOK, code)
	}
	assert.Contains(t, raw, `"name": "Hopper, Grace"`)

	for _, bad := range []string{"name,email\n", "Ada,a@x,extra\n", "Ada,a@x\n,b@x\n", "\"unclosed\n"} {
		code, raw := post(bad)
		assert.Equal(t, http.StatusBadRequest, code, "%q: %s", bad, raw)
	}
	list, err := a.store.Candidates(context.Background(), aid)
	require.NoError(t, err)
	assert.Len(t, list, 3, "a refused CSV invites no one")
}

// Creating an assessment measures its problems' time limits in the background, before any
// candidate needs them.
func TestAssessmentProblemsArePreparedAhead(t *testing.T) {
	a := newAPI(t)
	a.assessment(nil)
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, ok := a.limited.Load("sum"); ok {
			break
		}
		require.True(t, time.Now().Before(deadline), "the time limit of sum was not prepared")
		time.Sleep(10 * time.Millisecond)
	}
}

// A candidate who finishes can submit no more, and the assessment's webhook is told once,
// signed, with the same idempotency key on every retry (the first delivery fails here).
func TestFinishSendsASignedWebhook(t *testing.T) {
	type delivery struct {
		header http.Header
		body   []byte
	}
	got := make(chan delivery, 10)
	var calls int
	var mu sync.Mutex
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		got <- delivery{r.Header.Clone(), b}
		if first {
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer hook.Close()

	a := newAPI(t)
	var made struct {
		ID            string `json:"id"`
		WebhookSecret string `json:"webhook_secret"`
	}
	code, raw := a.do("POST", "/api/assessments", a.admin, map[string]any{"name": "Hooked", "problems": []string{"sum"},
		"opens": a.now.Add(-time.Hour), "closes": a.now.Add(time.Hour), "webhook_url": hook.URL}, &made)
	require.Equal(t, http.StatusCreated, code, raw)
	require.True(t, strings.HasPrefix(made.WebhookSecret, "whsec_"), raw)
	_, raw = a.do("GET", "/api/assessments/"+made.ID, a.admin, nil, nil)
	assert.NotContains(t, raw, made.WebhookSecret, "the secret is shown once")

	inv := a.invite(made.ID, "nia")
	tok := inv.InviteToken
	code, raw = a.do("POST", "/api/invite/"+tok+"/submissions?wait=true", "", map[string]string{"problem": "sum", "source": "# right\n"}, nil)
	require.Equal(t, http.StatusOK, code, raw)
	for range 2 {
		code, raw = a.do("POST", "/api/invite/"+tok+"/finish", "", nil, nil)
		require.Equal(t, http.StatusOK, code, raw)
	}
	code, raw = a.do("POST", "/api/invite/"+tok+"/submissions", "", map[string]string{"problem": "sum", "source": "# right\n"}, nil)
	assert.Equal(t, http.StatusForbidden, code, "finished: nothing more is taken: %s", raw)
	assert.Contains(t, raw, "assessment_closed")

	var ds []delivery
	for len(ds) < 2 {
		select {
		case d := <-got:
			ds = append(ds, d)
		case <-time.After(60 * time.Second):
			require.FailNow(t, "the webhook was not retried after a 500")
		}
	}
	for _, d := range ds {
		assert.Equal(t, "finish-"+inv.ID, d.header.Get("Idempotency-Key"))
		ts, err := strconv.ParseInt(d.header.Get("X-Judge-Timestamp"), 10, 64)
		require.NoError(t, err)
		assert.Equal(t, server.Sign(made.WebhookSecret, ts, d.body), d.header.Get("X-Judge-Signature"), "signed with the secret")
		assert.NotEqual(t, server.Sign("another secret", ts, d.body), d.header.Get("X-Judge-Signature"))
	}
	var f judge.Finish
	require.NoError(t, json.Unmarshal(ds[1].body, &f))
	assert.Equal(t, "candidate.finished", f.Event)
	assert.Equal(t, "done", f.Reason)
	assert.Equal(t, "nia", f.Candidate)
	require.Len(t, f.Problems, 1)
	assert.Equal(t, 1, f.Problems[0].Submissions)
	require.NotNil(t, f.Problems[0].Verdict)
	assert.Equal(t, judge.Accepted, *f.Problems[0].Verdict)
	assertNoHiddenData(t, string(ds[1].body))
}

// Tokens: an admin makes a read token, which reads but changes nothing and manages no tokens;
// a revoked token opens nothing; the last admin token stays.
func TestInterviewerTokens(t *testing.T) {
	a := newAPI(t)
	aid := a.assessment(nil)
	var reader struct {
		ID    string `json:"id"`
		Token string `json:"token"`
	}
	code, raw := a.do("POST", "/api/tokens", a.admin, map[string]string{"name": "ats", "scope": "read"}, &reader)
	require.Equal(t, http.StatusCreated, code, raw)
	require.True(t, strings.HasPrefix(reader.Token, "jadm_"))

	code, raw = a.do("GET", "/api/assessments/"+aid+"/submissions", reader.Token, nil, nil)
	assert.Equal(t, http.StatusOK, code, raw)
	code, raw = a.do("POST", "/api/assessments/"+aid+"/candidates", reader.Token, map[string]string{"name": "x"}, nil)
	assert.Equal(t, http.StatusForbidden, code)
	assert.Contains(t, raw, "read_only")
	code, _ = a.do("GET", "/api/tokens", reader.Token, nil, nil)
	assert.Equal(t, http.StatusForbidden, code, "a read token does not see tokens")
	list, err := a.store.Candidates(context.Background(), aid)
	require.NoError(t, err)
	assert.Empty(t, list, "nothing stored by a read token")

	var tokens []struct {
		ID    string `json:"id"`
		Scope string `json:"scope"`
		Token string `json:"token"`
	}
	code, raw = a.do("GET", "/api/tokens", a.admin, nil, &tokens)
	require.Equal(t, http.StatusOK, code, raw)
	require.Len(t, tokens, 2)
	for _, tk := range tokens {
		assert.Empty(t, tk.Token, "a token is shown only when made")
	}
	code, raw = a.do("POST", "/api/tokens/"+tokens[0].ID+"/revoke", a.admin, nil, nil)
	assert.Equal(t, http.StatusConflict, code, "the last admin token stays: %s", raw)
	assert.Contains(t, raw, "last_admin_token")

	code, raw = a.do("POST", "/api/tokens/"+reader.ID+"/revoke", a.admin, nil, nil)
	require.Equal(t, http.StatusNoContent, code, raw)
	code, _ = a.do("GET", "/api/assessments", reader.Token, nil, nil)
	assert.Equal(t, http.StatusUnauthorized, code, "revoked at once")
}

// A window that ends without "I'm done" finishes the candidate at its end, and the webhook says
// time_up.
func TestWindowEndSendsTheWebhook(t *testing.T) {
	got := make(chan []byte, 10)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- b
	}))
	defer hook.Close()
	a := newAPI(t)
	wall := time.Now()
	var made struct{ ID string }
	code, raw := a.do("POST", "/api/assessments", a.admin, map[string]any{"name": "Over", "problems": []string{"sum"},
		"opens": wall.Add(-2 * time.Hour), "closes": wall.Add(-time.Hour), "webhook_url": hook.URL}, &made)
	require.Equal(t, http.StatusCreated, code, raw)
	inv := a.invite(made.ID, "oz")
	select {
	case b := <-got:
		var f judge.Finish
		require.NoError(t, json.Unmarshal(b, &f))
		assert.Equal(t, "time_up", f.Reason)
		assert.Equal(t, inv.ID, f.CandidateID)
		assert.True(t, f.Finished.Equal(wall.Add(-time.Hour).Truncate(time.Millisecond)), "finished when the window closed: %s", f.Finished)
		assert.Equal(t, 0, f.Problems[0].Submissions)
	case <-time.After(60 * time.Second):
		require.FailNow(t, "no webhook after the window ended")
	}
	c, err := a.store.Candidate(context.Background(), inv.ID)
	require.NoError(t, err)
	assert.False(t, c.Finished.IsZero())
}
