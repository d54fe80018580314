package docker_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
)

func submissionOf(t *testing.T, problem, path string) judge.Submission {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "problems", problem, "submissions", path))
	require.NoError(t, err)
	return judge.Submission{Filename: filepath.Base(path), Source: b}
}

func assertNoVolumes(t *testing.T, c *client.Client) {
	t.Helper()
	list, err := c.VolumeList(context.Background(), volume.ListOptions{Filters: filters.NewArgs(filters.Arg("label", docker.OwnerLabel()))})
	require.NoError(t, err)
	assert.Empty(t, list.Volumes, "an interaction's volume was left behind")
}

// A guessing game judged for real: the submission and its Python validator talk through their
// pipes, each in its own container (the warm pool's kind for the submission), and the side that
// ended first decides, as Kattis's tools decide. Nothing is left behind, volumes included.
func TestInteractivePythonValidator(t *testing.T) {
	c, sb := engine(t)
	pool := docker.NewPool(sb, docker.PoolOptions{Size: 1})
	defer func() { require.NoError(t, pool.Close()) }()
	j := &judge.Judge{Sandbox: pool}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	p := testProblem(t, "kattis-interactive")
	require.True(t, p.Validation.Interactive)

	cases := []struct {
		path    string
		want    judge.Verdict
		message string // of the first test that is not accepted, with Reveal
	}{
		{"accepted/binary_search.py", judge.Accepted, ""},
		{"accepted/stdin_readline.py", judge.Accepted, ""},
		{"wrong_answer/linear.py", judge.WrongAnswer, "not found in the 5 guesses allowed"},
		{"wrong_answer/off_by_one.py", judge.WrongAnswer, ""},
		{"run_time_error/crash.py", judge.RuntimeError, "ZeroDivisionError"},
		{"time_limit_exceeded/no_flush.py", judge.TimeLimitExceeded, "wall time"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			rep, err := j.Judge(ctx, p, submissionOf(t, "kattis-interactive", tc.path), judge.Options{Reveal: true, StopOnFailure: tc.want != judge.Accepted})
			require.NoError(t, err)
			require.Equal(t, tc.want, rep.Verdict, "%+v", rep.Tests)
			for _, tr := range rep.Tests {
				if tr.Verdict != judge.Accepted {
					assert.Contains(t, tr.Message, tc.message)
					break
				}
			}
			if tc.want == judge.Accepted {
				assert.Len(t, rep.Tests, len(p.Tests))
				for _, tr := range rep.Tests {
					assert.Less(t, tr.CPUMillis, 500.0, "the submission's CPU is its own, not the validator's")
				}
			}
		})
	}

	// The folder of pipes is the validator's: the submission can open its pipes but neither
	// plant, rename nor remove one (its mount is read-only). Each success would end the test
	// as a run-time error; a fair game after four refusals is accepted.
	t.Run("tampers with /link", func(t *testing.T) {
		fair := submissionOf(t, "kattis-interactive", "accepted/binary_search.py").Source
		src := judge.Submission{Filename: "tamper.py", Source: append([]byte(tamper), fair...)}
		rep, err := j.Judge(ctx, p, src, judge.Options{Reveal: true, StopOnFailure: true})
		require.NoError(t, err)
		require.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)
	})
	assertNoVolumes(t, c)
}

// tamper tries each change to the folder of pipes, and stops at the first that succeeds; a
// fair binary search (the package's accepted one) follows.
const tamper = `import os, sys
names = sorted(os.listdir("/link"))
if not names:
    sys.exit("no pipes in /link")
victim = "/link/" + names[-1]
attempts = {
    "mkfifo": lambda: os.mkfifo("/link/planted"),
    "create": lambda: open("/link/planted.txt", "w").close(),
    "rename": lambda: os.rename(victim, "/link/renamed"),
    "unlink": lambda: os.unlink(victim),
}
for what, attempt in attempts.items():
    try:
        attempt()
    except OSError as e:
        print(what, "refused:", e, file=sys.stderr)
        continue
    sys.exit(what + " in /link succeeded")
`

// A legacy package's C++ interactor against validate.h, compiled and run in the validator image,
// with its own flag from validator_flags (slack 1: the sample's N = 10 allows 5 guesses).
func TestInteractiveCppValidator(t *testing.T) {
	c, sb := engine(t)
	vs, err := docker.NewValidatorSandbox(context.Background(), c)
	require.NoError(t, err, "these tests need the validator image: run `make image` (judge image build --validator)")
	j := &judge.Judge{Sandbox: sb, Validators: &judge.ValidatorSandbox{Sandbox: vs}}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	p := testProblem(t, "kattis-interactive-cc")
	require.True(t, p.Validation.Interactive)
	require.True(t, p.Validation.Validator.Compiled())

	rep, err := j.Judge(ctx, p, submissionOf(t, "kattis-interactive-cc", "accepted/binary_search.py"), judge.Options{Reveal: true})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)

	rep, err = j.Judge(ctx, p, submissionOf(t, "kattis-interactive-cc", "wrong_answer/linear.py"), judge.Options{Reveal: true})
	require.NoError(t, err)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	assert.Contains(t, rep.Tests[0].Message, "not found in the 5 guesses allowed", "validate.h's wrong_answer, with the slack flag read")
	assertNoVolumes(t, c)
}
