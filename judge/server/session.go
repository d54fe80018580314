package server

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"mime"
	"net/http"
	"net/url"
	"time"
)

// Browsers hold a session in a cookie: a candidate's is their invite token (set when they
// open their link, so the token leaves the address bar), an interviewer's is the token they
// logged in with. Both are HttpOnly (no script reads them) and SameSite (a cross-site POST
// does not carry them; the candidate's is Lax so that the link opened from an e-mail carries
// it on the redirect, the desk's is Strict). Every POST from a page also carries a CSRF
// token: an HMAC of the session's secret, so it cannot be made without the cookie, does not
// open another session, and stops working with the session (a re-issued link, a revoked
// token). API clients send their token in the path or the Authorization header, never in a
// cookie: they are not browsers and need no CSRF token.
const (
	takeCookie = "judge_take"
	deskCookie = "judge_desk"
	// preCookie keys the login form's CSRF token before there is a session.
	preCookie  = "judge_pre"
	csrfField  = "csrf"
	csrfHeader = "X-CSRF-Token"
)

var errCSRF = errf(http.StatusForbidden, "csrf", "this form is out of date or did not come from this site: reload the page and try again")

func setSession(w http.ResponseWriter, r *http.Request, name, value string, same http.SameSite, life time.Duration) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: same, MaxAge: int(life / time.Second)})
}

func clearSession(w http.ResponseWriter, r *http.Request, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

func session(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}

// csrfToken is the CSRF token of a session: HMAC-SHA256 keyed with the session's secret.
func csrfToken(secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("judge serve csrf v1"))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// maxForm bounds a page's form body: a source and a little more (multipart adds headers).
const maxForm = MaxBody

// checkCSRF checks a POST from a page against the session whose secret is given: a request
// another site started (Origin or Sec-Fetch-Site say so) or one without the session's token
// (in the X-CSRF-Token header or the csrf form field) is refused. It parses the form (bounded)
// to read the field, so handlers read r.FormValue afterwards.
func checkCSRF(w http.ResponseWriter, r *http.Request, secret string) error {
	if secret == "" {
		return errCSRF
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return errCSRF
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Host != r.Host {
			return errCSRF
		}
	}
	got := r.Header.Get(csrfHeader)
	if got == "" {
		// Only a form carries the token in its body; anything else must send the header.
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" && mt != "application/x-www-form-urlencoded" {
			return errCSRF
		}
		if err := parseForm(w, r); err != nil {
			return err
		}
		got = r.PostFormValue(csrfField)
	}
	if !hmac.Equal([]byte(got), []byte(csrfToken(secret))) {
		return errCSRF
	}
	return nil
}

// parseForm reads a url-encoded or multipart form of at most maxForm bytes.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	if r.PostForm != nil {
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	switch mt {
	case "multipart/form-data":
		err = r.ParseMultipartForm(maxForm)
	case "application/x-www-form-urlencoded":
		err = r.ParseForm()
	default:
		return errf(http.StatusUnsupportedMediaType, "unsupported_media_type", "a form must be sent as a form")
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return errf(http.StatusRequestEntityTooLarge, "body_too_large", "the form is over %d bytes", maxForm)
		}
		return errf(http.StatusBadRequest, "bad_form", "malformed form: %v", err)
	}
	return nil
}
