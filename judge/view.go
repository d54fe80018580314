package judge

import "time"

// What a candidate may see. These types have no field for a hidden test's input, expected or
// actual output, so whatever serves them cannot leak what it was never given; the feedback
// policy is applied when they are built, here and nowhere else.

// ProblemView is a problem as a candidate reads it: the statement, the starter code and the
// sample tests only.
type ProblemView struct {
	ID          string        `json:"id"`
	Name        string        `json:"name"`
	Difficulty  string        `json:"difficulty,omitempty"`
	Mode        Mode          `json:"mode"`
	Function    *FunctionSpec `json:"function,omitempty"`
	Statement   string        `json:"statement"`
	Starter     string        `json:"starter,omitempty"`
	TimeLimitMs float64       `json:"time_limit_ms"`
	MemoryMiB   int           `json:"memory_mib"`
	Samples     []SampleView  `json:"samples"`
	HiddenTests int           `json:"hidden_tests"`
}

// SampleView is one sample test, in full.
type SampleView struct {
	Name   string `json:"name"`
	Input  string `json:"input"`
	Answer string `json:"answer"`
}

// NewProblemView is p as a candidate may read it.
func NewProblemView(p *Problem) ProblemView {
	v := ProblemView{ID: p.ID, Name: p.Name, Difficulty: p.Difficulty, Mode: p.Mode, Function: p.Function,
		Statement: p.Statement, Starter: string(p.Starter), TimeLimitMs: millis(p.Limits.Time), MemoryMiB: p.Limits.MemoryMiB,
		Samples: []SampleView{}}
	for _, t := range p.Tests {
		if t.Sample {
			v.Samples = append(v.Samples, SampleView{Name: t.Name, Input: string(t.Input), Answer: string(t.Answer)})
		} else {
			v.HiddenTests++
		}
	}
	return v
}

// SamplesOnly is p with its sample tests only: what a candidate's "run samples" judges.
func SamplesOnly(p *Problem) *Problem {
	q := *p
	q.Tests = nil
	for _, t := range p.Tests {
		if t.Sample {
			q.Tests = append(q.Tests, t)
		}
	}
	return &q
}

// ResultView is a submission's result as a candidate sees it under the assessment's policy.
// Fields the policy withholds are absent.
type ResultView struct {
	ID       string     `json:"id"`
	Problem  string     `json:"problem"`
	State    State      `json:"state"`
	Created  time.Time  `json:"created"`
	Verdict  *Verdict   `json:"verdict,omitempty"`
	Message  string     `json:"message,omitempty"`
	Score    *float64   `json:"score,omitempty"`
	Passed   *int       `json:"passed,omitempty"`
	Total    *int       `json:"total,omitempty"`
	Samples  []TestView `json:"samples,omitempty"`
	Hidden   []TestView `json:"hidden,omitempty"`
	Withheld string     `json:"withheld,omitempty"` // why results are not shown
}

// TestView is one test's result for a candidate. Detail is set for sample tests only.
type TestView struct {
	Index      int         `json:"index"`
	Name       string      `json:"name,omitempty"` // hidden tests' names can describe their data
	Verdict    Verdict     `json:"verdict"`
	Message    string      `json:"message,omitempty"`
	ErrorType  string      `json:"error_type,omitempty"`
	CPUMillis  float64     `json:"cpu_ms"`
	WallMillis float64     `json:"wall_ms"`
	MemoryMiB  float64     `json:"memory_mib"`
	Detail     *TestDetail `json:"detail,omitempty"`
}

// TestDetail is what a sample test showed.
type TestDetail struct {
	Input    string `json:"input"`
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	Stderr   string `json:"stderr,omitempty"`
}

// CandidateView is the one place the feedback policy is applied: r as its candidate may see it.
func CandidateView(a *Assessment, r *Record) ResultView {
	v := ResultView{ID: r.ID, Problem: r.Problem, State: r.State, Created: r.Created}
	if r.State == StateFailed {
		v.Message = "the judge could not judge this submission; it is not counted against you"
		return v
	}
	if r.State != StateDone || r.Report == nil {
		return v
	}
	policy := a.Policy
	if policy == PolicyNone {
		if !a.Released {
			v.Withheld = "results are shown when the interviewer releases them"
			return v
		}
		policy = PolicyTests
	}
	rep := r.Report
	v.Score = &rep.Score
	if policy == PolicyScore {
		return v
	}
	v.Verdict, v.Passed, v.Total = &rep.Verdict, &rep.Passed, &rep.Total
	v.Message = overallMessage(rep)
	for _, t := range rep.Tests {
		if t.Sample {
			v.Samples = append(v.Samples, sampleView(t))
		} else if policy == PolicyTests {
			v.Hidden = append(v.Hidden, hiddenView(t.Hidden()))
		}
	}
	return v
}

// SampleRunView is a run of the samples (nothing stored): every test is a sample, in full.
func SampleRunView(rep *Report) ResultView {
	v := ResultView{Problem: rep.Problem, State: StateDone, Created: rep.Started, Verdict: &rep.Verdict,
		Score: &rep.Score, Passed: &rep.Passed, Total: &rep.Total, Samples: []TestView{}, Message: overallMessage(rep)}
	for _, t := range rep.Tests {
		if t.Sample {
			v.Samples = append(v.Samples, sampleView(t))
		}
	}
	return v
}

func sampleView(t TestResult) TestView {
	v := hiddenView(t)
	v.Name = t.Name
	if t.Error != nil {
		v.ErrorType = t.Error.Type
	}
	v.Detail = &TestDetail{Input: deref(t.Input), Expected: deref(t.Expected), Actual: deref(t.Actual), Stderr: deref(t.Stderr)}
	return v
}

// hiddenView copies only what Hidden left safe to show.
func hiddenView(t TestResult) TestView {
	v := TestView{Index: t.Index, Verdict: t.Verdict, Message: t.Message, CPUMillis: t.CPUMillis, WallMillis: t.WallMillis, MemoryMiB: t.MemoryMiB}
	if t.Error != nil {
		v.ErrorType = t.Error.Type
	}
	return v
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// overallMessage is the report's message a candidate may read: a compile error is about their
// own source; a judge failure can name a hidden test, so it is told in general words.
func overallMessage(rep *Report) string {
	switch rep.Verdict {
	case CompileError:
		return rep.Message
	case InternalError:
		return "the judge failed on this submission; it is not counted against you"
	}
	return ""
}

// CandidateTest is one finished test of a judging in progress as its candidate may see it, under
// the same policy as CandidateView; ok is false when the policy shows nothing of it (the
// candidate still learns how many tests are done).
func CandidateTest(a *Assessment, t TestResult) (v TestView, ok bool) {
	policy := a.Policy
	if policy == PolicyNone && a.Released {
		policy = PolicyTests
	}
	switch {
	case policy == PolicyNone || policy == PolicyScore:
		return TestView{}, false
	case t.Sample:
		return sampleView(t), true
	case policy == PolicyTests:
		return hiddenView(t.Hidden()), true
	}
	return TestView{}, false
}
