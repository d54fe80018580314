package check

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExpectedRaise(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   string
		wantOK bool
	}{
		{name: "plain", in: `{"raises": "ValueError"}`, want: "ValueError", wantOK: true},
		{name: "white space and newline", in: "\n {\n\"raises\" : \"KeyError\" }\n", want: "KeyError", wantOK: true},
		{name: "qualified name", in: `{"raises": "json.JSONDecodeError"}`, want: "json.JSONDecodeError", wantOK: true},
		{name: "escaped key", in: `{"r\u0061ises": "ValueError"}`, want: "ValueError", wantOK: true},
		{name: "other key", in: `{"raise": "ValueError"}`},
		{name: "extra key", in: `{"raises": "ValueError", "message": "x"}`},
		{name: "not a string", in: `{"raises": 1}`},
		{name: "list of names", in: `{"raises": ["ValueError"]}`},
		{name: "empty name", in: `{"raises": ""}`},
		{name: "a list", in: `[{"raises": "ValueError"}]`},
		{name: "a string", in: `"raises"`},
		{name: "ordinary answer", in: `[0, 1]`},
		{name: "empty", in: ``},
		{name: "invalid JSON", in: `{"raises": "ValueError"`},
		{name: "trailing data", in: `{"raises": "ValueError"} x`},
		{name: "big dict is not parsed", in: `{"raises": "` + strings.Repeat("E", 5000) + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ExpectedRaise([]byte(tt.in))
			assert.Equal(t, tt.wantOK, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}
