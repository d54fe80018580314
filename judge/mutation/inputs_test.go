package mutation

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/judge-dev/judge/judge"
)

func has(cands [][]byte, s string) bool {
	for _, c := range cands {
		if string(c) == s {
			return true
		}
	}
	return false
}

func TestCandidatesFunctionMode(t *testing.T) {
	p := &judge.Problem{Mode: judge.Function, Tests: []judge.Test{
		{Input: []byte(`[[], null, null, -1]` + "\n")},
		{Input: []byte(`[[1, 2, 3]]` + "\n")},
	}}
	c := Candidates(p, 0)
	for _, want := range []string{
		`[[],-1,null,-1]`, // slicing's first known gap: one edit away
		`[[],0,null,-1]`,  // and its second
		`[[],null,null,-2]`,
		`[[0]]`, // two edits: shortened, then a number moved to zero
		`[[2,3]]`,
		`[[]]`,
	} {
		assert.True(t, has(c, want+"\n"), "missing %s", want)
	}
	assert.False(t, has(c, `[[1,2,3]]`+"\n"), "a test already there is no candidate")
	for i := 1; i < len(c); i++ {
		assert.False(t, smaller(c[i], c[i-1]), "smallest first")
	}
	assert.Len(t, Candidates(p, 5), 5)
	assert.Equal(t, c, Candidates(p, 0), "the same inputs in the same order every time")
}

func TestCandidatesStdio(t *testing.T) {
	p := &judge.Problem{Mode: judge.Stdio, Tests: []judge.Test{{Input: []byte("2\nab\ncd\n")}}}
	c := Candidates(p, 0)
	for _, want := range []string{"1\nab\ncd\n", "1\nab\n", "2\nb\ncd\n", "2\nab\ncd", "0\nab\ncd\n", "2\ncd\n"} {
		assert.True(t, has(c, want), "missing %q", want)
	}
	big := &judge.Problem{Mode: judge.Stdio, Tests: []judge.Test{{Input: make([]byte, maxSeed+1)}}}
	assert.Empty(t, Candidates(big, 0), "large tests are not explored")
}
