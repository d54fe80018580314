package server

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"regexp"
)

// decode reads one JSON object into v: application/json only (a browser form cannot post it
// across sites), at most MaxBody bytes, no unknown fields, nothing after it.
func decode(r *http.Request, w http.ResponseWriter, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return errf(http.StatusUnsupportedMediaType, "unsupported_media_type", "the body must be application/json")
	}
	body := http.MaxBytesReader(w, r.Body, MaxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return errf(http.StatusRequestEntityTooLarge, "body_too_large", "the body is over %d bytes", MaxBody)
		}
		return errf(http.StatusBadRequest, "malformed_json", "malformed JSON body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return errf(http.StatusRequestEntityTooLarge, "body_too_large", "the body is over %d bytes", MaxBody)
		}
		return errf(http.StatusBadRequest, "malformed_json", "the body holds more than one JSON value")
	}
	return nil
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// pathID is the {name} path value when it is shaped like the store's ids.
func pathID(r *http.Request, name string) (string, error) {
	id := r.PathValue(name)
	if !idPattern.MatchString(id) {
		return "", errf(http.StatusBadRequest, "bad_id", "%s is not a valid id", name)
	}
	return id, nil
}
