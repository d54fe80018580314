package docker_test

// Validator sessions against the real engine: a validate job's container serves the next job of
// the same validator, and nothing one job leaves (files, processes, IPC objects, its module's
// state, frames it forges) reaches the next.

import (
	"context"
	"testing"
	"time"

	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
)

// sessionValidator is a validator function that, on the output "plant", leaves behind all it
// can in its container, and on "check" reports which of those things it finds.
const sessionValidator = `import ctypes, os, time

PLANTED = []


def validate(input, answer, output):
    if output == "plant":
        PLANTED.append(1)
        for path in ("/tmp/planted", "/dev/shm/planted"):
            with open(path, "w") as f:
                f.write("x")
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.shmget(0x1234, 4096, 0o1600) < 0:
            return "shmget failed"
        if os.path.isdir("/dev/mqueue"):
            libc.mq_open(b"/planted", os.O_CREAT | os.O_RDWR, 0o600, None)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.execv("/usr/bin/python3", ["python3", "-c", "import time; time.sleep(600)", "planted-daemon"])
            os._exit(0)
        os.wait()
        time.sleep(0.2)
        return True
    found = [p for p in ("/tmp/planted", "/dev/shm/planted") if os.path.exists(p)]
    if os.path.isdir("/dev/mqueue") and os.listdir("/dev/mqueue"):
        found.append("mqueue " + ",".join(os.listdir("/dev/mqueue")))
    with open("/proc/sysvipc/shm") as f:
        if len(f.read().splitlines()) > 1:
            found.append("a SysV shm segment")
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if b"planted-daemon" in f.read():
                        found.append("daemon " + pid)
            except OSError:
                pass
    if PLANTED:
        found.append("the module's state")
    return ", ".join(found) or True
`

// forgingValidator writes forged reports on every descriptor it can, output "forge": an end,
// a done with a guessed nonce, and an accepting result for a next job. Otherwise it says
// "honest" (wrong answer).
const forgingValidator = `import json, os, stat, struct


def frame(b):
    return struct.pack(">I", len(b)) + b


def report(obj):
    return frame(json.dumps(obj).encode())


def validate(input, answer, output):
    if output != "forge":
        return "honest"
    forged = (report({"type": "end"}) + report({"type": "done", "session": "a-guess"}) +
              report({"type": "compiled"}) + report({"type": "start", "test": 0}) +
              report({"type": "result", "test": 0, "status": "ok", "exit_code": 42}) + frame(b"") +
              report({"type": "end"}) + report({"type": "done", "session": "another-guess"}))
    for fd in range(3, 256):
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode) or stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.write(fd, forged)
        except OSError:
            pass
    return False
`

// validateJob is a validate job of the validator function in source, on the given outputs: the
// same header (so the same session) whatever the outputs.
func validateJob(source string, outputs ...string) judge.Job {
	v := &judge.Program{Entry: "v.py", Lang: judge.LangPython, Function: "validate", Files: map[string][]byte{"v.py": []byte(source)}}
	return judge.Job{Mode: judge.JobValidate, Filename: v.Entry, Validator: v, Limits: judge.ValidatorLimits, Tests: 3,
		Frames: func(i int) [][]byte {
			if i >= len(outputs) {
				return nil
			}
			return [][]byte{[]byte("in\n"), []byte("ans\n"), []byte(outputs[i])}
		}}
}

// validateOn runs a validate job in the pool and returns its executions.
func validateOn(t *testing.T, p *docker.Pool, job judge.Job) []judge.Execution {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var got []judge.Execution
	info, err := p.Run(ctx, job, func(e judge.Execution) bool {
		got = append(got, e)
		return true
	})
	require.NoError(t, err)
	require.Nil(t, info.CompileError)
	return got
}

