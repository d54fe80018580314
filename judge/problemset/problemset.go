// Package problemset reads problem packages (Kattis / ICPC Problem Package Format plus the
// judge's function-mode extension) from a directory tree or an embedded file system. It is the
// only package that parses YAML. It must never follow a link out of a problem directory and never
// hand hidden data to anything but the judge.
package problemset

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
)

// Set is a folder of problem packages.
type Set struct {
	fsys fs.FS
	// dir is the folder on disk, "" for an embedded set; links are checked only on disk.
	dir  string
	name string // shown in errors
}

// Embedded returns the set shipped inside the binary.
func Embedded(fsys fs.FS) *Set { return &Set{fsys: fsys, name: "built-in problems"} }

// Dir returns the set in a folder on disk.
func Dir(dir string) *Set { return &Set{fsys: os.DirFS(dir), dir: dir, name: dir} }

// Summary is what `judge problems list` shows.
type Summary struct {
	ID         string        `json:"id"`
	Name       string        `json:"name"`
	Mode       judge.Mode    `json:"mode"`
	Difficulty string        `json:"difficulty"`
	Time       time.Duration `json:"-"`
	MemoryMiB  int           `json:"memory_mib"`
	OutputMiB  int           `json:"output_mib"`
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// ValidID reports whether s can name a problem: no slashes, no dot-dot, no surprises.
func ValidID(s string) bool { return idPattern.MatchString(s) && !strings.Contains(s, "..") }

// List returns a summary of every problem in the set, sorted by id.
func (s *Set) List() ([]Summary, error) {
	entries, err := fs.ReadDir(s.fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("list problems in %s: %w", s.name, err)
	}
	var out []Summary
	for _, e := range entries {
		if !e.IsDir() || !ValidID(e.Name()) {
			continue
		}
		if _, err := fs.Stat(s.fsys, path.Join(e.Name(), "problem.yaml")); err != nil {
			continue
		}
		p, err := s.meta(e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Summary{ID: p.ID, Name: p.Name, Mode: p.Mode, Difficulty: p.Difficulty,
			Time: p.Limits.Time, MemoryMiB: p.Limits.MemoryMiB, OutputMiB: p.Limits.OutputMiB})
	}
	return out, nil
}

// Load reads one whole problem: metadata, statement, tests, validators and submissions.
func (s *Set) Load(id string) (*judge.Problem, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("load problem %q: not a problem id (letters, digits, '-', '_' and '.'): %w", id, judge.ErrBadInput)
	}
	if _, err := fs.Stat(s.fsys, path.Join(id, "problem.yaml")); err != nil {
		return nil, fmt.Errorf("load problem %q: no such problem in %s (see `judge problems list`): %w", id, s.name, judge.ErrBadInput)
	}
	sub, err := fs.Sub(s.fsys, id)
	if err != nil {
		return nil, err
	}
	dir := ""
	if s.dir != "" {
		dir = filepath.Join(s.dir, id)
	}
	return load(sub, dir, id)
}

// LoadDir reads the problem package in a folder on disk; its id is the folder's name.
func LoadDir(dir string) (*judge.Problem, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(abs, "problem.yaml")); err != nil {
		return nil, fmt.Errorf("load problem %s: no problem.yaml there: %w", dir, judge.ErrBadInput)
	}
	return load(os.DirFS(abs), abs, filepath.Base(abs))
}

func (s *Set) meta(id string) (*judge.Problem, error) {
	sub, err := fs.Sub(s.fsys, id)
	if err != nil {
		return nil, err
	}
	p := &judge.Problem{ID: id}
	if err := readMeta(sub, p); err != nil {
		return nil, err
	}
	return p, nil
}

// yamlProblem is problem.yaml. Keys the judge does not use (author, source, license, uuid, ...)
// are ignored, as Kattis tools do.
type yamlProblem struct {
	Name       string `yaml:"name"`
	Difficulty string `yaml:"difficulty"`
	Type       string `yaml:"type"`
	Limits     struct {
		Time      float64 `yaml:"time"`
		TimeLimit float64 `yaml:"time_limit"`
		Memory    int     `yaml:"memory"`
		Output    int     `yaml:"output"`
	} `yaml:"limits"`
	Validation     string          `yaml:"validation"`
	ValidatorFlags string          `yaml:"validator_flags"`
	Function       *yamlFunction   `yaml:"function"`
	Forbidden      judge.Forbidden `yaml:"forbidden"`
}

