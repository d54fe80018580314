package harness_test

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/harness"
	"github.com/judge-dev/judge/runner-images/python"
)

// stream builds what a harness writes: JSON frames, and raw frames given as []byte.
func stream(t *testing.T, frames ...any) *bytes.Buffer {
	t.Helper()
	var b bytes.Buffer
	for _, f := range frames {
		raw, ok := f.([]byte)
		if !ok {
			var err error
			raw, err = json.Marshal(f)
			require.NoError(t, err)
		}
		require.NoError(t, harness.WriteFrame(&b, raw))
	}
	return &b
}

type obj = map[string]any

var job = judge.Job{Tests: 1, Limits: judge.JobLimits{OutputBytes: 1 << 10}}

func TestHello(t *testing.T) {
	cases := []struct {
		name   string
		frames []any
		python string
		err    string
	}{
		{"hello", []any{obj{"type": "hello", "harness": 1, "python": "3.11.2"}}, "3.11.2", ""},
		{"another protocol version", []any{obj{"type": "hello", "harness": 2, "python": "3.11.2"}}, "", "rebuild the runner image"},
		{"no hello first", []any{obj{"type": "compiled"}}, "", "want hello"},
		{"nothing at all", nil, "", harness.ErrIncomplete.Error()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			py, err := harness.Hello(stream(t, tc.frames...))
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.python, py)
		})
	}
}

// TestReportsAfterHello: the pool reads hello at warm-up and the reports later, from the same
// stream; Read does both at once and must agree.
func TestReportsAfterHello(t *testing.T) {
	frames := []any{
		obj{"type": "hello", "harness": 1, "python": "3.11.2"},
		obj{"type": "compiled"},
		obj{"type": "start", "test": 0},
		obj{"type": "result", "test": 0, "status": "ok", "cpu_ms": 1.5, "wall_ms": 2, "memory_kb": 100},
		[]byte("42\n"),
		obj{"type": "end"},
	}
	var got []judge.Execution
	each := func(e judge.Execution) bool { got = append(got, e); return true }

	s := stream(t, frames...)
	py, err := harness.Hello(s)
	require.NoError(t, err)
	assert.Equal(t, "3.11.2", py)
	info, err := harness.Reports(context.Background(), s, job, each)
	require.NoError(t, err)
	assert.Equal(t, 1, info.Completed)
	require.Len(t, got, 1)
	assert.Equal(t, "42\n", string(got[0].Output))
	assert.Equal(t, judge.StatusOK, got[0].Status)

	got = nil
	info, err = harness.Read(context.Background(), stream(t, frames...), job, each)
	require.NoError(t, err)
	assert.Equal(t, "3.11.2", info.Python)
	assert.Equal(t, 1, info.Completed)
	assert.Len(t, got, 1)

	_, err = harness.Reports(context.Background(), stream(t, frames[1:3]...), job, each)
	assert.ErrorIs(t, err, harness.ErrIncomplete, "a stream that stops before end")
}

// The Go side and harness.py state the same memory slack.
func TestMemorySlackAgreesWithTheHarness(t *testing.T) {
	m := regexp.MustCompile(`(?m)^MEMORY_SLACK_MB = (\d+)$`).FindSubmatch(python.Harness)
	require.NotNil(t, m, "harness.py sets MEMORY_SLACK_MB")
	assert.Equal(t, strconv.Itoa(harness.MemorySlackMiB), string(m[1]))
}

// The Go side ends a session job with the length harness.py takes for the end of a job's frames.
func TestEndOfJobAgreesWithTheHarness(t *testing.T) {
	m := regexp.MustCompile(`(?m)^END_OF_JOB = 0x([0-9A-Fa-f]+)$`).FindSubmatch(python.Harness)
	require.NotNil(t, m, "harness.py sets END_OF_JOB")
	got, err := strconv.ParseUint(string(m[1]), 16, 32)
	require.NoError(t, err)
	assert.EqualValues(t, harness.EndOfJob, got)
}

// The Go side and harness.py allow a starved test the same extra wall time.
func TestWallStarvedMaxAgreesWithTheHarness(t *testing.T) {
	m := regexp.MustCompile(`(?m)^WALL_STARVED_MAX = (\d+)$`).FindSubmatch(python.Harness)
	require.NotNil(t, m, "harness.py sets WALL_STARVED_MAX")
	assert.Equal(t, strconv.Itoa(harness.WallStarvedMax), string(m[1]))
}

// A session job's request ends with the end marker and the nonce, not with the end of the
// stream; its header says session.
func TestFeedSession(t *testing.T) {
	v := &judge.Program{Entry: "v.py", Files: map[string][]byte{"v.py": []byte("pass\n")}}
	j := judge.Job{Mode: judge.JobValidate, Validator: v, Tests: 3, Frames: func(i int) [][]byte {
		if i > 0 {
			return nil
		}
		return [][]byte{[]byte("in"), []byte("ans"), []byte("out")}
	}}
	var b bytes.Buffer
	require.NoError(t, harness.FeedSession(&b, j, "the-nonce", make(chan struct{})))
	head, err := harness.ReadFrame(&b, 1<<20)
	require.NoError(t, err)
	var h obj
	require.NoError(t, json.Unmarshal(head, &h))
	assert.Equal(t, true, h["session"])
	for _, want := range []string{"in", "ans", "out"} {
		f, err := harness.ReadFrame(&b, 1<<20)
		require.NoError(t, err)
		assert.Equal(t, want, string(f))
	}
	assert.Equal(t, []byte{0xff, 0xff, 0xff, 0xff}, b.Next(4), "the end marker")
	f, err := harness.ReadFrame(&b, 1<<20)
	require.NoError(t, err)
	assert.Equal(t, "the-nonce", string(f))
	assert.Zero(t, b.Len())

	plain, err := harness.Header(j)
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "session", "a job outside a session says nothing of one")
}

