// Package scaffold lays out a new problem package in the judge's format (judge new): every file
// a shipped problem has, filled with a small placeholder problem that passes judge verify as it
// stands, and TODO markers where the author's own problem goes. It returns files; it never
// writes to disk or runs anything.
package scaffold

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/judge-dev/judge/judge"
)

// Spec says what to scaffold.
type Spec struct {
	ID string
	// Function is "name(param, param: Adapter, ...)" for a function-mode problem; "" is stdio.
	Function string
}

// Param is one parameter of the function.
type Param struct{ Name, Adapter string }

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	namePattern  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	funcPattern  = regexp.MustCompile(`^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\((.*)\)\s*$`)
	pythonReserv = map[string]bool{"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
		"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true, "del": true,
		"elif": true, "else": true, "except": true, "finally": true, "for": true, "from": true, "global": true,
		"if": true, "import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true,
		"or": true, "pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true}
)

// ParseFunction reads "name(a, b: ListNode)" into the function's name and parameters; a
// parameter without an adapter takes JSON.
func ParseFunction(sig string) (string, []Param, error) {
	m := funcPattern.FindStringSubmatch(sig)
	if m == nil {
		return "", nil, fmt.Errorf("--function %q: want name(param, ...), e.g. two_sum(nums, target): %w", sig, judge.ErrBadInput)
	}
	name := m[1]
	if pythonReserv[name] {
		return "", nil, fmt.Errorf("--function: %q is a Python keyword: %w", name, judge.ErrBadInput)
	}
	var params []Param
	seen := map[string]bool{}
	if strings.TrimSpace(m[2]) != "" {
		for _, f := range strings.Split(m[2], ",") {
			pname, adapter, _ := strings.Cut(f, ":")
			pname, adapter = strings.TrimSpace(pname), strings.TrimSpace(adapter)
			if adapter == "" {
				adapter = "json"
			}
			if !namePattern.MatchString(pname) || pythonReserv[pname] {
				return "", nil, fmt.Errorf("--function: bad parameter name %q: %w", pname, judge.ErrBadInput)
			}
			if seen[pname] {
				return "", nil, fmt.Errorf("--function: parameter %q twice: %w", pname, judge.ErrBadInput)
			}
			seen[pname] = true
			if !judge.Adapters[adapter] {
				return "", nil, fmt.Errorf("--function: parameter %s: unknown adapter %q (want one of json, ListNode, TreeNode): %w", pname, adapter, judge.ErrBadInput)
			}
			params = append(params, Param{pname, adapter})
		}
	}
	if len(params) == 0 {
		return "", nil, fmt.Errorf("--function %q: the function needs at least one parameter: %w", sig, judge.ErrBadInput)
	}
	return name, params, nil
}

// Files returns the package's files, path (slash-separated, relative to the package) to content.
func Files(s Spec) (map[string]string, error) {
	if !idPattern.MatchString(s.ID) {
		return nil, fmt.Errorf("new: problem id %q: use lower-case letters, digits and '-' (e.g. two-sum): %w", s.ID, judge.ErrBadInput)
	}
	title := titleOf(s.ID)
	if s.Function == "" {
		return stdioFiles(s.ID, title), nil
	}
	name, params, err := ParseFunction(s.Function)
	if err != nil {
		return nil, err
	}
	return functionFiles(s.ID, title, name, params), nil
}

