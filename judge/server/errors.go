package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/judge-dev/judge/judge"
)

// apiError is an error with the HTTP status and stable code it is answered with.
type apiError struct {
	status int
	code   string
	detail string
	// retryAfter, when set, is sent as Retry-After (429, 503).
	retryAfter time.Duration
}

func (e *apiError) Error() string { return e.detail }

func errf(status int, code, format string, args ...any) error {
	return &apiError{status: status, code: code, detail: fmt.Sprintf(format, args...)}
}

var (
	errUnauthorized = errf(http.StatusUnauthorized, "unauthorized", "a valid interviewer token is required (Authorization: Bearer <token>)")
	errRevoked      = errf(http.StatusForbidden, "invite_revoked", "this invite link was revoked; ask your interviewer for a new one")
	errNoInvite     = errf(http.StatusNotFound, "invite_not_found", "no such invite link")
)

// problem is an RFC 9457 problem details body.
type problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Code      string `json:"code"`
	Detail    string `json:"detail,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// fail answers err as problem+json.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	ae := s.classify(r, err)
	id, _ := r.Context().Value(requestIDKey{}).(string)
	if ae.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(ae.retryAfter.Seconds()))))
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(ae.status)
	_ = json.NewEncoder(w).Encode(problem{Type: "about:blank", Title: http.StatusText(ae.status), Status: ae.status,
		Code: ae.code, Detail: ae.detail, RequestID: id})
}

// classify is the one place errors become HTTP statuses and codes, for the API's answers and
// the pages' alike. The server's own failures are logged here and never shown.
func (s *Server) classify(r *http.Request, err error) *apiError {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, judge.ErrBadInput):
		ae = &apiError{status: http.StatusBadRequest, code: "bad_input", detail: err.Error()}
	case errors.Is(err, judge.ErrNotFound):
		ae = &apiError{status: http.StatusNotFound, code: "not_found", detail: err.Error()}
	case errors.Is(err, judge.ErrClosed):
		ae = &apiError{status: http.StatusForbidden, code: "assessment_closed", detail: err.Error()}
	case errors.Is(err, judge.ErrLimit):
		ae = &apiError{status: http.StatusConflict, code: "submission_limit", detail: err.Error()}
	case errors.Is(err, judge.ErrLastAdmin):
		ae = &apiError{status: http.StatusConflict, code: "last_admin_token", detail: err.Error()}
	case errors.Is(err, judge.ErrBusy):
		ae = &apiError{status: http.StatusServiceUnavailable, code: "queue_full", detail: "too many submissions wait to be judged; try again in a minute", retryAfter: time.Minute}
	case errors.Is(err, judge.ErrUnavailable):
		ae = &apiError{status: http.StatusServiceUnavailable, code: "judge_unavailable", detail: "the judge cannot judge right now; try again later", retryAfter: 30 * time.Second}
		s.cfg.Logger.WarnContext(r.Context(), "judge unavailable", "err", err)
	default:
		// The server's own failure: logged, never shown (it can name paths and internals).
		ae = &apiError{status: http.StatusInternalServerError, code: "internal", detail: "internal error"}
		s.cfg.Logger.ErrorContext(r.Context(), "internal error", "err", err, "route", r.Pattern)
	}
	return ae
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