type yamlFunction struct {
	Name    string   `yaml:"name"`
	Params  []string `yaml:"params"`
	Returns string   `yaml:"returns"`
}

// Kattis defaults where problem.yaml says nothing.
const (
	defaultMemoryMiB = 2048
	defaultOutputMiB = 8
	defaultTime      = time.Second
)

var pyIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func readMeta(fsys fs.FS, p *judge.Problem) error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("problem %s: problem.yaml: %s: %w", p.ID, fmt.Sprintf(format, a...), judge.ErrBadInput)
	}
	b, err := fs.ReadFile(fsys, "problem.yaml")
	if err != nil {
		return bad("%v", err)
	}
	var y yamlProblem
	if err := yaml.Unmarshal(b, &y); err != nil {
		return bad("%v", err)
	}
	p.Name = strings.TrimSpace(y.Name)
	p.Difficulty = y.Difficulty
	p.Limits = judge.Limits{MemoryMiB: defaultMemoryMiB, OutputMiB: defaultOutputMiB, Time: defaultTime}
	switch {
	case y.Limits.Time < 0 || y.Limits.TimeLimit < 0 || y.Limits.Memory < 0 || y.Limits.Output < 0:
		return bad("limits must not be negative")
	case y.Limits.Time > 0:
		p.Limits.Time = seconds(y.Limits.Time)
	case y.Limits.TimeLimit > 0:
		p.Limits.Time = seconds(y.Limits.TimeLimit)
	default:
		// problemtools writes the computed limit to .timelimit.
		if t, err := fs.ReadFile(fsys, ".timelimit"); err == nil {
			if f, err := strconv.ParseFloat(strings.TrimSpace(string(t)), 64); err == nil && f > 0 {
				p.Limits.Time = seconds(f)
			}
		}
	}
	// Also catches what a float cannot make into a duration (1e300, .inf: negative after the
	// conversion) and a limit that rounds down to nothing.
	if p.Limits.Time < time.Millisecond || p.Limits.Time > 60*time.Second {
		return bad("time limit must be between 1 ms and 60 s")
	}
	if y.Limits.Memory > 0 {
		p.Limits.MemoryMiB = y.Limits.Memory
	}
	if y.Limits.Output > 0 {
		p.Limits.OutputMiB = y.Limits.Output
	}
	if p.Limits.MemoryMiB < 16 || p.Limits.MemoryMiB > 8192 {
		return bad("memory limit %d MiB is outside 16..8192", p.Limits.MemoryMiB)
	}
	if p.Limits.OutputMiB > 256 {
		return bad("output limit %d MiB is over 256", p.Limits.OutputMiB)
	}
	p.Validation.Flags = strings.Fields(y.ValidatorFlags)
	switch y.Validation {
	case "", "default", "custom":
	default:
		return bad("validation %q is not supported (default or custom; interactive problems are not)", y.Validation)
	}
	switch y.Type {
	case "", "stdio", "pass-fail":
		p.Mode = judge.Stdio
		if y.Function != nil {
			return bad("function: given but type is not function")
		}
	case "function":
		p.Mode = judge.Function
		if y.Function == nil || !pyIdent.MatchString(y.Function.Name) {
			return bad("type function needs function.name, a Python identifier")
		}
		f := &judge.FunctionSpec{Name: y.Function.Name, Params: y.Function.Params, Returns: y.Function.Returns}
		if f.Returns == "" {
			f.Returns = "json"
		}
		if f.Params == nil {
			f.Params = []string{}
		}
		for _, a := range append(append([]string{}, f.Params...), f.Returns) {
			if !judge.Adapters[a] {
				return bad("unknown adapter %q (json, ListNode, TreeNode)", a)
			}
		}
		p.Function = f
	default:
		return bad("type %q is not stdio or function", y.Type)
	}
	for _, s := range y.Forbidden.Syntax {
		if !judge.ForbiddenSyntax[s] {
			return bad("forbidden.syntax %q is not one of slice, in", s)
		}
	}
	p.Forbidden = y.Forbidden
	if y.Validation == "custom" {
		prog, err := readProgram(fsys, "output_validators")
		if err != nil {
			return bad("validation custom: %v", err)
		}
		p.Validation.Validator = prog
	}
	return nil
}

