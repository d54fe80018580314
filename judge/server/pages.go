package server

import (
	"bytes"
	"net/http"
	"time"

	"github.com/judge-dev/judge/judge/server/web"
)

// The pages people use in a browser (judge/server/web renders them): a candidate's take-home
// under /take/ (reached through their invite link at /invite/{token}), the interviewers' desk
// under /desk/. Handlers call the same functions the API's handlers do; they differ in how
// they read a request (forms, a session cookie) and answer (HTML).

// contentSecurityPolicy allows the server's own stylesheet and scripts only: no inline script
// or style, no other origin, no framing, forms posting here only.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// page is what every template gets: the frame (title, area, CSRF token, the candidate's end of
// time) and the page's own data.
type page struct {
	Title string
	Area  string // "take" or "desk": the header's links
	CSRF  string
	// Ends, when set, is shown as a countdown.
	Ends  *time.Time
	Error string
	Data  any
	// Queue: the desk links River's UI of the queue (an admin's session, a server that has it).
	Queue bool
}

func pageHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Frame-Options", "DENY")
	// An invite link's token is in its path: no other site may learn it from a Referer. Not
	// no-referrer: with it a browser sends "Origin: null" on the pages' own forms, which the
	// CSRF check refuses (a sandboxed frame on another site sends that too).
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	pageHeaders(w)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var buf bytes.Buffer
	if err := s.pages.Render(&buf, name, p); err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "render page", "err", err, "page", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// pageFail answers err as a page: the status and words the API would give (classify), never
// the server's internals.
func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, area string, err error) {
	ae := s.classify(r, err)
	s.render(w, r, ae.status, "error", page{Title: http.StatusText(ae.status), Area: area,
		Data: map[string]any{"Status": ae.status, "Code": ae.code, "Detail": ae.detail}})
}

// static serves the stylesheet and scripts, which change only with the binary.
func (s *Server) static() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(web.Static()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

func (s *Server) pageRoutes() {
	m := s.mux
	m.Handle("GET /static/", s.static())
	m.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/desk/", http.StatusSeeOther)
	})

	m.HandleFunc("GET /invite/{token}", s.openInvite)
	m.Handle("GET /take/{$}", s.takePage(s.takeStart))
	m.Handle("POST /take/start", s.takePage(s.takeBegin))
	m.Handle("POST /take/done", s.takePage(s.takeDone))
	m.Handle("GET /take/problems/{problem}", s.takePage(s.takeProblem))
	m.Handle("POST /take/problems/{problem}/draft", s.takePage(s.takeDraft))
	m.Handle("POST /take/problems/{problem}/run", s.takePage(s.takeRun))
	m.Handle("POST /take/problems/{problem}/submit", s.takePage(s.takeSubmit))
	m.Handle("GET /take/submissions/{id}", s.takePage(s.takeSubmission))
	m.Handle("GET /take/submissions/{id}/events", s.takePage(s.follow))

	s.deskRoutes()
}