// A job that isolates its tests says so in its header; others say nothing of it.
func TestHeaderIsolate(t *testing.T) {
	j := judge.Job{Mode: judge.JobFunction, Tests: 1, Isolate: true}
	b, err := harness.Header(j)
	require.NoError(t, err)
	var h obj
	require.NoError(t, json.Unmarshal(b, &h))
	assert.Equal(t, true, h["isolate"])
	j.Isolate = false
	b, err = harness.Header(j)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "isolate")
}

// A session job is over, and its container free for the next, only at done with its nonce.
func TestSessionReports(t *testing.T) {
	result := []any{obj{"type": "compiled"}, obj{"type": "start", "test": 0},
		obj{"type": "result", "test": 0, "status": "ok", "exit_code": 42}, []byte("")}
	cases := []struct {
		name string
		tail []any
		err  error
	}{
		{"end then done with the nonce", []any{obj{"type": "end"}, obj{"type": "done", "session": "n1"}}, nil},
		{"a done with another nonce", []any{obj{"type": "end"}, obj{"type": "done", "session": "guess"}}, harness.ErrSessionBroken},
		{"more reports after end", []any{obj{"type": "end"}, obj{"type": "start", "test": 1}}, harness.ErrSessionBroken},
		{"done before end: the job process died", []any{obj{"type": "done", "session": "n1"}}, harness.ErrSessionBroken},
		{"the stream ends after end", []any{obj{"type": "end"}}, harness.ErrIncomplete},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []judge.Execution
			var atEnd []int // the tests complete when end was read, once per call
			info, err := harness.SessionReports(context.Background(), stream(t, append(result, tc.tail...)...), job, "n1",
				func(e judge.Execution) bool { got = append(got, e); return true },
				func(info judge.RunInfo) { atEnd = append(atEnd, info.Completed) })
			if tc.err == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tc.err)
			}
			assert.Equal(t, 1, info.Completed, "the job's own report stands either way")
			assert.Len(t, got, 1)
			if tc.tail[0].(obj)["type"] == "end" {
				assert.Equal(t, []int{1}, atEnd, "told at end, with the job's results")
			} else {
				assert.Empty(t, atEnd, "no end, nothing told")
			}
		})
	}
}

// Jobs share a session only when they run the same validator the same way.
func TestSessionKey(t *testing.T) {
	v := &judge.Program{Entry: "v.py", Files: map[string][]byte{"v.py": []byte("pass\n")}}
	base := judge.Job{Mode: judge.JobValidate, Validator: v, Tests: 3, Limits: judge.ValidatorLimits}
	k1, ok := harness.SessionKey(base)
	require.True(t, ok)
	other := base
	other.Frames = func(int) [][]byte { return nil }
	k2, _ := harness.SessionKey(other)
	assert.Equal(t, k1, k2, "the outputs are not part of the key")

	flags := base
	flags.Flags = []string{"case_sensitive"}
	k3, _ := harness.SessionKey(flags)
	assert.NotEqual(t, k1, k3, "other arguments: another session")

	changed := base
	changed.Validator = &judge.Program{Entry: "v.py", Files: map[string][]byte{"v.py": []byte("pass  \n")}}
	k4, _ := harness.SessionKey(changed)
	assert.NotEqual(t, k1, k4, "another validator: another session")

	for name, j := range map[string]judge.Job{
		"a submission":             {Mode: judge.JobFunction, Tests: 3},
		"an interactive validator": {Mode: judge.JobValidate, Validator: v, Tests: 3, Interactive: true},
	} {
		_, ok := harness.SessionKey(j)
		assert.False(t, ok, name)
	}
}

// writes records each Write's bytes.
type writes [][]byte

func (w *writes) Write(b []byte) (int, error) {
	*w = append(*w, append([]byte(nil), b...))
	return len(b), nil
}

// A test's small frames go out in one Write; a frame too big to copy goes out on its own, after
// the frames before it; the bytes are the frames in order either way.
func TestWriteFramesCoalesces(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 100<<10)
	for _, tc := range []struct {
		name   string
		frames [][]byte
		writes int
	}{
		{"three small frames", [][]byte{[]byte("in"), []byte("ans"), nil}, 1},
		{"a big frame between small ones", [][]byte{[]byte("in"), big, []byte("out")}, 3},
	} {
		var w writes
		require.NoError(t, harness.WriteFrames(&w, tc.frames...), tc.name)
		assert.Len(t, w, tc.writes, tc.name)
		r := bytes.NewReader(bytes.Join(w, nil))
		for _, want := range tc.frames {
			got, err := harness.ReadFrame(r, 1<<20)
			require.NoError(t, err, tc.name)
			assert.Equal(t, len(want), len(got), tc.name)
			assert.True(t, bytes.Equal(want, got), tc.name)
		}
		assert.Zero(t, r.Len(), tc.name)
	}
}
