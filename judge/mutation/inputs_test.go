package mutation

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/problemset"
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

// TestCandidatesReachEveryTestsNeighbourhood: under the default limit, slicing's candidates
// still hold the one-edit neighbour [[42], -1, null, -1] of its test [[42], null, null, -1]
// (start -1 on a one-element list, stepping backwards), which five of its mutants answer
// wrongly; the 400 smallest of all 11,726 candidates did not.
func TestCandidatesReachEveryTestsNeighbourhood(t *testing.T) {
	p, err := problemset.LoadDir("../../problems/slicing")
	require.NoError(t, err)
	c := Candidates(p, 400)
	require.Len(t, c, 400)
	var got []string
	for _, b := range c {
		got = append(got, strings.TrimSpace(string(b)))
	}
	assert.Contains(t, got, "[[42],-1,null,-1]")
	for i := 1; i < len(c); i++ {
		assert.False(t, smaller(c[i], c[i-1]), "smallest first")
	}
}
