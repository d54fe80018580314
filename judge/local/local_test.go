package local_test

// These tests speak the real protocol with the real harness.py on the host: they catch a Go side
// and a Python side that drifted apart, in seconds and without Docker.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/local"
	"github.com/judge-dev/judge/judge/problemset"
)

func TestProtocolWithRealHarness(t *testing.T) {
	sb, err := local.New("")
	require.NoError(t, err)
	t.Cleanup(func() { sb.Close() })
	j := &judge.Judge{Sandbox: sb}
	cases := []struct {
		problem, src string
		want         judge.Verdict
	}{
		{"sum", "a, b = map(int, input().split())\nprint(a + b)\n", judge.Accepted},
		{"sum", "print(3)\n", judge.WrongAnswer},
		{"sum", "raise KeyError(1)\n", judge.RuntimeError},
		{"sum", "def f(:\n", judge.CompileError},
		{"add", "def add(a, b):\n    return a + b\n", judge.Accepted},
		{"add", "class Solution:\n    def add(self, a, b):\n        return a + b\n", judge.Accepted},
		{"add", "def add(a, b):\n    return [a, b]\n", judge.WrongAnswer},
	}
	for _, tc := range cases {
		t.Run(tc.problem+"/"+tc.want.String(), func(t *testing.T) {
			p, err := problemset.LoadDir("../../testdata/problems/" + tc.problem)
			require.NoError(t, err)
			rep, err := j.Judge(context.Background(), p, judge.Submission{Filename: "s.py", Source: []byte(tc.src)}, judge.Options{Reveal: true})
			require.NoError(t, err)
			assert.Equal(t, tc.want, rep.Verdict, "%+v", rep.Tests)
			assert.NotEmpty(t, rep.Python)
		})
	}
}
