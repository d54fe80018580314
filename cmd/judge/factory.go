package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/docker/docker/client"
	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/cache"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/problemset"
	"github.com/judge-dev/judge/problems"
)

// IO is the command's terminal.
type IO struct {
	In          io.Reader
	Out, ErrOut io.Writer
	// Terminal is true when ErrOut is a terminal, so progress lines may be redrawn.
	Terminal bool
}

func newSystemIO() *IO {
	st, err := os.Stderr.Stat()
	return &IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		Terminal: err == nil && st.Mode()&os.ModeCharDevice != 0}
}

// Factory wires the dependencies every command needs, once.
type Factory struct {
	IO *IO
	// ProblemsDir is --problems or $JUDGE_PROBLEMS; "" means the problems built into the binary.
	ProblemsDir string
	// Runtime is --runtime: an OCI runtime registered with Docker, e.g. runsc (gVisor).
	Runtime string
	// Image is the runner image reference.
	Image string
	// PoolSize is --pool (grade, verify): warm containers kept ready per memory limit for
	// commands that judge many submissions; 0 starts a cold container per submission.
	PoolSize int
	// DeclaredLimits is --declared-limits: judge with the problems' declared time limits exactly,
	// without calibrating them on this machine.
	DeclaredLimits bool

	docker     *client.Client
	sandbox    *docker.Sandbox
	pool       *docker.Pool
	validators *judge.ValidatorSandbox
}

// Validators returns the validator image's sandbox when one of probs has a C or C++ output
// validator (made once; its compiled validators are cached for the command's life), else nil.
// When only its harness layer is out of date (the base image exists) it is rebuilt on the spot.
func (f *Factory) Validators(ctx context.Context, probs ...*judge.Problem) (*judge.ValidatorSandbox, error) {
	if f.validators != nil {
		return f.validators, nil
	}
	need := false
	for _, p := range probs {
		need = need || (p.Validation.Validator != nil && p.Validation.Validator.Compiled())
	}
	if !need {
		return nil, nil
	}
	c, err := f.Docker(ctx)
	if err != nil {
		return nil, err
	}
	sb, err := docker.NewValidatorSandbox(ctx, c)
	if err != nil && docker.HasValidatorRootfs(ctx, c) {
		fmt.Fprintln(f.IO.ErrOut, "validator image missing or out of date: building its harness layer")
		if _, berr := docker.BuildValidator(ctx, c, docker.BuildOptions{Progress: io.Discard}); berr != nil {
			return nil, berr
		}
		sb, err = docker.NewValidatorSandbox(ctx, c)
	}
	if err != nil {
		return nil, err
	}
	sb.Runtime = f.Runtime
	f.validators = &judge.ValidatorSandbox{Sandbox: sb}
	return f.validators, nil
}

// Problems returns the problem set in use.
func (f *Factory) Problems() *problemset.Set {
	if f.ProblemsDir != "" {
		return problemset.Dir(f.ProblemsDir)
	}
	return problemset.Embedded(problems.FS)
}

// Problem resolves a problem argument: a path (holding a separator or starting with '.') is a
// problem directory; anything else is an id in the problem set.
func (f *Factory) Problem(arg string) (*judge.Problem, error) {
	if strings.ContainsRune(arg, filepath.Separator) || strings.HasPrefix(arg, ".") {
		return problemset.LoadDir(arg)
	}
	return f.Problems().Load(arg)
}

// ProblemList loads the problems named, or every problem of the set when none is.
func (f *Factory) ProblemList(ids []string) ([]*judge.Problem, error) {
	if len(ids) == 0 {
		list, err := f.Problems().List()
		if err != nil {
			return nil, err
		}
		for _, s := range list {
			ids = append(ids, s.ID)
		}
	}
	if len(ids) == 0 {
		return nil, usageError("no problems")
	}
	var probs []*judge.Problem
	for _, id := range ids {
		p, err := f.Problem(id)
		if err != nil {
			return nil, err
		}
		probs = append(probs, p)
	}
	return probs, nil
}

// Docker connects to the engine once, and removes containers that crashed judges left behind.
func (f *Factory) Docker(ctx context.Context) (*client.Client, error) {
	if f.docker != nil {
		return f.docker, nil
	}
	c, err := docker.Connect(ctx)
	if err != nil {
		return nil, err
	}
	if n, err := docker.Sweep(ctx, c); err != nil {
		fmt.Fprintf(f.IO.ErrOut, "warning: %v\n", err)
	} else if n > 0 {
		fmt.Fprintf(f.IO.ErrOut, "removed %d container(s) left by a judge that did not finish\n", n)
	}
	f.docker = c
	return c, nil
}

