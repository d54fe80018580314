package grade_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/judgetest"
	"github.com/judge-dev/judge/judge/similarity"
)

// problem answers "ok" to every test; its reference prints it.
func problem(withRef bool) *judge.Problem {
	p := &judge.Problem{ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	for i := range 3 {
		p.Tests = append(p.Tests, judge.Test{Name: fmt.Sprintf("secret/%d", i), Group: "secret", Input: []byte("in"), Answer: []byte("ok")})
	}
	if withRef {
		p.Submissions = []judge.PackageSubmission{
			{Path: "submissions/wrong_answer/w.py", Expected: judge.WrongAnswer, Source: []byte("print('no')\n")},
			{Path: "submissions/accepted/ref.py", Expected: judge.Accepted, Source: []byte("print('ok')\n")},
		}
	}
	return p
}

// fake runs a source by what it prints: print('ok') answers ok in 10 ms, anything else "no" in 30.
func fake() *judgetest.Sandbox {
	return &judgetest.Sandbox{Exec: func(job judge.Job, _ [][]byte) (judge.Execution, bool) {
		if string(job.Source) == "print('ok')\n" {
			return judge.Execution{Status: judge.StatusOK, CPU: 10 * time.Millisecond, Output: []byte("ok")}, true
		}
		return judge.Execution{Status: judge.StatusOK, CPU: 30 * time.Millisecond, Output: []byte("no")}, true
	}}
}

func item(name, src string) grade.Item {
	return grade.Item{Name: name, Submission: judge.Submission{Filename: name, Source: []byte(src)}}
}

func TestBatch(t *testing.T) {
	sb := fake()
	var mu sync.Mutex
	progress := map[string]string{}
	limited := false
	g := &grade.Grader{Sandbox: sb, Parallel: 2, Limit: func(_ context.Context, p *judge.Problem) (*judge.Problem, error) {
		limited = true
		q := *p
		q.TimeLimit = &judge.TimeLimit{}
		return &q, nil
	}}
	items := []grade.Item{
		item("right.py", "print('ok')\n"),
		item("wrong.py", "print('no')\n"),
		item("empty.py", ""),
		{Name: "gone.py", Err: fmt.Errorf("read: gone: %w", judge.ErrBadInput)},
	}
	b, err := g.Batch(context.Background(), problem(true), items, grade.Options{Progress: func(name, verdict string) {
		mu.Lock()
		defer mu.Unlock()
		progress[name] = verdict
	}})
	require.NoError(t, err)
	assert.True(t, limited, "the time limit of this machine is applied")
	assert.NotNil(t, b.TimeLimit)
	assert.Equal(t, "submissions/accepted/ref.py", b.ReferencePath, "the first accepted submission, not the first one")
	require.NotNil(t, b.Reference)
	assert.Equal(t, judge.Accepted, b.Reference.Verdict)
	require.Len(t, b.Entries, 4, "the reference is not an entry")
	assert.Equal(t, judge.Accepted, b.Entries[0].Report.Verdict)
	assert.Equal(t, judge.WrongAnswer, b.Entries[1].Report.Verdict)
	assert.Contains(t, b.Entries[2].Error, "empty")
	assert.Contains(t, b.Entries[3].Error, "gone")
	assert.Equal(t, map[string]string{"right.py": "AC", "wrong.py": "WA", "empty.py": "ERR", "gone.py": "ERR"}, progress)
	assert.Len(t, sb.Runs(), 3, "reference, right and wrong ran; the two bad files did not")
}

func TestBatchReferenceNotAccepted(t *testing.T) {
	p := problem(true)
	p.Submissions[1].Source = []byte("print('broken')\n")
	var warned string
	g := &grade.Grader{Sandbox: fake(), Parallel: 1}
	b, err := g.Batch(context.Background(), p, []grade.Item{item("a.py", "print('ok')\n")}, grade.Options{Warn: func(m string) { warned = m }})
	require.NoError(t, err)
	assert.Nil(t, b.Reference, "no relative times against a failing reference")
	assert.Contains(t, warned, "got WA, not AC")
	require.Len(t, b.Entries, 1)
}

func TestBatchWithoutReference(t *testing.T) {
	g := &grade.Grader{Sandbox: fake(), Parallel: 4}
	b, err := g.Batch(context.Background(), problem(false), []grade.Item{item("a.py", "print('ok')\n")}, grade.Options{})
	require.NoError(t, err)
	assert.Nil(t, b.Reference)
	assert.Empty(t, b.ReferencePath)
	require.Len(t, b.Entries, 1)
	assert.Equal(t, judge.Accepted, b.Entries[0].Report.Verdict)
}

// A judge failure is not the submission's: the batch stops and says which one it was judging.
func TestBatchJudgeFailure(t *testing.T) {
	sb := fake()
	sb.Err = fmt.Errorf("docker: gone: %w", judge.ErrUnavailable)
	g := &grade.Grader{Sandbox: sb, Parallel: 1}
	_, err := g.Batch(context.Background(), problem(false), []grade.Item{item("a.py", "print('ok')\n"), item("b.py", "print('ok')\n")}, grade.Options{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, judge.ErrUnavailable))
	assert.Contains(t, err.Error(), "grade a.py")
}

func TestOneHidesHiddenDataUnlessRevealed(t *testing.T) {
	g := &grade.Grader{Sandbox: fake()}
	p := problem(false)
	for _, reveal := range []bool{false, true} {
		rep, err := g.One(context.Background(), p, judge.Submission{Filename: "w.py", Source: []byte("print('no')\n")}, grade.Options{Reveal: reveal})
		require.NoError(t, err)
		assert.Equal(t, judge.WrongAnswer, rep.Verdict)
		assert.Equal(t, reveal, rep.Tests[0].Expected != nil, "reveal=%v", reveal)
	}
}

// TestBatchSimilarity: asked for, the batch compares its judgeable submissions, with the
// problem's starter and shipped solutions as the base; a file that could not be judged is left
// out; not asked for, there is no comparison.
func TestBatchSimilarity(t *testing.T) {
	loop := "total = 0\nfor i in range(10):\n    if i % 3 == 0:\n        total += i * i\n    else:\n        total -= i\nprint('ok' if total else 'no')\n"
	renamed := strings.NewReplacer("total", "acc", "i", "k").Replace(loop)
	p := problem(true)
	p.Starter = []byte("print('ok')\n")
	items := []grade.Item{item("a.py", loop), item("b.py", "# mine\n"+renamed), item("c.py", "print('ok')\n"), item("empty.py", "")}
	g := &grade.Grader{Sandbox: fake(), Parallel: 2}

	b, err := g.Batch(context.Background(), p, items, grade.Options{Similarity: &similarity.Options{}})
	require.NoError(t, err)
	require.NotNil(t, b.Similarity)
	assert.Equal(t, 3, b.Similarity.BaseFiles, "the starter and two shipped submissions")
	assert.Equal(t, 3, b.Similarity.Compared, "a, b and c; the empty file is not compared")
	require.Len(t, b.Similarity.Pairs, 1)
	assert.Equal(t, "a.py", b.Similarity.Pairs[0].A)
	assert.Equal(t, "b.py", b.Similarity.Pairs[0].B)

	// The same code shipped with the problem is the base: no longer a match.
	p.Submissions = append(p.Submissions, judge.PackageSubmission{Path: "submissions/accepted/loop.py", Expected: judge.Accepted, Source: []byte(loop)})
	b, err = g.Batch(context.Background(), p, items, grade.Options{Similarity: &similarity.Options{}})
	require.NoError(t, err)
	assert.Empty(t, b.Similarity.Pairs)

	b, err = g.Batch(context.Background(), p, items, grade.Options{})
	require.NoError(t, err)
	assert.Nil(t, b.Similarity)
}

// TestBatchComplexity: asked for, the reference and every AC or TLE submission climb the ladder
// (the WA one does not), and the fit names each class from the CPU times.
func TestBatchComplexity(t *testing.T) {
	p := problem(true)
	p.Ladder = &judge.Ladder{Good: "n", Naive: "n^2", Repeats: 1}
	for _, n := range []int{100, 200, 400, 800, 1600} {
		p.Ladder.Rungs = append(p.Ladder.Rungs, judge.Rung{N: n, Input: []byte(fmt.Sprint(n))})
	}
	// Tests answer as fake() does; a ladder rung of size n takes n µs for print('ok'), n²/100 µs
	// for anything else.
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		n, err := strconv.Atoi(string(frames[0]))
		if err != nil {
			return fake().Exec(job, frames)
		}
		cpu := time.Duration(n) * time.Microsecond
		if string(job.Source) != "print('ok')\n" {
			cpu = time.Duration(n*n/100) * time.Microsecond
		}
		return judge.Execution{Status: judge.StatusOK, CPU: cpu}, true
	}}
	g := &grade.Grader{Sandbox: sb, Parallel: 2}
	b, err := g.Batch(context.Background(), p, []grade.Item{item("right.py", "print('ok')\n"), item("wrong.py", "print('no')\n")}, grade.Options{Complexity: true})
	require.NoError(t, err)
	require.NotNil(t, b.Ladder)
	assert.Equal(t, []int{100, 200, 400, 800, 1600}, b.Ladder.Sizes)
	require.NotNil(t, b.Ladder.Reference)
	require.NotNil(t, b.Ladder.Reference.Fit)
	assert.Equal(t, complexity.Linear, b.Ladder.Reference.Fit.Class)
	require.NotNil(t, b.Entries[0].Complexity)
	assert.Equal(t, complexity.Linear, b.Entries[0].Complexity.Fit.Class)
	assert.Nil(t, b.Entries[1].Complexity, "a wrong answer is not measured")

	// A ladder that names its reference: that one climbs, not the batch's first accepted one.
	p.Submissions = append(p.Submissions, judge.PackageSubmission{Path: "submissions/accepted/slow.py", Expected: judge.Accepted, Source: []byte("print('ok') # slow\n")})
	p.Ladder.Reference = "submissions/accepted/slow.py"
	b, err = g.Batch(context.Background(), p, []grade.Item{item("right.py", "print('ok')\n")}, grade.Options{Complexity: true})
	require.NoError(t, err)
	require.NotNil(t, b.Ladder.Reference)
	require.NotNil(t, b.Ladder.Reference.Fit)
	assert.Equal(t, complexity.Quadratic, b.Ladder.Reference.Fit.Class, "the ladder's reference, measured on its own")
	assert.Equal(t, "submissions/accepted/ref.py", b.ReferencePath, "relative CPU is still against the first accepted one")
	name, _, ok := grade.LadderReference(p)
	assert.True(t, ok)
	assert.Equal(t, "submissions/accepted/slow.py", name)

	p.Ladder = nil
	_, err = g.Batch(context.Background(), p, []grade.Item{item("right.py", "print('ok')\n")}, grade.Options{Complexity: true})
	assert.ErrorIs(t, err, judge.ErrBadInput)
}
