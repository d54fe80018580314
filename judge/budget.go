package judge

import (
	"fmt"
)

// maxOverLimit is how many tests over a limit one judging may run (without Options.All). The
// first gives the verdict; the second, on a smaller input, tells a submission that is slow
// only on large inputs (it then passes the rest) from one that is hopeless on every input (an
// endless loop); a third would add cost, not information. Two CPU limits plus container starts
// keep `while True: pass` under 10 s even on a busy 2-core machine, where a 1 s CPU limit took
// 3.3 s of wall time (measured; README "Judging budget").
const maxOverLimit = 2

// budget is the judging budget (README: "Judging budget"): it decides which tests a submission
// that goes over its limits does not run, so that a hopeless submission costs seconds, not a
// wall limit per test. Kattis stops at the first failing test; we go a little further so that a
// candidate still sees which of the smaller tests pass:
//
//   - Size rule: once a test is TLE or MLE, the tests not yet run whose input is as large or
//     larger (bytes of the .in) are not run. A solution too slow or too big on one input is
//     assumed to be so on every input at least that large. Smaller tests still run, in a new
//     sandbox.
//   - Bound: after maxOverLimit tests over a limit nothing more runs; a test that ran out of
//     wall-clock time (it sleeps or blocks, and would on every test) ends the judging at once,
//     since it alone costs 3T+2 s. The bound counts tests, not measured time, so the same
//     submission skips the same tests on every machine.
//
// With Options.All the budget never skips anything.
type budget struct {
	all   bool
	lim   JobLimits
	spent bool
	over  []overLimit // tests over a limit, in the order they ran
}

type overLimit struct {
	name    string
	verdict Verdict
	size    int
	wall    bool // TLE with CPU to spare: it ran out of wall-clock time sleeping or blocking
}

func newBudget(lim JobLimits, all bool) *budget { return &budget{all: all, lim: lim} }

// exceeded notes a test that has run and reports whether the sandbox should stop: the test
// went over its time or memory limit, so the budget must decide what runs next.
func (b *budget) exceeded(res TestResult, e Execution, t Test) bool {
	if b.all || (res.Verdict != TimeLimitExceeded && res.Verdict != MemoryLimitExceeded) {
		return false
	}
	o := overLimit{name: t.Name, verdict: res.Verdict, size: len(t.Input), wall: res.Verdict == TimeLimitExceeded && e.CPU < b.lim.Time}
	b.over = append(b.over, o)
	b.spent = b.spent || o.wall || len(b.over) >= maxOverLimit
	return true
}

// skip says whether test t, not yet run, is not run, and why (the not-run test's message).
func (b *budget) skip(t Test) (string, bool) {
	if b.all || len(b.over) == 0 {
		return "", false
	}
	for _, o := range b.over {
		if len(t.Input) >= o.size {
			return fmt.Sprintf("not run: test %s exceeded the %s limit and this test is as large or larger", o.name, limitName(o.verdict)), true
		}
	}
	if b.spent {
		if last := b.over[len(b.over)-1]; last.wall {
			return fmt.Sprintf("not run: judging budget spent (test %s ran out of wall-clock time)", last.name), true
		}
		return fmt.Sprintf("not run: judging budget spent (%d tests over a limit)", len(b.over)), true
	}
	return "", false
}

func limitName(v Verdict) string {
	if v == MemoryLimitExceeded {
		return "memory"
	}
	return "time"
}
