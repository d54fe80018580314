package docker_test

// Verdict stability: the verdicts whose outcome depends on the kernel (memory) or on the clock
// (time limits) must be the same on every run. Every hostile memory case and every shipped
// time_limit_exceeded submission of three problems is judged stabilityRuns times; any verdict,
// overall or of a test, that differs between runs fails the test.

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/problemset"
)

const stabilityRuns = 5

// stabilityProblems are the shipped problems whose time_limit_exceeded submissions are judged:
// a recursive one (fibonacci), a function-mode one with big graph arguments (bfs), and one with
// two TLE submissions of different speeds (is-prime).
var stabilityProblems = []string{"fibonacci", "bfs", "is-prime"}

type stabilityCase struct {
	name    string
	problem *judge.Problem
	source  judge.Submission
	opt     judge.Options
}

func TestVerdictStability(t *testing.T) {
	_, sb := engine(t)
	pool := docker.NewPool(sb, docker.PoolOptions{Size: hostileParallel})
	t.Cleanup(func() { assert.NoError(t, pool.Close()) })

	var cases []stabilityCase
	for _, hc := range readManifest(t) {
		if !strings.HasPrefix(hc.File, "memory/") || hc.Exit != nil || hc.Refused != "" {
			continue
		}
		cases = append(cases, stabilityCase{hc.name(), testProblem(t, hc.Problem), caseSource(t, hc), judge.Options{}})
	}
	require.NotEmpty(t, cases, "the hostile catalogue has memory cases")
	for _, id := range stabilityProblems {
		p, err := problemset.LoadDir(filepath.Join(repoRoot(), "problems", id))
		require.NoError(t, err)
		n := 0
		for _, s := range p.Submissions {
			if s.Expected != judge.TimeLimitExceeded {
				continue
			}
			n++
			// A TLE submission stops at its first failing test, as judge verify judges it.
			cases = append(cases, stabilityCase{id + "/" + s.Path, p,
				judge.Submission{Filename: filepath.Base(s.Path), Source: s.Source}, judge.Options{StopOnFailure: true}})
		}
		require.NotZero(t, n, "%s ships a time_limit_exceeded submission", id)
	}

	// Every run of every case, hostileParallel at a time (the pool keeps that many warm).
	outcomes, details := make([][]string, len(cases)), make([][]string, len(cases))
	for i := range outcomes {
		outcomes[i], details[i] = make([]string, stabilityRuns), make([]string, stabilityRuns)
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, hostileParallel)
	j := &judge.Judge{Sandbox: pool}
	for run := 0; run < stabilityRuns; run++ {
		for i, c := range cases {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				ctx, cancel := context.WithTimeout(context.Background(), caseBound)
				defer cancel()
				rep, err := j.Judge(ctx, c.problem, c.source, c.opt)
				if err != nil {
					outcomes[i][run] = "error: " + err.Error()
					return
				}
				outcomes[i][run], details[i][run] = verdicts(rep), firstFailure(rep)
			}()
		}
	}
	wg.Wait()
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Logf("run 1: %s", outcomes[i][0])
			for run, got := range outcomes[i] {
				assert.NotContains(t, got, "error:", "run %d", run+1)
				assert.Equal(t, outcomes[i][0], got, "run %d differs from run 1 (run 1: %s; run %d: %s)",
					run+1, details[i][0], run+1, details[i][run])
			}
		})
	}
}

// verdicts is a report's overall verdict and each test's, e.g. "TLE: AC AC TLE -".
func verdicts(rep *judge.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:", rep.Verdict)
	for _, tr := range rep.Tests {
		fmt.Fprintf(&b, " %s", tr.Verdict)
	}
	return b.String()
}

// firstFailure is the first test that did not pass, with its detail (why it stopped).
func firstFailure(rep *judge.Report) string {
	for _, tr := range rep.Tests {
		if tr.Verdict != judge.Accepted {
			return fmt.Sprintf("%s %s %q (cpu %.0f ms, wall %.0f ms, %.1f MiB)", tr.Name, tr.Verdict, tr.Message, tr.CPUMillis, tr.WallMillis, tr.MemoryMiB)
		}
	}
	return "all passed"
}
