package mutation

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/judge-dev/judge/judge"
)

// MaxSmallInputs bounds what generators/small_inputs.py may declare: each input is run by the
// reference and by every survivor, so this many take minutes, not hours.
const MaxSmallInputs = 20000

// SmallInputs runs the problem's generators/small_inputs.py in the sandbox and returns the
// inputs it prints, one JSON value a line: in function mode the arguments array (the .in file's
// content), in stdio mode a string holding the whole standard input. nil when the package
// declares none. A program that fails or prints something else is the package's error
// (ErrBadInput), said with the line.
func SmallInputs(ctx context.Context, sb judge.Sandbox, p *judge.Problem) ([][]byte, error) {
	if p.SmallInputs == nil {
		return nil, nil
	}
	out, err := runTool(ctx, sb, "small_inputs.py", p.SmallInputs, nil)
	var tf *toolFailure
	switch {
	case errors.As(err, &tf):
		return nil, fmt.Errorf("generators/small_inputs.py %s: %w", tf.what, judge.ErrBadInput)
	case err != nil:
		return nil, fmt.Errorf("generators/small_inputs.py: %w", err)
	}
	return parseSmallInputs(out, p.Mode)
}

// parseSmallInputs reads small_inputs.py's output: one JSON value a line, blank lines skipped.
func parseSmallInputs(out []byte, mode judge.Mode) ([][]byte, error) {
	var ins [][]byte
	for i, line := range bytes.Split(out, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if len(ins) == MaxSmallInputs {
			return nil, fmt.Errorf("generators/small_inputs.py printed more than %d inputs: %w", MaxSmallInputs, judge.ErrBadInput)
		}
		bad := func(want string) error {
			return fmt.Errorf("generators/small_inputs.py, line %d of its output: want %s, got %.80q: %w", i+1, want, line, judge.ErrBadInput)
		}
		if mode == judge.Function {
			var args []json.RawMessage
			if json.Unmarshal(line, &args) != nil {
				return nil, bad("a JSON array of the function's arguments")
			}
			ins = append(ins, append(append([]byte{}, line...), '\n'))
			continue
		}
		var text string
		if json.Unmarshal(line, &text) != nil {
			return nil, bad("a JSON string holding the whole standard input")
		}
		ins = append(ins, []byte(text))
	}
	return ins, nil
}

// withDeclared is the triage's candidates: every declared input that is not a test, then the
// neighbourhood's, each once, smallest first (the first input that tells a survivor apart is
// then the smallest, the gap's suggested test).
func withDeclared(p *judge.Problem, declared, near [][]byte) [][]byte {
	own := map[string]bool{}
	for _, t := range p.Tests {
		own[string(t.Input)] = true
		if p.Mode == judge.Function {
			own[string(canonical(t.Input))] = true
		}
	}
	seen := map[string]bool{}
	var out [][]byte
	for _, list := range [][][]byte{declared, near} {
		for _, b := range list {
			key := inputKey(p, b)
			if own[string(b)] || own[key] || seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return smaller(out[i], out[j]) })
	return out
}

// inputKey identifies an input whatever its JSON spacing (function mode).
func inputKey(p *judge.Problem, b []byte) string {
	if p.Mode == judge.Function {
		if c := canonical(b); c != nil {
			return string(c)
		}
	}
	return string(b)
}

// countIn is how many of cands are among declared.
func countIn(p *judge.Problem, cands, declared [][]byte) int {
	set := map[string]bool{}
	for _, d := range declared {
		set[inputKey(p, d)] = true
	}
	n := 0
	for _, c := range cands {
		if set[inputKey(p, c)] {
			n++
		}
	}
	return n
}
