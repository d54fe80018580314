package judge

import (
	"fmt"
)

// Verdict is the outcome of one test or of a whole submission. It is data, not an error: an error
// from the judge means the judge itself broke. The zero value is invalid on purpose.
type Verdict int

const (
	_ Verdict = iota
	Accepted
	WrongAnswer
	TimeLimitExceeded
	MemoryLimitExceeded
	RuntimeError
	OutputLimitExceeded
	CompileError
	InternalError
	// NotRun is a test the judge did not run (judging budget, or the sandbox stopped early). It
	// is a per-test status only: it counts as not passed and is never a submission's verdict.
	NotRun
)

var verdictCodes = map[Verdict]string{
	Accepted:            "AC",
	WrongAnswer:         "WA",
	TimeLimitExceeded:   "TLE",
	MemoryLimitExceeded: "MLE",
	RuntimeError:        "RE",
	OutputLimitExceeded: "OLE",
	CompileError:        "CE",
	InternalError:       "IE",
	NotRun:              "NR",
}

var verdictNames = map[Verdict]string{
	Accepted:            "accepted",
	WrongAnswer:         "wrong answer",
	TimeLimitExceeded:   "time limit exceeded",
	MemoryLimitExceeded: "memory limit exceeded",
	RuntimeError:        "run-time error",
	OutputLimitExceeded: "output limit exceeded",
	CompileError:        "compile error",
	InternalError:       "internal error (the judge failed, not the submission)",
	NotRun:              "not run",
}

// String returns the short code (AC, WA, ...).
func (v Verdict) String() string {
	if s, ok := verdictCodes[v]; ok {
		return s
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// Name is the verdict spelled out for people.
func (v Verdict) Name() string { return verdictNames[v] }

// MarshalText writes the short code, so JSON reports say "AC", not 1.
func (v Verdict) MarshalText() ([]byte, error) {
	if _, ok := verdictCodes[v]; !ok {
		return nil, fmt.Errorf("marshal verdict: invalid verdict %d", int(v))
	}
	return []byte(v.String()), nil
}

// UnmarshalText reads the short code.
func (v *Verdict) UnmarshalText(b []byte) error {
	got, err := ParseVerdict(string(b))
	if err != nil {
		return err
	}
	*v = got
	return nil
}

// ParseVerdict reads a short code such as "TLE".
func ParseVerdict(s string) (Verdict, error) {
	for v, code := range verdictCodes {
		if code == s {
			return v, nil
		}
	}
	return 0, fmt.Errorf("parse verdict: unknown verdict %q", s)
}

// FolderVerdict maps a Problem Package Format submissions/ folder to the verdict its files must get.
func FolderVerdict(folder string) (Verdict, bool) {
	switch folder {
	case "accepted":
		return Accepted, true
	case "wrong_answer":
		return WrongAnswer, true
	case "time_limit_exceeded":
		return TimeLimitExceeded, true
	case "run_time_error":
		return RuntimeError, true
	case "memory_limit_exceeded":
		return MemoryLimitExceeded, true
	case "output_limit_exceeded":
		return OutputLimitExceeded, true
	case "compile_error":
		return CompileError, true
	}
	return 0, false
}
