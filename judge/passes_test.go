package judge_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/judgetest"
)

func customProblem(answers ...string) *judge.Problem {
	p := stdioProblem(answers...)
	p.Validation.Validator = &judge.Program{Entry: "v.py", Files: map[string][]byte{"v.py": []byte("pass\n")}}
	return p
}

// accept is a validator's run that accepted, leaving these files in its feedback folder.
func accept(files map[string]string) judge.Execution {
	code := judge.ExitAccept
	e := judge.Execution{Status: judge.StatusOK, ExitCode: &code, Feedback: map[string][]byte{}}
	for k, v := range files {
		e.Feedback[k] = []byte(v)
	}
	return e
}

// A multi-pass problem: the submission runs again on each nextpass.in the validator writes, the
// validator gets that pass's input and its own feedback folder back, and the test's result adds
// the passes' times up. A validator asking for a pass past validation_passes is the judge's
// failure.
func TestMultiPass(t *testing.T) {
	p := customProblem("ans-a", "ans-b")
	p.Passes = 3
	var seen [][]string // the validator's view: input, feedback state
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode != judge.JobValidate {
			return judge.Execution{Status: judge.StatusOK, CPU: 10 * time.Millisecond, Output: append([]byte("out:"), frames[0]...)}, true
		}
		require.True(t, job.Feedback, "a multi-pass validator's job carries its feedback folder")
		require.Len(t, frames, 4)
		var state map[string][]byte
		if len(frames[3]) > 0 {
			require.NoError(t, json.Unmarshal(frames[3], &state))
		}
		seen = append(seen, []string{string(frames[0]), string(state["count"])})
		switch string(frames[0]) {
		case "in-a": // sample: one pass
			return accept(nil), true
		case "in-b":
			return accept(map[string]string{"nextpass.in": "in-b2", "count": "1"}), true
		case "in-b2":
			require.Equal(t, "out:in-b2", string(frames[2]), "pass 2 judged the submission's output on nextpass.in")
			return accept(map[string]string{"nextpass.in": "in-b3", "count": "2"}), true
		case "in-b3":
			return accept(map[string]string{"count": "3"}), true
		}
		return judge.Execution{}, false
	}}
	rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	require.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)
	require.Len(t, rep.Tests, 2)
	assert.Equal(t, 0, rep.Tests[0].Passes)
	assert.Equal(t, 3, rep.Tests[1].Passes)
	assert.InDelta(t, 30.0, rep.Tests[1].CPUMillis, 0.01, "three passes of 10 ms")
	assert.Equal(t, [][]string{{"in-a", ""}, {"in-b", ""}, {"in-b2", "1"}, {"in-b3", "2"}}, seen)

	p.Passes = 2
	seen = nil
	rep, err = (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.InternalError, rep.Verdict)
	assert.Contains(t, rep.Message, "asked for pass 3 of the 2 allowed")
}

// score.txt of an accepting validator is the test's score in a scoring problem that takes the
// validator's scores; a validator that owes one and writes none, or writes one with a wrong
// answer, is the judge's failure.
func TestCustomScores(t *testing.T) {
	p := customProblem("1", "2", "3")
	p.Validation.CustomScore, p.Validation.ScoreRequired = true, true
	p.Scoring = &judge.ScoreNode{Test: -1, Aggregation: judge.AggregateSum, Children: []*judge.ScoreNode{
		{Name: "secret/b", Test: 1, Accept: 1}, {Name: "secret/c", Test: 2, Accept: 1}}}
	scores := map[string]judge.Execution{
		"in-a": accept(map[string]string{"score.txt": "0"}),
		"in-b": accept(map[string]string{"score.txt": "12.5\n"}),
		"in-c": accept(map[string]string{"score.txt": "30"}),
	}
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode != judge.JobValidate {
			return judge.Execution{Status: judge.StatusOK, Output: []byte("x")}, true
		}
		return scores[string(frames[0])], true
	}}
	j := &judge.Judge{Sandbox: sb}
	rep, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	require.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)
	require.NotNil(t, rep.Points)
	assert.Equal(t, 42.5, rep.Points.Score)
	assert.Equal(t, 0.0, rep.Points.Max, "no maximum is known when validators give the scores")
	assert.Equal(t, "42.5", rep.Points.String())
	require.NotNil(t, rep.Tests[1].Points)
	assert.Equal(t, 12.5, *rep.Tests[1].Points)

	scores["in-c"] = accept(nil)
	rep, err = j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.InternalError, rep.Verdict)
	assert.Contains(t, rep.Message, "without writing score.txt")

	wa := accept(map[string]string{"score.txt": "1"})
	code := judge.ExitReject
	wa.ExitCode = &code
	scores["in-c"] = wa
	rep, err = j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.InternalError, rep.Verdict)
	assert.Contains(t, rep.Message, "rejected the output and wrote score.txt")

	scores["in-c"] = accept(map[string]string{"score.txt": "lots"})
	rep, err = j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Contains(t, rep.Message, "score.txt is not a number")
}

// An interactive multi-pass problem: each pass is an interaction, the validator's input in the
// second being its own nextpass.in, with its feedback folder carried over.
func TestInteractiveMultiPass(t *testing.T) {
	p := interactiveProblem("ans-a", "ans-b")
	p.Passes = 2
	var inputs []string
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode != judge.JobValidate {
			require.Empty(t, frames[0], "the submission's sandbox never holds the input")
			code := 0
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code, CPU: time.Millisecond, Ended: 1}, true
		}
		inputs = append(inputs, string(frames[0]))
		var e judge.Execution
		switch string(frames[0]) {
		case "in-b":
			e = accept(map[string]string{"nextpass.in": "in-b2", "seen": "b"})
		case "in-b2":
			require.Contains(t, string(frames[3]), "seen", "the feedback folder of pass 1")
			e = accept(nil)
		default:
			e = accept(nil)
		}
		e.Ended = 2
		return e, true
	}}
	rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)
	assert.Equal(t, []string{"in-a", "in-b", "in-b2"}, inputs)
	assert.Equal(t, 2, rep.Tests[1].Passes)
}
