package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/store"
)

// Tokens are 32 random bytes (256 bits: unguessable, so a plain SHA-256 is a safe hash at
// rest), base64url, after a prefix that says what they open.
const (
	adminPrefix  = "jadm_"
	invitePrefix = "jinv_"
)

func newToken(prefix string) string {
	b := make([]byte, 32)
	rand.Read(b)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(tok string) []byte {
	h := sha256.Sum256([]byte(tok))
	return h[:]
}

// EnsureAdminToken makes the first interviewer token (admin scope) when the database has none
// and returns it, to be shown once: only its hash is stored. It returns "" when a token exists.
func EnsureAdminToken(ctx context.Context, st *store.Store) (string, error) {
	n, err := st.AdminTokens(ctx)
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	if n > 0 {
		return "", nil
	}
	tok := newToken(adminPrefix)
	if err := st.AddToken(ctx, &judge.Token{Name: "first", Scope: judge.ScopeAdmin}, hashToken(tok)); err != nil {
		return "", err
	}
	return tok, nil
}

var errReadOnly = errf(http.StatusForbidden, "read_only", "this token may read only")

// admin lets a request through with a live interviewer token: a read token for GETs, an
// admin token for everything.
func (s *Server) admin(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return s.interviewer(judge.ScopeRead, h)
}

// adminOnly lets a request through with a live admin-scope token only, whatever its method.
func (s *Server) adminOnly(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return s.interviewer(judge.ScopeAdmin, h)
}

// queueUI lets admins into River's UI: with an admin token in the Authorization header, as the
// API, or from a browser with the desk's session of an admin token (a read token's session is
// refused, as the token would be). River's UI changes jobs with its own JSON requests, which
// carry no CSRF token of ours: through the session, a change must also come from a page of this
// origin, as the browser says (Sec-Fetch-Site or Origin); the Strict cookie is not sent by
// another site's requests in the first place. Without a session, the UI's page goes to the
// desk's login (a worker has no desk: 401, as its API).
func (s *Server) queueUI(ui http.Handler) http.Handler {
	byToken := s.adminOnly(func(w http.ResponseWriter, r *http.Request) error {
		ui.ServeHTTP(w, r)
		return nil
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			byToken.ServeHTTP(w, r)
			return
		}
		t, err := s.liveToken(r.Context(), session(r, deskCookie))
		if errors.Is(err, errUnauthorized) && r.Method == http.MethodGet && !s.cfg.WorkerOnly && !strings.HasPrefix(r.URL.Path, "/riverui/api/") {
			http.Redirect(w, r, "/desk/login", http.StatusSeeOther)
			return
		}
		if err == nil && t.Scope != judge.ScopeAdmin {
			err = errReadOnly
		}
		if err == nil && r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
			err = errCSRF
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		ui.ServeHTTP(w, r)
	})
}

// sameOrigin: the browser says the request comes from a page of this server. Its Sec-Fetch-Site
// and Origin, those it sends, must both say so, and it must send one.
func sameOrigin(r *http.Request) bool {
	site, origin := r.Header.Get("Sec-Fetch-Site"), r.Header.Get("Origin")
	if site == "" && origin == "" {
		return false
	}
	if site != "" && site != "same-origin" {
		return false
	}
	if origin != "" {
		u, err := url.Parse(origin)
		if err != nil || u.Host != r.Host {
			return false
		}
	}
	return true
}

func (s *Server) interviewer(least judge.Scope, h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok {
			s.fail(w, r, errUnauthorized)
			return
		}
		t, err := s.liveToken(r.Context(), tok)
		if err == nil && t.Scope != judge.ScopeAdmin && (least == judge.ScopeAdmin || r.Method != http.MethodGet) {
			err = errReadOnly
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// liveToken is the interviewer token tok, when it exists and is not revoked: the API's
// Authorization header and the desk's session are checked alike.
func (s *Server) liveToken(ctx context.Context, tok string) (*judge.Token, error) {
	if !strings.HasPrefix(tok, adminPrefix) || len(tok) > 100 {
		return nil, errUnauthorized
	}
	t, err := s.cfg.Store.TokenByHash(ctx, hashToken(tok))
	if errors.Is(err, judge.ErrNotFound) || (err == nil && t.Revoked) {
		return nil, errUnauthorized
	}
	return t, err
}

// invitee is the candidate behind an invite link, with their assessment.
type invitee struct {
	candidate  *judge.Candidate
	assessment *judge.Assessment
}

type inviteeKey struct{}

func inviteeOf(r *http.Request) invitee { return r.Context().Value(inviteeKey{}).(invitee) }

// candidate lets a request through with a live invite link: the {token} path value.
func (s *Server) candidate(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inv, err := s.invitee(r.Context(), r.PathValue("token"))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		r = r.WithContext(context.WithValue(r.Context(), inviteeKey{}, inv))
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// invitee is the candidate a live invite token opens, with their assessment.
func (s *Server) invitee(ctx context.Context, tok string) (invitee, error) {
	if !strings.HasPrefix(tok, invitePrefix) || len(tok) > 100 {
		return invitee{}, errNoInvite
	}
	c, err := s.cfg.Store.CandidateByToken(ctx, hashToken(tok))
	if errors.Is(err, judge.ErrNotFound) {
		return invitee{}, errNoInvite
	}
	if err != nil {
		return invitee{}, err
	}
	if c.Revoked {
		return invitee{}, errRevoked
	}
	a, err := s.cfg.Store.Assessment(ctx, c.AssessmentID)
	if err != nil {
		return invitee{}, err
	}
	return invitee{candidate: c, assessment: a}, nil
}
