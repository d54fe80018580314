package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"regexp"
	"strings"
)

// decode reads one JSON object into v (a pointer to a struct): application/json only (a browser
// form cannot post it across sites), at most MaxBody bytes, each key exactly one of v's fields
// and at most once, nothing after it. encoding/json alone would take "SOURCE" for "source" and
// let a repeated key win silently: another parser in front of this one could read a different
// request than this one does.
func decode(r *http.Request, w http.ResponseWriter, v any) error {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return errf(http.StatusUnsupportedMediaType, "unsupported_media_type", "the body must be application/json")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return errf(http.StatusRequestEntityTooLarge, "body_too_large", "the body is over %d bytes", MaxBody)
		}
		return errf(http.StatusBadRequest, "malformed_json", "reading the body: %v", err)
	}
	if err := checkKeys(body, fieldNames(v)); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errf(http.StatusBadRequest, "malformed_json", "malformed JSON body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return errf(http.StatusBadRequest, "malformed_json", "the body holds more than one JSON value")
	}
	return nil
}

// checkKeys accepts one JSON object whose keys are known, each once.
func checkKeys(body []byte, known map[string]bool) error {
	bad := func(format string, args ...any) error {
		return errf(http.StatusBadRequest, "malformed_json", format, args...)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return bad("the body must be one JSON object")
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return bad("malformed JSON body: %v", err)
		}
		key, _ := tok.(string)
		switch {
		case !known[key]:
			return bad("unknown field %q", key)
		case seen[key]:
			return bad("field %q given twice", key)
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return bad("malformed JSON body: %v", err)
		}
	}
	return nil
}

// fieldNames are the JSON names of the fields of the struct v points to.
func fieldNames(v any) map[string]bool {
	t := reflect.TypeOf(v).Elem()
	names := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names[name] = true
	}
	return names
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
