// Package server is judge serve's HTTP API: the interviewers' API (admin token), the candidates'
// API (their invite link's token), /healthz and /readyz. It is the only importer of net/http.
// It decides no verdict (judge/grade does), writes no SQL (judge/store does) and never hands a
// candidate a hidden test: candidate responses are built from the judge package's views, which
// have no field for hidden data.
package server

import (
	"context"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/server/web"
	"github.com/judge-dev/judge/judge/store"
)

// Submitter enqueues a submission (judge/jobs): the row and its job in one transaction, after
// checking the per-problem bound (max 0: none).
type Submitter interface {
	Submit(ctx context.Context, r *judge.Record, max int) error
	// Rejudge queues an assessment's submissions to a problem again; it returns how many.
	Rejudge(ctx context.Context, assessmentID, problem string) (int, error)
	// Finish records that a candidate is done and enqueues the assessment's webhook, once; it
	// reports whether this call finished them.
	Finish(ctx context.Context, a *judge.Assessment, c *judge.Candidate) (bool, error)
}

// Config wires a Server.
type Config struct {
	Store *store.Store
	Queue Submitter
	// Problem loads a problem of the catalogue by id (an unknown id wraps judge.ErrBadInput).
	Problem func(ctx context.Context, id string) (*judge.Problem, error)
	// Grader runs candidates' samples, at once, outside the queue (nothing is stored).
	Grader *grade.Grader
	// SampleRuns bounds the sample runs at once (default: the number of CPUs).
	SampleRuns int
	// PerMinute bounds each candidate's submissions and sample runs together: that many at
	// once, then one every minute/PerMinute (default 10). The limit is kept in the database
	// (store.TakeRate): several servers in front of one database share it.
	PerMinute int
	// Follow subscribes to a submission's judging as it happens (judge.Feed.Follow); nil: the
	// event stream reports the result only.
	Follow func(id string) (<-chan judge.Progress, func())
	// Ready says whether the server can judge now (Docker reachable, runner image present).
	Ready func(ctx context.Context) error
	// Metrics serves /metrics (interviewers' token); Observe hears every request. Both optional.
	Metrics http.Handler
	Observe func(route string, status int, took time.Duration)
	// Catalogue lists the problems the desk offers for a new assessment (optional).
	Catalogue func(ctx context.Context) ([]CatalogueEntry, error)
	// QueueUI, when set, is served under /riverui/ to admins (an admin token, or the desk's session
	// of one): River's own UI of the queue.
	QueueUI http.Handler
	// WorkerOnly serves /healthz, /readyz and /metrics only: a `judge worker`, which judges
	// and answers no client.
	WorkerOnly bool
	Now        func() time.Time
	Logger     *slog.Logger
}

// OpenAPI is the API's description (served at /openapi.yaml); the tests check the handlers'
// requests and answers against it.
//
//go:embed openapi.yaml
var OpenAPI []byte

// MaxBody bounds every request body: a solution is at most judge.MaxSourceBytes, which JSON
// escaping can at most about double for real code.
const MaxBody = 2*judge.MaxSourceBytes + 64<<10

// Server serves the API.
type Server struct {
	cfg Config
	// bg is the context of work the server starts on its own (Serve's); prep counts it.
	bg      context.Context
	prep    sync.WaitGroup
	mux     *http.ServeMux
	samples chan struct{}
	pages   *web.Pages
}

