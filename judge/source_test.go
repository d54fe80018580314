package judge_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
)

func TestCheckSourceFileName(t *testing.T) {
	cases := []struct {
		name string
		file string
		msg  string // "" when the name is fine
	}{
		{"plain", "two_sum.py", ""},
		{"spaces and unicode", "my solución.py", ""},
		{"no extension", "solution", ""},
		{"empty", "", "not a file name"},
		{"dot dot", "..", "not a file name"},
		{"climbs out", "../../etc/passwd", "folder separator"},
		{"absolute", "/etc/passwd", "folder separator"},
		{"windows folder", `..\x.py`, "folder separator"},
		{"newline", "a\n.py", "control character"},
		{"nul", "a\x00.py", "control character"},
		{"not utf-8", "a\xff.py", "not valid UTF-8"},
		{"too long", strings.Repeat("a", 256), "over 255 bytes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := judge.CheckSource(judge.Submission{Filename: tc.file, Source: []byte("print(1)\n")})
			if tc.msg == "" {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, judge.ErrBadInput)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}
