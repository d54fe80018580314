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

// Meta reads what problem.yaml says of one problem (limits, mode, validation and its
// validator's program) and its title, without its tests or submissions.
func (s *Set) Meta(id string) (*judge.Problem, error) {
	if !ValidID(id) {
		return nil, fmt.Errorf("problem %q: not a problem id: %w", id, judge.ErrBadInput)
	}
	return s.meta(id)
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
	if p.Name == "" {
		p.Name = titleOf(readStatement(sub), id) // as load names it
	}
	return p, nil
}

// yamlProblem is problem.yaml, both format versions. Keys the judge does not use (author,
// source, license, uuid, ...) are ignored in legacy packages, as Kattis tools do; a 2023-07
// package may hold only the keys its specification lists (formatKeys2023).
type yamlProblem struct {
	FormatVersion string    `yaml:"problem_format_version"`
	Name          yaml.Node `yaml:"name"` // a string, or (2023-07) a map of languages
	Difficulty    string    `yaml:"difficulty"`
	Type          yaml.Node `yaml:"type"` // a string, or (2023-07) a sequence of strings
	Limits        struct {
		Time      float64 `yaml:"time"`
		TimeLimit float64 `yaml:"time_limit"`
		Memory    int     `yaml:"memory"`
		Output    int     `yaml:"output"`
		// legacy
		TimeMultiplier   float64 `yaml:"time_multiplier"`
		TimeSafetyMargin float64 `yaml:"time_safety_margin"`
		// 2023-07
		TimeMultipliers struct {
			ACToTimeLimit  float64 `yaml:"ac_to_time_limit"`
			TimeLimitToTLE float64 `yaml:"time_limit_to_tle"`
		} `yaml:"time_multipliers"`
		ValidationPasses int `yaml:"validation_passes"`
	} `yaml:"limits"`
	Validation     string `yaml:"validation"`
	ValidatorFlags string `yaml:"validator_flags"`
	// ValidatorFunction (the judge's extension): the custom output validator is this function
	// of its entry module, called per test (judge.Program.Function).
	ValidatorFunction string          `yaml:"validator_function"`
	Languages         yaml.Node       `yaml:"languages"`
	Function          *yamlFunction   `yaml:"function"`
	Forbidden         judge.Forbidden `yaml:"forbidden"`
}

type yamlFunction struct {
	Name    string   `yaml:"name"`
	Params  []string `yaml:"params"`
	Returns string   `yaml:"returns"`
}

// Format versions the judge reads.
const (
	formatLegacy = "legacy"
	format2023   = "2023-07-draft"
)

// formatKeys2023 are the top-level keys of a 2023-07 problem.yaml (its specification: "any
// unknown keys should be treated as an error"), plus the judge's own extension keys and the
// legacy validation keys, which mean here what they mean in a legacy package.
var formatKeys2023 = map[string]bool{
	"problem_format_version": true, "type": true, "name": true, "uuid": true, "version": true,
	"credits": true, "source": true, "license": true, "rights_owner": true, "embargo_until": true,
	"limits": true, "keywords": true, "languages": true, "allow_file_writing": true, "constants": true,
	"difficulty": true, "function": true, "forbidden": true, "validation": true, "validator_flags": true,
	"validator_function": true,
}

