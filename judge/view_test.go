package judge_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
)

func strp(s string) *string { return &s }

// revealed is a report judged with Reveal, as the server stores it: hidden data everywhere.
func revealed() *judge.Report {
	return &judge.Report{Problem: "p", Verdict: judge.WrongAnswer, Passed: 1, Total: 3, Score: 1.0 / 3, Tests: []judge.TestResult{
		{Index: 0, Name: "sample/1", Sample: true, Verdict: judge.Accepted, Input: strp("SAMPLE-IN"), Expected: strp("SAMPLE-OUT"), Actual: strp("SAMPLE-OUT")},
		{Index: 1, Name: "secret/HIDDEN-NAME", Verdict: judge.WrongAnswer, Message: "expected HIDDEN-ANSWER", Input: strp("HIDDEN-IN"), Expected: strp("HIDDEN-ANSWER"), Actual: strp("HIDDEN-ACTUAL"), Stderr: strp("HIDDEN-STDERR")},
		{Index: 2, Name: "secret/x", Verdict: judge.RuntimeError, Message: "Leak: HIDDEN-IN", Error: &judge.PyError{Type: "LeakHIDDEN", MRO: []string{"ValueError"}, Message: "HIDDEN-IN"}},
	}}
}

func TestCandidateViewAppliesThePolicy(t *testing.T) {
	cases := []struct {
		policy   judge.Policy
		released bool
		verdict  bool
		hidden   int
		samples  int
		score    bool
	}{
		{judge.PolicySamples, false, true, 0, 1, true},
		{judge.PolicyTests, false, true, 2, 1, true},
		{judge.PolicyScore, false, false, 0, 0, true},
		{judge.PolicyNone, false, false, 0, 0, false},
		{judge.PolicyNone, true, true, 2, 1, true},
	}
	for _, tc := range cases {
		t.Run(string(tc.policy), func(t *testing.T) {
			a := &judge.Assessment{Policy: tc.policy, Released: tc.released}
			v := judge.CandidateView(a, &judge.Record{ID: "s", State: judge.StateDone, Report: revealed()})
			assert.Equal(t, tc.verdict, v.Verdict != nil)
			assert.Equal(t, tc.score, v.Score != nil)
			assert.Len(t, v.Hidden, tc.hidden)
			assert.Len(t, v.Samples, tc.samples)
			b, err := json.Marshal(v)
			require.NoError(t, err)
			assert.NotContains(t, string(b), "HIDDEN")
			if tc.samples > 0 {
				assert.Contains(t, string(b), "SAMPLE-IN", "samples are shown in full")
			}
			if tc.hidden > 0 {
				assert.Contains(t, string(b), "ValueError", "a hidden error shows its built-in class only")
			}
		})
	}
}

func TestProblemViewHasNoHiddenTests(t *testing.T) {
	p := &judge.Problem{ID: "p", Tests: []judge.Test{
		{Name: "sample/1", Sample: true, Input: []byte("SAMPLE-IN"), Answer: []byte("SAMPLE-OUT")},
		{Name: "secret/HIDDEN", Input: []byte("HIDDEN-IN"), Answer: []byte("HIDDEN-OUT")},
	}}
	b, err := json.Marshal(judge.NewProblemView(p))
	require.NoError(t, err)
	assert.Contains(t, string(b), "SAMPLE-OUT")
	assert.NotContains(t, string(b), "HIDDEN")
	assert.Len(t, judge.SamplesOnly(p).Tests, 1)
	assert.Len(t, p.Tests, 2, "SamplesOnly leaves the problem alone")
}

func TestCandidateTestFollowsThePolicy(t *testing.T) {
	rep := revealed()
	for _, tc := range []struct {
		policy       judge.Policy
		sample, hide bool
	}{
		{judge.PolicySamples, true, false},
		{judge.PolicyTests, true, true},
		{judge.PolicyScore, false, false},
		{judge.PolicyNone, false, false},
	} {
		a := &judge.Assessment{Policy: tc.policy}
		_, ok := judge.CandidateTest(a, rep.Tests[0])
		assert.Equal(t, tc.sample, ok, "sample under %s", tc.policy)
		v, ok := judge.CandidateTest(a, rep.Tests[2])
		assert.Equal(t, tc.hide, ok, "hidden under %s", tc.policy)
		if ok {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			assert.NotContains(t, string(b), "HIDDEN")
			assert.Equal(t, "ValueError", v.ErrorType)
		}
	}
}