// ToFill lists what the author must replace, for judge new to print.
func ToFill(files map[string]string) []string {
	var out []string
	for p, c := range files {
		if strings.Contains(c, "TODO") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func titleOf(id string) string {
	words := strings.Split(id, "-")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

func yamlFile(title, extra string) string {
	return `# TODO: the problem's title, difficulty (easy, medium, hard) and limits. time is CPU seconds per
# test (judge calibrate derives the limit used on each machine from submissions/accepted/);
# memory and output are MiB.
name: ` + title + `
difficulty: easy
limits:
  time: 1
  memory: 256
  output: 8
validation: default
` + extra
}

const limitsLine = "Time limit: 1 second (CPU) per test. Memory limit: 256 MiB.\n"

func functionFiles(id, title, name string, params []Param) map[string]string {
	var names, adapters, sigParts []string
	for _, p := range params {
		names = append(names, p.Name)
		adapters = append(adapters, p.Adapter)
		sigParts = append(sigParts, p.Name)
	}
	sig := fmt.Sprintf("def %s(%s):", name, strings.Join(sigParts, ", "))
	first := params[0].Name
	extra := fmt.Sprintf(`type: function
function:
  name: %s
  params: [%s]
  returns: json
# Names a submission may not use (calls, methods, modules, syntax: slice, in); see
# docs/problem-format.md. Remove what you do not need.
forbidden:
  calls: []
`, name, strings.Join(adapters, ", "))
	// The placeholder problem: return the first argument unchanged (a ListNode or TreeNode as the
	// list of its values, in order or preorder: [1, 2, 3] either way).
	body := "    return " + first + "\n"
	switch params[0].Adapter {
	case "ListNode":
		body = fmt.Sprintf("    out = []\n    node = %s\n    while node is not None:\n        out.append(node.val)\n        node = node.next\n    return out\n", first)
	case "TreeNode":
		body = fmt.Sprintf("    out = []\n\n    def walk(node):\n        if node is not None:\n            out.append(node.val)\n            walk(node.left)\n            walk(node.right)\n\n    walk(%s)\n    return out\n", first)
	}
	sample := placeholderArgs(params, "null")
	answer := "[1, 2, 3]"
	starter := fmt.Sprintf("%s\n    # TODO: the starter candidates see (judge init %s): the signature and a hint.\n    return None\n", sig, id)
	accepted := fmt.Sprintf("# TODO: your reference solution. The generator takes its answers from it.\n%s\n%s", sig, body)
	wrong := fmt.Sprintf("# TODO: a plausible wrong solution: judge verify checks that some hidden test gives it WA\n# (and nothing worse).\n%s\n    return []\n", sig)
	slow := fmt.Sprintf("# TODO: a correct but too slow solution: judge verify checks it gets TLE even with twice the\n# time limit, so the largest tests must separate it from the reference.\n%s\n    while True:\n        pass\n", sig)
	statement := fmt.Sprintf("# %s\n\nTODO: what the function must compute, in a few sentences.\n\nWrite the function\n\n```python\n%s\n```\n\nTODO: what it returns, and what it must raise (if anything).\n\nYou may define `%s` at module level or as a method of `class Solution`.\n\n## Constraints\n\n- TODO: the bounds of every argument (the input validator checks them).\n\n## Examples\n\n### Example 1\n\n```\n%s(%s)  ->  %s\n```\n\nTODO: why.\n\n## Starter template\n\n```python\n%s\n    # TODO\n    return None\n```\n\n%s",
		title, sig, name, name, strings.Trim(sample, "[]"), answer, sig, limitsLine)
	validator := fmt.Sprintf(`#!/usr/bin/env python3
"""Input validator for %s (Kattis protocol: exit 42 valid, 43 invalid). judge verify runs it on
every test, in the sandbox. The input is a JSON array of the arguments [%s]."""
import json
import sys


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main() -> None:
    try:
        args = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(f"not valid JSON: {e}")
    if not isinstance(args, list) or len(args) != %d:
        fail("expected a JSON array of %d argument(s)")
    # TODO: check every argument against the statement's constraints (types, sizes, ranges).
    sys.exit(42)


if __name__ == "__main__":
    main()
`, id, strings.Join(names, ", "), len(params), len(params))
	gen := generator(id, fmt.Sprintf(`def reference(args):
    """The reference's answer to one test (function mode: the JSON of its return value)."""
    ns = {"__name__": "solution"}
    path = os.path.join(ROOT, "submissions", "accepted", "reference.py")
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), ns)
    fn = ns["%s"] if "%s" in ns else getattr(ns["Solution"](), "%s")
    return json.dumps(fn(*args)) + "\n"


def build():
    """(folder, name, args) of every test. TODO: edge cases first, then random ones, then the
    largest the constraints allow (they separate the reference from the slow solution)."""
    tests = [("sample", "01-example", %s)]
    tests.append(("secret", "01-edge", %s))
    for i in range(3):
        n = rng.randint(1, 10)
        tests.append(("secret", f"02-random-{i + 1:02d}", [[rng.randint(-9, 9) for _ in range(n)]%s]))
    return tests


def encode(args):
    return json.dumps(args) + "\n"
`, name, name, name, placeholderArgs(params, "None"), placeholderArgs(params, "None"), strings.Repeat(", None", len(params)-1)))
	return map[string]string{
		"problem.yaml":                    yamlFile(title, extra),
		"problem_statement/problem.en.md": statement,
		"starter.py":                      starter,
		"data/sample/01-example.in":       sample + "\n",
		"data/sample/01-example.ans":      answer + "\n",
		"data/secret/01-edge.in":          sample + "\n",
		"data/secret/01-edge.ans":         answer + "\n",
		"generators/generate.py":          gen,
		"generators/small_inputs.py": smallInputs(`for n in range(4):
    for xs in itertools.product(range(-2, 3), repeat=n):
        print(json.dumps(` + placeholderArgs(params, "None")[:1] + `list(xs)` + strings.Repeat(", None", len(params)-1) + `]))`),
		"input_validators/validate.py":            validator,
		"submissions/accepted/reference.py":       accepted,
		"submissions/wrong_answer/wrong.py":       wrong,
		"submissions/time_limit_exceeded/slow.py": slow,
		"NOTES.md": notes(title),
	}
}

// placeholderArgs are the placeholder test's arguments: [1, 2, 3] first, then null (JSON) or
// None (Python) for the rest.
func placeholderArgs(params []Param, null string) string {
	args := []string{"[1, 2, 3]"}
	for range params[1:] {
		args = append(args, null)
	}
	return "[" + strings.Join(args, ", ") + "]"
}

func stdioFiles(id, title string) map[string]string {
	statement := fmt.Sprintf("# %s\n\nTODO: what the program must compute, in a few sentences.\n\n## Input\n\nTODO: the input's lines and tokens.\n\n## Output\n\nTODO: what to print.\n\n## Constraints\n\n- TODO: the bounds of every value (the input validator checks them).\n\n## Examples\n\n### Example 1\n\nInput:\n\n```\n3\n```\n\nOutput:\n\n```\n6\n```\n\nTODO: why.\n\n## Starter template\n\n```python\nimport sys\n\n\ndef main() -> None:\n    n = int(sys.stdin.readline())\n    # TODO\n\n\nif __name__ == \"__main__\":\n    main()\n```\n\n%s", title, limitsLine)
	main := func(comment, body string) string {
		return comment + "import sys\n\n\ndef main() -> None:\n    n = int(sys.stdin.readline())\n" + body + "\n\nif __name__ == \"__main__\":\n    main()\n"
	}
	validator := fmt.Sprintf(`#!/usr/bin/env python3
"""Input validator for %s (Kattis protocol: exit 42 valid, 43 invalid). judge verify runs it on
every test, in the sandbox."""
import sys


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main() -> None:
    try:
        text = sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError:
        fail("input is not UTF-8")
    lines = text.split("\n")
    # TODO: check every line and token against the statement's constraints.
    if len(lines) != 2 or lines[1] != "" or not lines[0].isdigit():
        fail("expected one non-negative integer and a newline")
    if not 0 <= int(lines[0]) <= 10**6:
        fail("n out of range")
    sys.exit(42)


if __name__ == "__main__":
    main()
`, id)
	gen := generator(id, `def reference(text):
    """The reference's output for one input (stdio: run it as a program)."""
    path = os.path.join(ROOT, "submissions", "accepted", "reference.py")
    p = subprocess.run([sys.executable, path], input=text, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        sys.exit(f"reference failed: {p.stderr}")
    return p.stdout


def build():
    """(folder, name, input text) of every test. TODO: edge cases first, then random ones, then
    the largest the constraints allow (they separate the reference from the slow solution)."""
    tests = [("sample", "01-example", "3\n"), ("secret", "01-zero", "0\n")]
    for i in range(3):
        tests.append(("secret", f"02-random-{i + 1:02d}", f"{rng.randint(1, 1000)}\n"))
    return tests


def encode(text):
    return text
`)
	return map[string]string{
		"problem.yaml":                    yamlFile(title, ""),
		"problem_statement/problem.en.md": statement,
		"starter.py":                      main("", "    # TODO: the starter candidates see (judge init "+id+").\n    print(0)\n"),
		"data/sample/01-example.in":       "3\n",
		"data/sample/01-example.ans":      "6\n",
		"data/secret/01-zero.in":          "0\n",
		"data/secret/01-zero.ans":         "0\n",
		"generators/generate.py":          gen,
		"generators/small_inputs.py": smallInputs(`for n in range(1000):
    print(json.dumps(f"{n}\n"))`),
		"input_validators/validate.py": validator,
		"submissions/accepted/reference.py": main("# TODO: your reference solution (the placeholder prints 0 + 1 + ... + n).\n",
			"    print(n * (n + 1) // 2)\n"),
		"submissions/wrong_answer/wrong.py": main("# TODO: a plausible wrong solution: judge verify checks that some hidden test gives it WA.\n",
			"    print(n * (n - 1) // 2)\n"),
		"submissions/time_limit_exceeded/slow.py": main("# TODO: a correct but too slow solution: judge verify checks it gets TLE even with twice\n# the time limit.\n",
			"    while True:\n        pass\n"),
		"NOTES.md": notes(title),
	}
}

// smallInputs is generators/small_inputs.py around the loop that prints the inputs.
func smallInputs(loop string) string {
	return `#!/usr/bin/env python3
"""Small inputs for the mutation test's triage (judge verify --mutants), one JSON value a line:
in function mode the arguments array (an .in file's content), in stdio mode a string holding the
whole standard input. The triage runs every mutant that no test kills, and the reference, on
these and on inputs near the tests: a mutant that answers one of them differently is a test gap.
Enumerate every small input you can (all short lists over a few values, every n up to a bound):
near-edge inputs far from every test are what it finds here. The input validator drops those
the contract forbids; 20,000 at most. TODO: this problem's small inputs."""
import itertools
import json

` + loop + "\n"
}

func generator(id, body string) string {
	return `#!/usr/bin/env python3
"""Writes every test of ` + id + `: data/sample/*.{in,ans} and data/secret/*.{in,ans}.

Run from anywhere: python3 generators/generate.py. It is seeded, so it writes the same tests every
time; answers come from submissions/accepted/reference.py and every .in must pass
input_validators/validate.py. TODO: cross-check the answers with a second, independent solution."""
import glob
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(ROOT, "input_validators", "validate.py")

rng = random.Random(20260101)  # TODO: a seed of your own


` + body + `

def main() -> None:
    for folder in ("sample", "secret"):
        d = os.path.join(ROOT, "data", folder)
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    for folder, name, args in build():
        base = os.path.join(ROOT, "data", folder, name)
        text = encode(args)
        with open(base + ".in", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        v = subprocess.run([sys.executable, VALIDATOR], input=text.encode(), capture_output=True)
        if v.returncode != 42:
            sys.exit(f"validator rejected {base}.in: {v.stderr.decode()}")
        with open(base + ".ans", "w", encoding="utf-8", newline="\n") as f:
            f.write(reference(args))
        print(f"{folder}/{name}")


if __name__ == "__main__":
    main()
`
}

func notes(title string) string {
	return "# " + title + ": notes\n\nTODO: where the tests come from (generators/generate.py), the slowest accepted test, what each\nwrong and slow submission fails on, and the mutation table of `judge verify --mutants`.\n"
}
