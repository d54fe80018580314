package judge

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// What an output validator leaves in its feedback folder besides its message, as Kattis's
// problemtools reads it: score.txt (custom scores) and nextpass.in (multi-pass problems).

// outcome is what an accepting validator asked for beyond its verdict.
type outcome struct {
	points *float64 // score.txt: the test's score (Validation.CustomScore)
	next   []byte   // nextpass.in: the input of the test's next pass (Problem.Passes)
}

// needsFeedback says whether the problem's validator jobs carry the feedback folder (Job.Feedback).
func needsFeedback(p *Problem) bool { return p.Validation.CustomScore || p.Passes > 0 }

// validatorVerdict reads one run of an output validator on one output (or one interaction) in
// pass `pass`: its exit code, its message, and in its feedback folder score.txt and
// nextpass.in. A validator that breaks the rules (writes score.txt or nextpass.in when it
// rejects, asks for a pass past limits.validation_passes, writes a score that is not a number,
// or leaves out a score it owes) is the judge's failure: the package's fault, never the
// submission's.
func validatorVerdict(p *Problem, e Execution, pass int) (Verdict, string, outcome) {
	accepted := e.Status == StatusOK && e.ExitCode != nil && *e.ExitCode == ExitAccept
	rejected := e.Status == StatusOK && e.ExitCode != nil && *e.ExitCode == ExitReject
	message := strings.TrimSpace(string(e.Output))
	if !accepted && !rejected {
		return InternalError, fmt.Sprintf("output validator failed (%s): %s", e.Status, strings.TrimSpace(e.Stderr+" "+reMessage(e))), outcome{}
	}
	score, hasScore := e.Feedback["score.txt"]
	next, hasNext := e.Feedback["nextpass.in"]
	if rejected {
		switch {
		case hasScore:
			return InternalError, "the output validator rejected the output and wrote score.txt", outcome{}
		case hasNext:
			return InternalError, "the output validator rejected the output and wrote nextpass.in", outcome{}
		}
		return WrongAnswer, message, outcome{}
	}
	var o outcome
	if hasNext {
		switch {
		case p.Passes == 0:
			return InternalError, "the output validator wrote nextpass.in, but the problem's type is not multi-pass", outcome{}
		case pass >= p.Passes:
			return InternalError, fmt.Sprintf("the output validator asked for pass %d of the %d allowed (limits.validation_passes)", pass+1, p.Passes), outcome{}
		}
		o.next = next
	}
	switch {
	case hasScore && !p.Validation.CustomScore:
		return InternalError, "the output validator wrote score.txt, but the problem does not take its scores (validation: custom score, or a scoring problem in 2023-07)", outcome{}
	case hasScore:
		f, err := strconv.ParseFloat(strings.TrimSpace(string(score)), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return InternalError, fmt.Sprintf("the output validator's score.txt is not a number: %q", clip(string(score), 40)), outcome{}
		}
		o.points = &f
	case p.Validation.ScoreRequired && o.next == nil:
		return InternalError, "the output validator accepted without writing score.txt (validation: custom score)", outcome{}
	}
	return Accepted, "", o
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// feedbackFrame is the frame that carries a test's feedback folder from its previous pass to
// the validator's next run (empty: none).
func feedbackFrame(state []map[string][]byte, i int) []byte {
	if i >= len(state) || len(state[i]) == 0 {
		return nil
	}
	b, err := json.Marshal(state[i])
	if err != nil {
		return nil
	}
	return b
}

// carried is a test of a multi-pass problem on its way to its next pass.
type carried struct {
	acc      TestResult        // its result so far: the passes' times added up, the largest memory
	input    []byte            // the next pass's input: the validator's nextpass.in
	feedback map[string][]byte // the validator's feedback folder after the last pass
}

// merge is the result of the test's next pass t added to what it carried: the verdict and
// message are the last pass's, times add up, memory is the largest, and Passes counts them.
func (c *carried) merge(t TestResult, index int) TestResult {
	a := c.acc
	t.Index, t.Name, t.Group, t.Sample = index, a.Name, a.Group, a.Sample
	t.CPUMillis = math.Round((t.CPUMillis+a.CPUMillis)*1000) / 1000
	t.WallMillis = math.Round((t.WallMillis+a.WallMillis)*1000) / 1000
	t.MemoryMiB = math.Max(t.MemoryMiB, a.MemoryMiB)
	t.Passes = max(a.Passes, 1) + 1
	return t
}

// nextPass is the problem of a multi-pass round: the tests going on, each with its next input;
// orig maps its tests back to p's, state holds their feedback folders.
func nextPass(p *Problem, carry map[int]*carried) (*Problem, []int, []map[string][]byte) {
	orig := make([]int, 0, len(carry))
	for i := range carry {
		orig = append(orig, i)
	}
	sort.Ints(orig)
	q := *p
	q.Tests = make([]Test, len(orig))
	state := make([]map[string][]byte, len(orig))
	for k, i := range orig {
		q.Tests[k] = p.Tests[i]
		q.Tests[k].Input = carry[i].input
		state[k] = carry[i].feedback
	}
	return &q, orig, state
}

// reindex turns a round's carry (by its own test index) into p's, each test's measurements
// added to what it carried before.
func reindex(next map[int]*carried, orig []int, prev map[int]*carried) map[int]*carried {
	out := make(map[int]*carried, len(next))
	for k, c := range next {
		i := orig[k]
		c.acc = prev[i].merge(c.acc, i)
		out[i] = c
	}
	return out
}
