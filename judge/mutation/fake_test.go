package mutation_test

import (
	"context"
	"path"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/judgetest"
	"github.com/judge-dev/judge/judge/mutation"
)

// survivingProblem is a stdio problem with one accepted submission, and a fake sandbox on which
// mutate.py makes one mutant of it and every program answers the tests right, so the mutant
// survives.
func survivingProblem() (*judge.Problem, *judgetest.Sandbox) {
	p := &judge.Problem{ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1},
		Tests:       []judge.Test{{Name: "secret/1", Group: "secret", Input: []byte("1\n"), Answer: []byte("ok")}},
		Submissions: []judge.PackageSubmission{{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("print('ok')\n")}},
	}
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, _ [][]byte) (judge.Execution, bool) {
		if job.Filename == "mutate.py" {
			return judge.Execution{Status: judge.StatusOK, Output: []byte(`{"mutants": [{"line": 1, "operator": "constant", "what": "'ok' -> ''", "source": "print('ok') # m\n"}]}`)}, true
		}
		return judge.Execution{Status: judge.StatusOK, CPU: time.Millisecond, Output: []byte("ok")}, true
	}}
	return p, sb
}

// TestSpentBudgetIsNotAnError: a budget spent before any mutant is judged leaves them all not
// judged, with a note, and is no error.
func TestSpentBudgetIsNotAnError(t *testing.T) {
	p, sb := survivingProblem()
	mt := &mutation.Tester{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2, Budget: time.Nanosecond}
	r, err := mt.Problem(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 1, r.Generated)
	assert.Equal(t, 1, r.NotJudged)
	assert.Zero(t, r.Killed+r.Survived)
	require.Len(t, r.Notes, 1, "%v", r.Notes)
	assert.Contains(t, r.Notes[0], "budget of 1ns spent: 1 mutant(s) not judged")
}

// TestCompiledInputValidatorLeavesSurvivorsUntriaged: with a C++ input validator (which only
// verify's validator image could run) the survivors stay untriaged with a note saying why; the
// validator is never handed to the Python sandbox, where it would fail as a bad package.
func TestCompiledInputValidatorLeavesSurvivorsUntriaged(t *testing.T) {
	p, sb := survivingProblem()
	p.InputValidator = &judge.Program{Entry: "validate.cpp", Lang: judge.LangCPP, Files: map[string][]byte{"validate.cpp": []byte("int main() { return 42; }\n")}}
	mt := &mutation.Tester{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2}
	r, err := mt.Problem(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 1, r.Survived)
	assert.Equal(t, 1, r.Untriaged)
	require.Len(t, r.Notes, 1, "%v", r.Notes)
	assert.Contains(t, r.Notes[0], "validate.cpp")
	assert.Contains(t, r.Notes[0], "not triaged")
	for _, run := range sb.Runs() {
		assert.NotEqual(t, ".cpp", path.Ext(run.Job.Filename), "the C++ validator was run as Python")
	}
}