// limitKeys2023 are the keys of a 2023-07 limits map.
var limitKeys2023 = map[string]bool{
	"time_multipliers": true, "time_limit": true, "time_resolution": true, "memory": true, "output": true,
	"code": true, "compilation_time": true, "compilation_memory": true, "validation_time": true,
	"validation_memory": true, "validation_output": true, "validation_passes": true,
	"time": true, // the judge's extension, as in legacy packages
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
	switch y.FormatVersion {
	case "", formatLegacy, "legacy-icpc":
		p.Format = formatLegacy
	case format2023, "2023-07":
		p.Format = format2023
		if err := checkKeys2023(b); err != nil {
			return bad("%v", err)
		}
	default:
		return bad("problem_format_version %q is not supported (legacy or 2023-07-draft)", y.FormatVersion)
	}
	if p.Name, err = problemName(&y.Name); err != nil {
		return bad("name: %v", err)
	}
	p.Difficulty = y.Difficulty
	if err := readLanguages(&y.Languages); err != nil {
		return bad("languages: %v", err)
	}
	p.Limits = judge.Limits{MemoryMiB: defaultMemoryMiB, OutputMiB: defaultOutputMiB, Time: defaultTime}
	lim := y.Limits
	switch {
	case lim.Time < 0 || lim.TimeLimit < 0 || lim.Memory < 0 || lim.Output < 0:
		return bad("limits must not be negative")
	case lim.Time > 0:
		p.Limits.Time = seconds(lim.Time)
	case lim.TimeLimit > 0:
		p.Limits.Time = seconds(lim.TimeLimit)
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
	if lim.Memory > 0 {
		p.Limits.MemoryMiB = lim.Memory
	}
	if lim.Output > 0 {
		p.Limits.OutputMiB = lim.Output
	}
	if p.Limits.MemoryMiB < 16 || p.Limits.MemoryMiB > 8192 {
		return bad("memory limit %d MiB is outside 16..8192", p.Limits.MemoryMiB)
	}
	if p.Limits.OutputMiB > 256 {
		return bad("output limit %d MiB is over 256", p.Limits.OutputMiB)
	}
	p.Margins = judge.Margins{ACToTimeLimit: lim.TimeMultiplier, TimeLimitToTLE: lim.TimeSafetyMargin}
	if m := lim.TimeMultipliers; m.ACToTimeLimit != 0 || m.TimeLimitToTLE != 0 {
		p.Margins = judge.Margins{ACToTimeLimit: m.ACToTimeLimit, TimeLimitToTLE: m.TimeLimitToTLE}
	}
	if m := p.Margins; (m.ACToTimeLimit != 0 && (m.ACToTimeLimit < 1 || m.ACToTimeLimit > 100)) ||
		(m.TimeLimitToTLE != 0 && (m.TimeLimitToTLE < 1 || m.TimeLimitToTLE > 100)) {
		return bad("time multipliers must be between 1 and 100")
	}

	types, err := problemTypes(&y.Type)
	if err != nil {
		return bad("type: %v", err)
	}
	scoring, interactive, multipass := false, false, false
	p.Mode = judge.Stdio
	for _, t := range types {
		switch t {
		case "", "stdio", "pass-fail":
		case "scoring":
			scoring = true
		case "function":
			p.Mode = judge.Function
		case "interactive":
			interactive = true
		case "multi-pass":
			multipass = true
		case "submit-answer":
			return bad("type %s is not supported by this judge (docs/problem-format.md lists what is)", t)
		default:
			return bad("type %q is not one of pass-fail, scoring (or the judge's stdio, function)", t)
		}
	}
	if p.Mode == judge.Function {
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
	} else if y.Function != nil {
		return bad("function: given but type is not function")
	}
	if scoring {
		// Marks the problem as scoring; readTestData builds the tree once the tests are read.
		p.Scoring = &judge.ScoreNode{Test: -1}
	}
	for _, s := range y.Forbidden.Syntax {
		if !judge.ForbiddenSyntax[s] {
			return bad("forbidden.syntax %q is not one of slice, in", s)
		}
	}
	p.Forbidden = y.Forbidden

	p.Validation.Flags = strings.Fields(y.ValidatorFlags)
	custom := false
	switch strings.Join(strings.Fields(y.Validation), " ") {
	case "", "default":
	case "custom":
		custom = true
	case "custom interactive":
		custom, interactive = true, true
	case "custom score":
		custom, p.Validation.CustomScore, p.Validation.ScoreRequired = true, true, true
	case "custom interactive score", "custom score interactive":
		custom, interactive, p.Validation.CustomScore, p.Validation.ScoreRequired = true, true, true, true
	default:
		return bad("validation %q is not default or custom", y.Validation)
	}
	if p.Validation.CustomScore && !scoring {
		return bad("validation %q: a validator's score.txt needs a scoring problem (type: scoring)", y.Validation)
	}
	if interactive && p.Mode == judge.Function {
		return bad("an interactive problem talks through standard input and output: type function does not go with it")
	}
	// A 2023-07 package has a custom validator when it has output_validator/.
	dir := "output_validators"
	if p.Format == format2023 {
		if _, err := fs.Stat(fsys, "output_validator"); err == nil {
			custom, dir = true, "output_validator"
		}
	}
	if custom {
		prog, err := readProgram(fsys, dir)
		if err != nil {
			return bad("custom output validator: %v", err)
		}
		p.Validation.Validator = prog
	}
	if f := strings.TrimSpace(y.ValidatorFunction); f != "" {
		switch {
		case !custom:
			return bad("validator_function %q: the problem has no custom output validator (validation: custom)", f)
		case p.Validation.Validator.Compiled():
			return bad("validator_function %q: a function is Python; the output validator is %s", f, p.Validation.Validator.Lang)
		case interactive, multipass, p.Validation.CustomScore:
			return bad("validator_function %q: an interactive, multi-pass or custom-score validator talks through files and streams; it must be a program", f)
		case len(p.Validation.Flags) > 0:
			return bad("validator_function %q: validator_flags are a validator program's arguments; a function takes none", f)
		case !pyIdent.MatchString(f):
			return bad("validator_function %q is not a Python name", f)
		}
		p.Validation.Validator.Function = f
	}
	if multipass {
		if !custom {
			return bad("a multi-pass problem needs its output validator (output_validator/), which writes each next pass's input")
		}
		p.Passes = 2
		if n := lim.ValidationPasses; n != 0 {
			if n < 2 || n > 100 {
				return bad("limits.validation_passes %d: want 2..100", n)
			}
			p.Passes = n
		}
	} else if lim.ValidationPasses != 0 {
		return bad("limits.validation_passes is given but the problem's type is not multi-pass")
	}
	if interactive {
		if !custom {
			return bad("an interactive problem needs its output validator (output_validator/ in 2023-07, output_validators/<name>/ in legacy), which talks with the submission")
		}
		p.Validation.Interactive = true
	}
	return nil
}

// checkKeys2023 refuses a 2023-07 problem.yaml key the specification does not define, naming it.
func checkKeys2023(b []byte) error {
	var m struct {
		Top    map[string]yaml.Node `yaml:",inline"`
		Limits map[string]yaml.Node `yaml:"limits"`
	}
	if err := yaml.Unmarshal(b, &m); err != nil {
		return err
	}
	for k := range m.Top {
		if !formatKeys2023[k] {
			return fmt.Errorf("key %q is not a problem.yaml key of format 2023-07-draft", k)
		}
	}
	for k := range m.Limits {
		if !limitKeys2023[k] {
			return fmt.Errorf("limits.%s is not a limit of format 2023-07-draft", k)
		}
	}
	return nil
}

// problemName reads name: a string, or a map of language codes to names (2023-07), of which the
// English one is taken, else the first by language code.
func problemName(n *yaml.Node) (string, error) {
	switch n.Kind {
	case 0:
		return "", nil
	case yaml.ScalarNode:
		return strings.TrimSpace(n.Value), nil
	case yaml.MappingNode:
		var m map[string]string
		if err := n.Decode(&m); err != nil {
			return "", err
		}
		if en, ok := m["en"]; ok {
			return strings.TrimSpace(en), nil
		}
		langs := make([]string, 0, len(m))
		for k := range m {
			langs = append(langs, k)
		}
		sort.Strings(langs)
		if len(langs) == 0 {
			return "", errors.New("an empty map")
		}
		return strings.TrimSpace(m[langs[0]]), nil
	}
	return "", errors.New("want a string or a map of languages to names")
}

// problemTypes reads type: a string or a sequence of strings (2023-07).
func problemTypes(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case 0:
		return []string{""}, nil
	case yaml.ScalarNode:
		return []string{n.Value}, nil
	case yaml.SequenceNode:
		var ts []string
		if err := n.Decode(&ts); err != nil {
			return nil, err
		}
		if len(ts) == 0 {
			return nil, errors.New("an empty sequence")
		}
		return ts, nil
	}
	return nil, errors.New("want a string or a sequence of strings")
}