// New builds the server's routes.
func New(cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.SampleRuns <= 0 {
		cfg.SampleRuns = runtime.NumCPU()
	}
	if cfg.PerMinute <= 0 {
		cfg.PerMinute = 10
	}
	pages, err := web.Parse()
	if err != nil {
		panic(err) // the templates are embedded: a bad one fails every test, never a server in use
	}
	s := &Server{cfg: cfg, bg: context.Background(), mux: http.NewServeMux(), samples: make(chan struct{}, cfg.SampleRuns),
		pages: pages}
	s.routes()
	return s
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /healthz", s.healthz)
	m.HandleFunc("GET /openapi.yaml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/yaml")
		_, _ = w.Write(OpenAPI)
	})
	m.HandleFunc("GET /readyz", s.readyz)

	if s.cfg.Metrics != nil {
		m.Handle("GET /metrics", s.admin(func(w http.ResponseWriter, r *http.Request) error {
			s.cfg.Metrics.ServeHTTP(w, r)
			return nil
		}))
	}
	if s.cfg.QueueUI != nil {
		m.Handle("/riverui/", s.queueUI(s.cfg.QueueUI))
	}
	if s.cfg.WorkerOnly {
		return
	}
	m.Handle("POST /api/tokens", s.adminOnly(s.createToken))
	m.Handle("GET /api/tokens", s.adminOnly(s.listTokens))
	m.Handle("POST /api/tokens/{id}/revoke", s.adminOnly(s.revokeToken))
	m.Handle("POST /api/assessments", s.admin(s.createAssessment))
	m.Handle("GET /api/assessments", s.admin(s.listAssessments))
	m.Handle("GET /api/assessments/{id}", s.admin(s.getAssessment))
	m.Handle("POST /api/assessments/{id}/release", s.admin(s.releaseAssessment))
	m.Handle("POST /api/assessments/{id}/rejudge", s.admin(s.rejudge))
	m.Handle("POST /api/assessments/{id}/candidates", s.admin(s.inviteCandidate))
	m.Handle("GET /api/assessments/{id}/candidates", s.admin(s.listCandidates))
	m.Handle("GET /api/assessments/{id}/submissions", s.admin(s.listSubmissions))
	m.Handle("GET /api/assessments/{id}/export", s.admin(s.export))
	m.Handle("POST /api/candidates/{id}/revoke", s.admin(s.revokeCandidate))
	m.Handle("POST /api/candidates/{id}/reissue", s.admin(s.reissueCandidate))
	m.Handle("GET /api/submissions/{id}", s.admin(s.getSubmission))

	m.Handle("GET /api/invite/{token}", s.candidate(s.overview))
	m.Handle("GET /api/invite/{token}/problems/{problem}", s.candidate(s.readProblem))
	m.Handle("POST /api/invite/{token}/problems/{problem}/run", s.candidate(s.runSamples))
	m.Handle("POST /api/invite/{token}/submissions", s.candidate(s.submit))
	m.Handle("GET /api/invite/{token}/submissions", s.candidate(s.mySubmissions))
	m.Handle("GET /api/invite/{token}/submissions/{id}", s.candidate(s.mySubmission))
	m.Handle("GET /api/invite/{token}/submissions/{id}/events", s.candidate(s.follow))
	m.Handle("POST /api/invite/{token}/finish", s.candidate(s.finish))

	s.pageRoutes()

	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errf(http.StatusNotFound, "not_found", "no such route: %s %s", r.Method, r.URL.Path))
	})
}

// Handler is the server's http.Handler: the routes behind request ids and logging.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.cfg.Now()
		id := requestID()
		w.Header().Set("X-Request-Id", id)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id))
		s.mux.ServeHTTP(rw, r)
		// The route pattern, not the path: an invite link's path is its token.
		took := s.cfg.Now().Sub(start)
		s.cfg.Logger.InfoContext(r.Context(), "request", "id", id, "method", r.Method, "route", r.Pattern,
			"status", rw.status, "ms", took.Milliseconds())
		if s.cfg.Observe != nil {
			s.cfg.Observe(r.Pattern, rw.status, took)
		}
	})
}

type requestIDKey struct{}

func requestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

// Unwrap lets http.ResponseController reach the connection (Flush for event streams).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz is red when the server cannot judge: the database or Docker (and its runner image) not
// answering. Submissions are still accepted then; they wait in the queue.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	checks := map[string]string{"database": "ok", "docker": "ok"}
	status := http.StatusOK
	if err := s.cfg.Store.Ping(ctx); err != nil {
		checks["database"], status = err.Error(), http.StatusServiceUnavailable
	}
	if s.cfg.Ready != nil {
		if err := s.cfg.Ready(ctx); err != nil {
			checks["docker"], status = err.Error(), http.StatusServiceUnavailable
		}
	}
	writeJSON(w, status, map[string]any{"ready": status == http.StatusOK, "checks": checks})
}

// prepare measures the time limits of problems on this machine in the background (a first
// calibration takes seconds to a minute), so that the first candidate to run samples or submit
// does not wait for it. Failures are logged: the judging calibrates again when it needs to.
func (s *Server) prepare(ids []string) {
	s.prep.Add(1)
	go func() {
		defer s.prep.Done()
		for _, id := range ids {
			if s.bg.Err() != nil {
				return
			}
			p, err := s.cfg.Problem(s.bg, id)
			if err == nil {
				_, err = s.cfg.Grader.Problem(s.bg, p)
			}
			if err != nil && s.bg.Err() == nil {
				s.cfg.Logger.Warn("time limit not measured ahead", "problem", id, "err", err)
			}
		}
	}()
}

// prepareOpen prepares the problems of the assessments not closed yet.
func (s *Server) prepareOpen(ctx context.Context) error {
	list, err := s.cfg.Store.Assessments(ctx)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var ids []string
	for _, a := range list {
		if !s.cfg.Now().Before(a.Closes) {
			continue
		}
		for _, id := range a.Problems {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		s.prepare(ids)
	}
	return nil
}