// Sandbox returns a sandbox on the runner image. When only the harness layer is out of date (the
// base image exists) it is rebuilt on the spot: that takes a few seconds.
func (f *Factory) Sandbox(ctx context.Context) (*docker.Sandbox, error) {
	c, err := f.Docker(ctx)
	if err != nil {
		return nil, err
	}
	sb, err := docker.NewSandbox(ctx, c, f.Image)
	if err != nil && f.Image == docker.RunnerImage() && docker.HasRootfs(ctx, c) {
		fmt.Fprintln(f.IO.ErrOut, "runner image missing or out of date: building its harness layer")
		if _, berr := docker.Build(ctx, c, docker.BuildOptions{Progress: io.Discard}); berr != nil {
			return nil, berr
		}
		sb, err = docker.NewSandbox(ctx, c, f.Image)
	}
	if err != nil {
		return nil, err
	}
	sb.Runtime = f.Runtime
	f.sandbox = sb
	return sb, nil
}

// Calibrator measures time limits on this machine, judging in sb (the sandbox the command judges
// in), one run per core at once: the load of grade and verify.
func (f *Factory) Calibrator(ctx context.Context, sb judge.Sandbox) (*judge.Calibrator, error) {
	if f.sandbox == nil {
		if _, err := f.Sandbox(ctx); err != nil {
			return nil, err
		}
	}
	env, err := f.sandbox.Environment(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := cache.Default()
	if err != nil {
		return nil, err
	}
	return &judge.Calibrator{Judge: &judge.Judge{Sandbox: sb, Validators: f.validators}, Cache: dir, Environment: env, Parallel: runtime.NumCPU()}, nil
}

// TimeLimited returns p with the time limit it is judged with here: the calibrated one (measured
// now, lazily, when this machine has none cached) or, with --declared-limits, the declared one.
func (f *Factory) TimeLimited(ctx context.Context, p *judge.Problem, sb judge.Sandbox) (*judge.Problem, error) {
	if f.DeclaredLimits {
		q := *p
		l := judge.DeclaredLimit(p, "--declared-limits")
		q.TimeLimit = &l
		return &q, nil
	}
	c, err := f.Calibrator(ctx, sb)
	if err != nil {
		return nil, err
	}
	cal, err := c.Cached(p)
	if err != nil {
		return nil, err
	}
	if cal == nil {
		n := len(judge.AcceptedSubmissions(p))
		if n > 0 {
			fmt.Fprintf(f.IO.ErrOut, "calibrating the time limit of %s on this machine: %d accepted submission(s) x %d runs (once; cached in %s)\n",
				p.ID, n, judge.DefaultCalibrationRuns, c.Cache.(cache.Dir).Root)
		}
		if cal, _, err = c.Calibrate(ctx, p); err != nil {
			return nil, err
		}
		if n > 0 {
			fmt.Fprintf(f.IO.ErrOut, "%s: %s\n", p.ID, cal.Limit())
		}
	}
	return cal.Apply(p), nil
}

// BatchSandbox is the sandbox of commands that judge many submissions: a pool of PoolSize warm
// containers per memory limit (drained by Close), or with --pool 0 the cold Sandbox.
func (f *Factory) BatchSandbox(ctx context.Context) (judge.Sandbox, error) {
	sb, err := f.Sandbox(ctx)
	if err != nil || f.PoolSize <= 0 {
		return sb, err
	}
	if f.pool == nil {
		f.pool = docker.NewPool(sb, docker.PoolOptions{Size: f.PoolSize})
	}
	return f.pool, nil
}

// WarmSandbox is BatchSandbox with its pool already filled for every sandbox judging these
// problems takes (judge.SandboxMemories: a Python output validator's too, so the first
// submissions wait for no cold start of either): what every command that judges a batch
// starts with.
func (f *Factory) WarmSandbox(ctx context.Context, probs ...*judge.Problem) (judge.Sandbox, error) {
	sb, err := f.BatchSandbox(ctx)
	if err != nil {
		return nil, err
	}
	if err := f.Warm(ctx, judge.SandboxMemories(probs...)...); err != nil {
		return nil, err
	}
	return sb, nil
}

// Warm fills the pool for jobs of those memory limits (MiB), so the first submissions wait for
// no container; without a pool it does nothing.
func (f *Factory) Warm(ctx context.Context, memoryMiB ...int) error {
	if f.pool == nil {
		return nil
	}
	return f.pool.Fill(ctx, memoryMiB...)
}

// Close drains the pool, sweeps again what dead judges left (Docker's start-up sweep cannot
// see a container the engine was still creating for a judge killed just before: it appears
// afterwards, and only a later sweep removes it) and releases the Docker client.
func (f *Factory) Close() {
	if f.pool != nil {
		if err := f.pool.Close(); err != nil {
			fmt.Fprintf(f.IO.ErrOut, "warning: %v\n", err)
		}
	}
	if f.docker != nil {
		ctx, cancel := context.WithTimeout(context.Background(), closeSweepTimeout)
		if n, err := docker.Sweep(ctx, f.docker); err != nil {
			fmt.Fprintf(f.IO.ErrOut, "warning: %v\n", err)
		} else if n > 0 {
			fmt.Fprintf(f.IO.ErrOut, "removed %d container(s) left by a judge that did not finish\n", n)
		}
		cancel()
		f.docker.Close()
	}
}

// closeSweepTimeout bounds the sweep at Close: the command's own context may be cancelled by
// then (Ctrl-C, SIGTERM), and an engine that does not answer must not keep the judge from
// exiting.
const closeSweepTimeout = 30 * time.Second

// poolFlag adds --pool to a command that judges many submissions.
func poolFlag(cmd *cobra.Command, f *Factory) {
	cmd.Flags().IntVar(&f.PoolSize, "pool", runtime.NumCPU(), "warm containers kept ready per memory limit (0: start a container per submission)")
}

// Main runs the command line and returns the exit code.
func Main(args []string, io *IO) int {
	f := &Factory{IO: io, ProblemsDir: os.Getenv("JUDGE_PROBLEMS"), Image: docker.RunnerImage()}
	defer f.Close()
	// Ctrl-C and SIGTERM cancel the context: sandboxes are removed before the judge exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newCmdRoot(f)
	root.SetArgs(args)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	err := root.ExecuteContext(ctx)
	if err != nil && err != errNotAccepted && !isQuietError(err) {
		fmt.Fprintf(io.ErrOut, "judge: %s\n", describe(err))
		if ctx.Err() != nil {
			fmt.Fprintln(io.ErrOut, "judge: interrupted; sandboxes removed")
		}
	}
	return exitCode(err)
}

func isQuietError(err error) bool { return err == errNotAccepted }

// describe drops the sentinel's own words ("bad input") from the end of a message: the exit
// code already says which kind of failure it was.
func describe(err error) string {
	s := err.Error()
	for _, kind := range []error{judge.ErrBadInput, judge.ErrUnavailable, errUsage} {
		s = strings.TrimSuffix(s, ": "+kind.Error())
	}
	return s
}

func newCmdRoot(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "judge",
		Short: "Judge Python solutions in a hardened throwaway container",
		Long: `judge runs a Python solution against a problem's sample and hidden tests in a
throwaway, hardened Docker container and reports a verdict per test with CPU time,
wall time and peak memory.

Exit codes: 0 accepted; 1 judged but not accepted; 2 bad usage or bad input;
3 the judge could not judge (Docker unreachable, runner image missing, internal error).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.PersistentFlags().StringVar(&f.ProblemsDir, "problems", f.ProblemsDir, "problem root folder (default: the built-in problems; env JUDGE_PROBLEMS)")
	cmd.PersistentFlags().StringVar(&f.Runtime, "runtime", "", "OCI runtime registered with Docker for the sandbox, e.g. runsc (gVisor)")
	cmd.PersistentFlags().StringVar(&f.Image, "image", f.Image, "runner image")
	cmd.PersistentFlags().BoolVar(&f.DeclaredLimits, "declared-limits", false, "judge with the problems' declared time limits exactly, without calibrating them on this machine")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError("%v", err) })
	cmd.AddCommand(newCmdCalibrate(f), newCmdRun(f), newCmdProblems(f), newCmdImage(f), newCmdInit(f), newCmdNew(f), newCmdVerify(f), newCmdGrade(f), newCmdServe(f), newCmdWorker(f))
	return cmd
}

// exactArgs is cobra.ExactArgs with our usage error, so bad usage exits 2.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("%s takes %d argument(s), got %d (see %s --help)", cmd.CommandPath(), n, len(args), cmd.CommandPath())
		}
		return nil
	}
}

// Grader is the one grading path (judge/grade) judging in sb, with the time limits of this
// machine (TimeLimited), parallel submissions at once.
func (f *Factory) Grader(sb judge.Sandbox, parallel int) *grade.Grader {
	return &grade.Grader{
		Sandbox:    sb,
		Validators: f.validators,
		Parallel:   parallel,
		Limit: func(ctx context.Context, p *judge.Problem) (*judge.Problem, error) {
			return f.TimeLimited(ctx, p, sb)
		},
	}
}

// ProblemDir is the folder on disk of a problem argument (a path, or an id under --problems);
// the built-in problems have none.
func (f *Factory) ProblemDir(arg string) (string, error) {
	if strings.ContainsRune(arg, filepath.Separator) || strings.HasPrefix(arg, ".") {
		return arg, nil
	}
	if f.ProblemsDir == "" {
		return "", usageError("%s is built into the binary: pass --problems DIR (e.g. --problems problems in a checkout) or a path to write into it", arg)
	}
	return filepath.Join(f.ProblemsDir, arg), nil
}