// readLanguages refuses a package whose languages (2023-07: a string or sequence; legacy: a
// space-separated string) leave Python out: its submissions would all be refused.
func readLanguages(n *yaml.Node) error {
	var langs []string
	switch n.Kind {
	case 0:
		return nil
	case yaml.ScalarNode:
		langs = strings.Fields(strings.ReplaceAll(n.Value, ",", " "))
	case yaml.SequenceNode:
		if err := n.Decode(&langs); err != nil {
			return err
		}
	default:
		return errors.New("want a string or a sequence of strings")
	}
	for _, l := range langs {
		switch strings.ToLower(l) {
		case "all", "python", "python3":
			return nil
		}
	}
	return fmt.Errorf("%v does not include python3: this judge runs Python submissions only", langs)
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
	if b, err := fs.ReadFile(fsys, "generators/small_inputs.py"); err == nil {
		p.SmallInputs = b
	}
	var err error
	if p.Tests, err = readTests(fsys); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	if len(p.Tests) == 0 {
		return nil, fmt.Errorf("problem %s: no tests under data/sample or data/secret: %w", id, judge.ErrBadInput)
	}
	if err := readTestData(fsys, p); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	if prog, err := readProgram(fsys, "input_validators"); err == nil {
		p.InputValidator = prog
	}
	if p.Submissions, err = readSubmissions(fsys); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	if err := readSubmissionsYAML(fsys, p); err != nil {
		return nil, fmt.Errorf("problem %s: submissions/submissions.yaml: %v: %w", id, err, judge.ErrBadInput)
	}
	if p.Ladder, err = readLadder(fsys); err != nil {
		return nil, fmt.Errorf("problem %s: %v: %w", id, err, judge.ErrBadInput)
	}
	if p.Ladder != nil && p.Validation.Interactive {
		return nil, fmt.Errorf("problem %s: ladder/: an interactive problem's inputs are its validator's, not the submission's, so a size ladder cannot be climbed: %w", id, judge.ErrBadInput)
	}
	if l := p.Ladder; l != nil && l.Reference != "" && !slices.ContainsFunc(p.Submissions, func(s judge.PackageSubmission) bool {
		return s.Path == l.Reference && s.Expected == judge.Accepted
	}) {
		return nil, fmt.Errorf("problem %s: ladder/ladder.yaml: reference %q is not an accepted submission (submissions/accepted/...): %w", id, l.Reference, judge.ErrBadInput)
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
	// Reference names the accepted submission the others are compared with (default: the
	// first accepted one).
	Reference string `yaml:"reference"`
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
	l := &judge.Ladder{Good: y.Expected.Good, Naive: y.Expected.Naive, Repeats: max(1, y.Repeats), Reference: y.Reference}
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
	"problem_statement/problem.en.tex", "problem_statement/problem.tex", "statement/problem.en.tex",
}

func readStatement(fsys fs.FS) string {
	for _, name := range statementFiles {
		if b, err := fs.ReadFile(fsys, name); err == nil {
			return string(b)
		}
	}
	// 2023-07: statement/problem.<language>.md|tex, in any language.
	for _, pattern := range []string{"statement/problem.*.md", "statement/problem.*.tex", "problem_statement/problem.*.md", "problem_statement/problem.*.tex"} {
		if names, _ := fs.Glob(fsys, pattern); len(names) > 0 {
			if b, err := fs.ReadFile(fsys, names[0]); err == nil {
				return string(b)
			}
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

// readProgram reads a Python, C or C++ program from dir: either dir/<name>/ (one program folder) or .py
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
	switch {
	case hasPy:
	case len(subdirs) == 1:
		progDir, name = path.Join(dir, subdirs[0]), subdirs[0]
	case len(subdirs) == 0 && len(entries) > 0:
		// 2023-07's output_validator/ is itself the program's folder.
	default:
		return nil, fmt.Errorf("%s: want one program (a .py file or one folder), found %d folders", dir, len(subdirs))
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
		for _, want := range []string{"validate.py", "main.py", "__main__.py", name + ".py"} {
			if _, ok := files[want]; ok {
				entry = want
				break
			}
		}
	}
	if entry != "" {
		return &judge.Program{Entry: entry, Files: files, Lang: judge.LangPython}, nil
	}
	if _, ok := files["build"]; ok {
		return nil, fmt.Errorf("%s: a program with a build script: not supported by this judge", progDir)
	}
	if _, ok := files["run"]; ok {
		return nil, fmt.Errorf("%s: a program with a run script: not supported by this judge", progDir)
	}
	// A C or C++ program: every source file of the folder is compiled together (Kattis).
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	lang := ""
	for _, name := range names {
		switch ext := path.Ext(name); {
		case ext == ".cc" || ext == ".cpp" || ext == ".cxx" || ext == ".c++":
			if lang != judge.LangCPP {
				lang, entry = judge.LangCPP, name
			}
		case ext == ".c" && lang == "":
			lang, entry = judge.LangC, name
		}
	}
	if lang == judge.LangCPP {
		for name := range files {
			if path.Ext(name) == ".c" {
				return nil, fmt.Errorf("%s: mixes C (%s) and C++ sources", progDir, name)
			}
		}
	}
	if lang == "" {
		return nil, fmt.Errorf("%s: no program (want validate.py, main.py, __main__.py, a single .py file, or C/C++ sources)", progDir)
	}
	return &judge.Program{Entry: entry, Files: files, Lang: lang}, nil
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
