package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"testing"
)

// FuzzDecode feeds request bodies to the one decoder of the API: it never panics, refuses with
// a 4xx only, and what it accepts is one JSON object of known fields.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"problem":"sum","filename":"a.py","source":"print(1)"}`,
		`{"problem":"sum","source":"x","admin":true}`,
		`{"source":"\u0000"} {}`,
		`[1,2]`, `null`, `{"source":1}`, `{"source":"a","source":"b"}`, ``, `{`,
	} {
		f.Add([]byte(seed))
	}
	known := map[string]bool{"problem": true, "filename": true, "source": true}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest("POST", "/", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		var in sourceJSON
		err := decode(r, httptest.NewRecorder(), &in)
		if err != nil {
			var ae *apiError
			if !errors.As(err, &ae) || ae.status < 400 || ae.status >= 500 {
				t.Fatalf("decode refused %q without a 4xx: %v", body, err)
			}
			return
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(body, &fields); err != nil || fields == nil {
			t.Fatalf("decode accepted %q, which is not one JSON object: %v", body, err)
		}
		for k := range fields {
			if !known[k] {
				t.Fatalf("decode accepted the unknown field %q in %q", k, body)
			}
		}
	})
}
