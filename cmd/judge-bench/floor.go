package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"

	"github.com/judge-dev/judge/judge"
)

// floorDriver runs every test of a problem in one python3 on the host, in a loop: no container,
// no fork, no harness, no checking. It is the physical limit of a judging, the row the others
// are measured against. Function mode calls the function on each test's JSON arguments; stdio
// mode runs the program once per test with stdin and stdout swapped for in-memory files.
const floorDriver = `
import io, json, sys
src, mode, name = %s, %q, %q
tests = json.loads(sys.stdin.read())
code = compile(src, "solution.py", "exec")
real_out = sys.stdout
done = 0
if mode == "function":
    g = {"__name__": "solution"}
    exec(code, g)
    f = g.get(name) or getattr(g["Solution"](), name)
    for t in tests:
        json.dumps(f(*json.loads(t)))
        done += 1
else:
    for t in tests:
        sys.stdin = io.TextIOWrapper(io.BytesIO(t.encode()))
        sys.stdout = io.TextIOWrapper(io.BytesIO())
        exec(code, {"__name__": "__main__"})
        sys.stdout.flush()
        done += 1
    sys.stdout = real_out
real_out.write(str(done))
`

// floorRun returns one judging of the subject's tests by floorDriver.
func floorRun(s subject) (func(context.Context) error, error) {
	src, err := json.Marshal(string(s.sub.Source))
	if err != nil {
		return nil, err
	}
	name := ""
	if s.p.Function != nil {
		name = s.p.Function.Name
	}
	mode := "stdio"
	if s.p.Mode == judge.Function {
		mode = "function"
	}
	inputs := make([]string, len(s.p.Tests))
	for i, t := range s.p.Tests {
		inputs[i] = string(t.Input)
	}
	in, err := json.Marshal(inputs)
	if err != nil {
		return nil, err
	}
	program := fmt.Sprintf(floorDriver, src, mode, name)
	return func(ctx context.Context) error {
		cmd := exec.CommandContext(ctx, "python3", "-S", "-c", program)
		var out, stderr bytes.Buffer
		cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(in), &out, &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("floor: python3 on the host: %w: %s", err, strings.TrimSpace(stderr.String()))
		}
		if got := strings.TrimSpace(out.String()); got != fmt.Sprint(len(inputs)) {
			return fmt.Errorf("floor: ran %s of %d tests", got, len(inputs))
		}
		return nil
	}, nil
}

// floor measures floorRun like a mode: one at a time, then a batch.
func floor(ctx context.Context, log io.Writer, s subject, samples, batch, conc int, until time.Time) (result, error) {
	r := result{mode: "floor", what: "one python3 on the host, every test in a loop", conc: conc}
	run, err := floorRun(s)
	if err != nil {
		return r, err
	}
	fmt.Fprintf(log, "  %s / floor: %s one at a time, then %s at once (%d in parallel)\n", s.name, upTo(samples, until), upTo(batch, until), conc)
	return r, timeRuns(ctx, &r, run, samples, batch, conc, until)
}