func seconds(f float64) time.Duration { return time.Duration(f * float64(time.Second)) }

func load(fsys fs.FS, dir, id string) (*judge.Problem, error) {
	if dir != "" {
		if err := checkLinks(dir); err != nil {
			return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
		}
	}
	p := &judge.Problem{ID: id}
	if err := readMeta(fsys, p); err != nil {
		return nil, err
	}
	p.Statement = readStatement(fsys)
	if p.Name == "" {
		p.Name = titleOf(p.Statement, id)
	}
	if b, err := fs.ReadFile(fsys, "starter.py"); err == nil {
		p.Starter = b
	}
	var err error
	if p.Tests, err = readTests(fsys); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	if len(p.Tests) == 0 {
		return nil, fmt.Errorf("problem %s: no tests under data/sample or data/secret: %w", id, judge.ErrBadInput)
	}
	if prog, err := readProgram(fsys, "input_validators"); err == nil {
		p.InputValidator = prog
	}
	if p.Submissions, err = readSubmissions(fsys); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	if p.Ladder, err = readLadder(fsys); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	return p, nil
}

// yamlLadder is ladder/ladder.yaml (docs/problem-format.md).
type yamlLadder struct {
	Expected struct {
		Good  string `yaml:"good"`
		Naive string `yaml:"naive"`
	} `yaml:"expected"`
	Repeats int `yaml:"repeats"`
}

var rungName = regexp.MustCompile(`^n([0-9]{1,9})\.in$`)

// readLadder reads ladder/: ladder.yaml and one n<SIZE>.in per rung; nil without ladder/.
func readLadder(fsys fs.FS) (*judge.Ladder, error) {
	b, err := fs.ReadFile(fsys, "ladder/ladder.yaml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("ladder: %v", err)
	}
	var y yamlLadder
	if err := yaml.Unmarshal(b, &y); err != nil {
		return nil, fmt.Errorf("ladder/ladder.yaml: %v", err)
	}
	for _, c := range []string{y.Expected.Good, y.Expected.Naive} {
		if _, err := complexity.ParseClass(c); err != nil {
			return nil, fmt.Errorf("ladder/ladder.yaml: expected: %v", err)
		}
	}
	if y.Repeats < 0 || y.Repeats > 20 {
		return nil, fmt.Errorf("ladder/ladder.yaml: repeats %d is outside 1..20", y.Repeats)
	}
	l := &judge.Ladder{Good: y.Expected.Good, Naive: y.Expected.Naive, Repeats: max(1, y.Repeats)}
	entries, err := fs.ReadDir(fsys, "ladder")
	if err != nil {
		return nil, fmt.Errorf("ladder: %v", err)
	}
	for _, e := range entries {
		m := rungName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		in, err := fs.ReadFile(fsys, "ladder/"+e.Name())
		if err != nil {
			return nil, fmt.Errorf("ladder: %v", err)
		}
		l.Rungs = append(l.Rungs, judge.Rung{N: n, Input: in})
	}
	if len(l.Rungs) < 4 {
		return nil, fmt.Errorf("ladder: %d rungs (ladder/n<SIZE>.in), need at least 4 to fit a class", len(l.Rungs))
	}
	slices.SortFunc(l.Rungs, func(a, b judge.Rung) int { return a.N - b.N })
	return l, nil
}

// checkLinks refuses a problem directory holding a link that leads outside it: a package must
// not make the judge read (and then show or feed) files from elsewhere on the host.
func checkLinks(dir string) error {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return err
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return fmt.Errorf("%s: broken link", p)
		}
		if target != root && !strings.HasPrefix(target, root+string(filepath.Separator)) {
			return fmt.Errorf("%s is a link to %s, outside the problem directory", p, target)
		}
		return nil
	})
}