// validatorPool is a pool of one container per memory limit, with a validator's container warm.
func validatorPool(t *testing.T) *docker.Pool {
	t.Helper()
	_, p := newPool(t, docker.PoolOptions{Size: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	require.NoError(t, p.Fill(ctx, judge.ValidatorLimits.MemoryMiB))
	return p
}

func verdictOf(e judge.Execution) string {
	if e.Status != judge.StatusOK || e.ExitCode == nil {
		return string(e.Status) + ": " + e.Detail + e.Stderr
	}
	if *e.ExitCode == judge.ExitAccept {
		return "accepted"
	}
	return "rejected: " + string(e.Output)
}

func TestValidatorSessionReusesItsContainerAndLeavesNothing(t *testing.T) {
	p := validatorPool(t)

	got := validateOn(t, p, validateJob(sessionValidator, "check"))
	require.Len(t, got, 1)
	assert.Equal(t, "accepted", verdictOf(got[0]), "a fresh container is clean")

	got = validateOn(t, p, validateJob(sessionValidator, "plant", "check"))
	require.Len(t, got, 2)
	assert.Equal(t, "accepted", verdictOf(got[0]))
	assert.Contains(t, verdictOf(got[1]), "/tmp/planted", "within one job what it planted is there (the check can see it)")
	assert.Contains(t, verdictOf(got[1]), "daemon")
	assert.Contains(t, verdictOf(got[1]), "a SysV shm segment")
	assert.Contains(t, verdictOf(got[1]), "the module's state")

	got = validateOn(t, p, validateJob(sessionValidator, "check"))
	require.Len(t, got, 1)
	assert.Equal(t, "accepted", verdictOf(got[0]), "the next job of the session finds nothing of the last")
	assert.Equal(t, 2, p.Stats().Reused, "the three jobs ran in one container")

	other := validateJob(sessionValidator+"\n# another validator\n", "check")
	validateOn(t, p, other)
	assert.Equal(t, 2, p.Stats().Reused, "another validator's job never joins this session")
}

func TestValidatorSessionForgedFramesEndIt(t *testing.T) {
	p := validatorPool(t)

	// The forging job's own reports are its validator's to make; what matters is the next job.
	validateOn(t, p, validateJob(forgingValidator, "forge"))
	got := validateOn(t, p, validateJob(forgingValidator, "x"))
	require.Len(t, got, 1)
	assert.Equal(t, "rejected: honest", verdictOf(got[0]), "the next job's verdict is its own validator's, not a forged one")
	assert.Equal(t, 0, p.Stats().Reused, "a job that forged frames ended its session: its container was not reused")

	validateOn(t, p, validateJob(forgingValidator, "y"))
	assert.Equal(t, 1, p.Stats().Reused, "a clean job's container serves the next")
}

// slowKill is the engine with each ContainerKill on its way for a while before it is made: the
// race between a cancelled job's clean end and the kill its cancellation asked for, made sure.
type slowKill struct {
	*client.Client
	delay time.Duration
}

func (s slowKill) ContainerKill(ctx context.Context, id, signal string) error {
	time.Sleep(s.delay)
	return s.Client.ContainerKill(ctx, id, signal)
}

// A job cancelled as its request ends can still end cleanly, its done read, while the kill its
// cancellation asked for is on its way to the engine: its container must not serve the
// session's next job, which the kill would end halfway (its validator's results cut short).
func TestValidatorSessionJobCancelledAtItsEndIsNotReused(t *testing.T) {
	c, _ := engine(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sb, err := docker.NewSandbox(ctx, slowKill{c, 150 * time.Millisecond}, docker.RunnerImage())
	require.NoError(t, err)
	p := docker.NewPool(sb, docker.PoolOptions{Size: 1})
	t.Cleanup(func() { assert.NoError(t, p.Close()) })
	require.NoError(t, p.Fill(ctx, judge.ValidatorLimits.MemoryMiB))
	// "slow" keeps the next job running until long after the kill would have landed.
	const check = "import time\ndef validate(input, answer, output):\n    time.sleep(0.1 if output == 'slow' else 0)\n    return True\n"
	validateOn(t, p, validateJob(check, "a")) // the session's container, idle now
	jobCtx, cancelJob := context.WithCancel(ctx)
	job := validateJob(check)
	job.Frames = func(int) [][]byte {
		// The job's header is in: by now the harness has said compiled, and the reader waits for
		// the job's end, which comes as soon as this returns no test; the cancellation lands
		// while it waits.
		time.Sleep(300 * time.Millisecond)
		cancelJob()
		return nil
	}
	_, _ = p.Run(jobCtx, job, func(judge.Execution) bool { return true })
	got := validateOn(t, p, validateJob(check, "slow", "slow", "slow"))
	require.Len(t, got, 3, "the next job's validations")
	for i, e := range got {
		assert.Equal(t, "accepted", verdictOf(e), "output %d", i)
	}
}

// The judge's own validate jobs join a session: judging a problem with a Python validator
// twice through a pool takes its validator's container once. (The tests above build their
// jobs by hand; this one fails if anything of a submission leaks into the validator's header.)
// Judgings that give their validator nothing (a compile error, a first test that fails) may
// come between validated ones, and every verdict stays right
// (TestAJudgingWithoutOutputsEndsItsValidatorsJob says how their validator's job ends).
func TestJudgingsShareTheirValidatorsSession(t *testing.T) {
	_, p := newPool(t, docker.PoolOptions{Size: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	prob := *testProblem(t, "sum")
	prob.Validation.Validator = &judge.Program{Entry: "check.py", Lang: judge.LangPython, Function: "check", Files: map[string][]byte{
		"check.py": []byte("def check(input, answer, output):\n    return output.split() == answer.split()\n")}}
	require.NoError(t, p.Fill(ctx, judge.SandboxMemories(&prob)...))
	j := &judge.Judge{Sandbox: p}
	judgeOne := func(i int, src string, want judge.Verdict) {
		rep, err := j.Judge(ctx, &prob, judge.Submission{Filename: "s.py", Source: []byte(src)}, judge.Options{})
		require.NoError(t, err)
		require.Equal(t, want, rep.Verdict, "submission %d: %+v", i, rep.Tests)
	}
	const sum = "print(sum(map(int, input().split())))\n"
	judgeOne(0, "a, b = map(int, input().split())\nprint(a + b)\n", judge.Accepted)
	judgeOne(1, sum, judge.Accepted)
	assert.Equal(t, 1, p.Stats().Reused, "the second judging's validations ran in the first one's validator container")
	judgeOne(2, "print(\n", judge.CompileError)
	judgeOne(3, "raise SystemExit(3)\n", judge.RuntimeError)
	judgeOne(4, sum, judge.Accepted)
}

// A session's container serves at most docker.SessionJobs jobs: the job after that takes a new
// one, which starts a session of its own.
func TestValidatorSessionEndsAfterSessionJobs(t *testing.T) {
	p := validatorPool(t)
	const quick = "def validate(input, answer, output):\n    return True\n"
	for i := 0; i < docker.SessionJobs; i++ {
		got := validateOn(t, p, validateJob(quick, "x"))
		require.Len(t, got, 1)
		require.Equal(t, "accepted", verdictOf(got[0]), "job %d", i)
	}
	assert.Equal(t, docker.SessionJobs-1, p.Stats().Reused, "one container served the first SessionJobs jobs")
	validateOn(t, p, validateJob(quick, "x"))
	assert.Equal(t, docker.SessionJobs-1, p.Stats().Reused, "the next job took a new container")
	validateOn(t, p, validateJob(quick, "x"))
	assert.Equal(t, docker.SessionJobs, p.Stats().Reused, "whose session goes on")
}