var statementFiles = []string{
	"problem_statement/problem.en.md", "problem_statement/problem.md",
	"statement/problem.en.md", "statement/problem.md", "problem.md",
	"problem_statement/problem.en.tex", "problem_statement/problem.tex",
}

func readStatement(fsys fs.FS) string {
	for _, name := range statementFiles {
		if b, err := fs.ReadFile(fsys, name); err == nil {
			return string(b)
		}
	}
	return ""
}

func titleOf(statement, id string) string {
	for _, line := range strings.Split(statement, "\n") {
		if t, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(strings.TrimSpace(line), `\problemname{`); ok {
			return strings.TrimSuffix(strings.TrimSpace(t), "}")
		}
	}
	return id
}

// readTests reads data/sample then data/secret, each in sorted path order (Kattis order).
func readTests(fsys fs.FS) ([]judge.Test, error) {
	var tests []judge.Test
	for _, top := range []string{"sample", "secret"} {
		root := path.Join("data", top)
		var ins []string
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == root {
					return fs.SkipDir
				}
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".in") {
				ins = append(ins, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(ins)
		for _, in := range ins {
			base := strings.TrimSuffix(in, ".in")
			input, err := fs.ReadFile(fsys, in)
			if err != nil {
				return nil, err
			}
			answer, err := fs.ReadFile(fsys, base+".ans")
			if err != nil {
				return nil, fmt.Errorf("test %s has no .ans file", in)
			}
			group := path.Dir(strings.TrimPrefix(base, "data/"))
			tests = append(tests, judge.Test{
				Name:   strings.TrimPrefix(base, "data/"),
				Group:  group,
				Sample: top == "sample",
				Input:  input,
				Answer: answer,
			})
		}
	}
	return tests, nil
}

// readProgram reads a Python program from dir: either dir/<name>/ (one program folder) or .py
// files directly in dir. The entry is the only .py file, or validate.py, main.py or <name>.py.
func readProgram(fsys fs.FS, dir string) (*judge.Program, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	progDir, name := dir, path.Base(dir)
	var subdirs []string
	hasPy := false
	for _, e := range entries {
		if e.IsDir() {
			subdirs = append(subdirs, e.Name())
		} else if strings.HasSuffix(e.Name(), ".py") {
			hasPy = true
		}
	}
	if !hasPy {
		if len(subdirs) != 1 {
			return nil, fmt.Errorf("%s: want one program (a .py file or one folder), found %d folders", dir, len(subdirs))
		}
		progDir, name = path.Join(dir, subdirs[0]), subdirs[0]
	}
	files := map[string][]byte{}
	var pys []string
	err = fs.WalkDir(fsys, progDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, progDir+"/")
		files[rel] = b
		if strings.HasSuffix(rel, ".py") && !strings.Contains(rel, "/") {
			pys = append(pys, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	entry := ""
	if len(pys) == 1 {
		entry = pys[0]
	} else {
		for _, want := range []string{"validate.py", "main.py", name + ".py"} {
			if _, ok := files[want]; ok {
				entry = want
				break
			}
		}
	}
	if entry == "" {
		return nil, fmt.Errorf("%s: no Python program (want validate.py, main.py or a single .py file)", progDir)
	}
	return &judge.Program{Entry: entry, Files: files}, nil
}

func readSubmissions(fsys fs.FS) ([]judge.PackageSubmission, error) {
	entries, err := fs.ReadDir(fsys, "submissions")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var subs []judge.PackageSubmission
	for _, e := range entries {
		want, ok := judge.FolderVerdict(e.Name())
		if !e.IsDir() || !ok {
			continue
		}
		files, err := fs.ReadDir(fsys, path.Join("submissions", e.Name()))
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if f.IsDir() || !strings.HasSuffix(f.Name(), ".py") {
				continue
			}
			p := path.Join("submissions", e.Name(), f.Name())
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil, err
			}
			subs = append(subs, judge.PackageSubmission{Path: p, Expected: want, Source: b})
		}
	}
	return subs, nil
}
