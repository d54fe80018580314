package problemset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/check"
)

// groupFile is a test data group's settings: legacy testdata.yaml, 2023-07 testdata.yaml (early
// drafts) or test_group.yaml (later ones). One struct holds both versions' keys; a key outside
// them is a named error (yaml KnownFields), and so is a key the judge cannot honour.
type groupFile struct {
	// legacy
	OnReject             *string  `yaml:"on_reject"`
	Grading              *string  `yaml:"grading"`
	GraderFlags          *string  `yaml:"grader_flags"`
	InputValidatorFlags  *string  `yaml:"input_validator_flags"`
	OutputValidatorFlags *string  `yaml:"output_validator_flags"`
	AcceptScore          *float64 `yaml:"accept_score"`
	RejectScore          *float64 `yaml:"reject_score"`
	Range                *string  `yaml:"range"`
	// 2023-07
	Scoring *struct {
		Score       yaml.Node `yaml:"score"`
		Aggregation string    `yaml:"aggregation"`
		RequirePass yaml.Node `yaml:"require_pass"`
	} `yaml:"scoring"`
	InputValidatorArgs  yaml.Node `yaml:"input_validator_args"`
	OutputValidatorArgs yaml.Node `yaml:"output_validator_args"`
	StaticValidation    yaml.Node `yaml:"static_validation"`
	FullFeedback        *bool     `yaml:"full_feedback"`
	Hint                *string   `yaml:"hint"`
	Description         *string   `yaml:"description"`
}

// group is one folder of data/ with its settings resolved (inheritance applied).
type group struct {
	path     string // "data", "data/secret", "data/secret/g1"
	own      *groupFile
	args     []string // output validator arguments (inherited), nil when none are given
	legacy   legacySettings
	tests    []int // indices of the tests directly in this folder
	children []string
}

// legacySettings are the inherited legacy grading settings.
type legacySettings struct {
	accept, reject float64
	onReject       string
	flags          []string
}

var groupFiles = []string{"testdata.yaml", "test_group.yaml"}

// readTestData reads every group's settings under data/, gives each test its output validator
// arguments, and builds a scoring problem's score tree.
func readTestData(fsys fs.FS, p *judge.Problem) error {
	groups := map[string]*group{}
	var walk func(dir string, parent *group) error
	walk = func(dir string, parent *group) error {
		g := &group{path: dir}
		if parent != nil {
			g.args, g.legacy = parent.args, parent.legacy
		} else {
			g.legacy = legacySettings{accept: 1, onReject: "break"}
		}
		own, file, err := readGroupFile(fsys, dir)
		if err != nil {
			return err
		}
		g.own = own
		if own != nil {
			if err := g.apply(own); err != nil {
				return fmt.Errorf("%s: %v", file, err)
			}
		}
		groups[dir] = g
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() {
				if dir == "data" && name != "sample" && name != "secret" {
					continue // invalid_input/, invalid_output/, valid_output/: not judged
				}
				g.children = append(g.children, path.Join(dir, name))
				if err := walk(path.Join(dir, name), g); err != nil {
					return err
				}
				continue
			}
			if strings.HasSuffix(name, ".yaml") && !isGroupFile(name) {
				base := strings.TrimSuffix(name, ".yaml")
				if _, err := fs.Stat(fsys, path.Join(dir, base+".in")); err == nil {
					return fmt.Errorf("%s: per-test settings files are not supported by this judge", path.Join(dir, name))
				}
			}
			if strings.HasSuffix(name, ".files") || strings.HasSuffix(name, ".interaction") {
				return fmt.Errorf("%s: not supported by this judge", path.Join(dir, name))
			}
		}
		return nil
	}
	if _, err := fs.Stat(fsys, "data"); err != nil {
		return err
	}
	if err := walk("data", nil); err != nil {
		return err
	}
	for i := range p.Tests {
		t := &p.Tests[i]
		g := groups[path.Dir("data/"+t.Name)]
		if g == nil {
			return fmt.Errorf("test %s: no group", t.Name)
		}
		g.tests = append(g.tests, i)
		if g.args != nil {
			t.ValidatorArgs = append(append([]string{}, p.Validation.Flags...), g.args...)
			if v := p.Validation.Validator; v != nil && v.Function != "" && len(t.ValidatorArgs) > 0 {
				return fmt.Errorf("test %s: output validator arguments %q: the validator is a function (validator_function), which takes none", t.Name, t.ValidatorArgs)
			}
			if p.Validation.Validator == nil {
				if _, err := check.ParseFlagList(t.ValidatorArgs); err != nil {
					return fmt.Errorf("test %s: output validator arguments %q: %v", t.Name, t.ValidatorArgs, err)
				}
			}
		}
	}
	if p.Scoring == nil {
		for _, g := range groups {
			if g.own != nil && (g.own.Scoring != nil || g.own.AcceptScore != nil || g.own.RejectScore != nil || g.own.GraderFlags != nil) {
				return fmt.Errorf("%s: scoring settings in a problem whose type is not scoring", g.path)
			}
		}
		return nil
	}
	var err error
	if p.Format == format2023 {
		p.Scoring, err = scoreTree2023(groups, p)
	} else {
		p.Scoring, err = scoreTreeLegacy(groups, p)
	}
	return err
}

func isGroupFile(name string) bool { return name == groupFiles[0] || name == groupFiles[1] }

// readGroupFile reads dir's group settings, if it has them, and says from which file.
func readGroupFile(fsys fs.FS, dir string) (*groupFile, string, error) {
	var found *groupFile
	file := ""
	for _, name := range groupFiles {
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		if found != nil {
			return nil, "", fmt.Errorf("%s: both testdata.yaml and test_group.yaml", dir)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		var f groupFile
		if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
			return nil, "", fmt.Errorf("%s: %v", path.Join(dir, name), err)
		}
		found, file = &f, path.Join(dir, name)
	}
	return found, file, nil
}

// apply takes a group's own settings over the inherited ones, refusing what the judge cannot
// honour by name.
func (g *group) apply(f *groupFile) error {
	unsupported := func(key string) error {
		return fmt.Errorf("%s is not supported by this judge (docs/problem-format.md)", key)
	}
	if f.Grading != nil && *f.Grading != "default" {
		return unsupported("grading: " + *f.Grading + " (custom graders)")
	}
	if f.Range != nil {
		return unsupported("range")
	}
	if f.InputValidatorFlags != nil && strings.TrimSpace(*f.InputValidatorFlags) != "" {
		return unsupported("input_validator_flags")
	}
	if f.InputValidatorArgs.Kind != 0 {
		args, err := argList(&f.InputValidatorArgs)
		if err != nil || len(args) > 0 {
			return unsupported("input_validator_args")
		}
	}
	if f.StaticValidation.Kind != 0 && f.StaticValidation.Value != "false" {
		return unsupported("static_validation")
	}
	if f.Scoring != nil && f.Scoring.RequirePass.Kind != 0 {
		return unsupported("scoring.require_pass")
	}
	if f.OutputValidatorFlags != nil {
		g.args = strings.Fields(*f.OutputValidatorFlags)
	}
	if f.OutputValidatorArgs.Kind != 0 {
		args, err := argList(&f.OutputValidatorArgs)
		if err != nil {
			return fmt.Errorf("output_validator_args: %v", err)
		}
		g.args = args
	}
	if f.AcceptScore != nil {
		g.legacy.accept = *f.AcceptScore
	}
	if f.RejectScore != nil {
		g.legacy.reject = *f.RejectScore
	}
	if f.OnReject != nil {
		switch *f.OnReject {
		case "break", "continue":
			g.legacy.onReject = *f.OnReject
		default:
			return fmt.Errorf("on_reject %q is not break or continue", *f.OnReject)
		}
	}
	if f.GraderFlags != nil {
		g.legacy.flags = strings.Fields(*f.GraderFlags)
		for _, fl := range g.legacy.flags {
			switch fl {
			case "sum", "min", "max", "avg", "ignore_sample", "first_error", "worst_error":
			case "always_accept", "accept_if_any_accepted":
				return unsupported("grader flag " + fl)
			default:
				return fmt.Errorf("grader flag %q is not one of the default grader's", fl)
			}
		}
	}
	return nil
}

// argList reads arguments given as a sequence of strings, or (early 2023-07 drafts, legacy) as
// one space-separated string.
func argList(n *yaml.Node) ([]string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return strings.Fields(n.Value), nil
	case yaml.SequenceNode:
		var out []string
		if err := n.Decode(&out); err != nil {
			return nil, err
		}
		if out == nil {
			out = []string{}
		}
		return out, nil
	}
	return nil, errors.New("want a sequence of strings")
}

// childNames orders a group's tests and subgroups together, by base name (Kattis order).
func childNames(g *group, p *judge.Problem) []string {
	var names []string
	for _, i := range g.tests {
		names = append(names, "data/"+p.Tests[i].Name)
	}
	names = append(names, g.children...)
	sort.Strings(names)
	return names
}

// scoreTree2023 builds the tree of 2023-07 scoring: only secret is scored; its aggregation is
// sum by default and its score 100; subgroups aggregate pass-fail by default; a group's
// children without a score of their own share what its own score leaves (maximum score
// inference).
func scoreTree2023(groups map[string]*group, p *judge.Problem) (*judge.ScoreNode, error) {
	testAt := map[string]int{}
	for i, t := range p.Tests {
		testAt["data/"+t.Name] = i
	}
	var build func(g *group, max float64) (*judge.ScoreNode, error)
	build = func(g *group, max float64) (*judge.ScoreNode, error) {
		n := &judge.ScoreNode{Name: strings.TrimPrefix(g.path, "data/"), Test: -1, Aggregation: judge.AggregatePassFail, Accept: max}
		if g.path == "data/secret" {
			n.Aggregation = judge.AggregateSum
		}
		if g.own != nil && g.own.Scoring != nil && g.own.Scoring.Aggregation != "" {
			switch a := judge.Aggregation(g.own.Scoring.Aggregation); a {
			case judge.AggregateSum, judge.AggregateMin, judge.AggregatePassFail:
				n.Aggregation = a
			default:
				return nil, fmt.Errorf("%s: scoring.aggregation %q is not pass-fail, sum or min", g.path, a)
			}
		}
		names := childNames(g, p)
		// Explicit subgroup scores, then the share of the rest.
		explicit := map[string]float64{}
		sum := 0.0
		for _, c := range names {
			if cg := groups[c]; cg != nil {
				if s, ok, err := groupScore(cg); err != nil {
					return nil, err
				} else if ok {
					explicit[c] = s
					sum += s
				}
			}
		}
		share := max
		if n.Aggregation == judge.AggregateSum {
			if sum > max+1e-9 {
				return nil, fmt.Errorf("%s: its subgroups' scores add up to %g, over the group's %g", g.path, sum, max)
			}
			if rest := len(names) - len(explicit); rest > 0 {
				share = (max - sum) / float64(rest)
			}
		}
		for _, c := range names {
			cm := share
			if s, ok := explicit[c]; ok {
				cm = s
			}
			if n.Aggregation == judge.AggregatePassFail {
				cm = 0 // only the group's own points count
			}
			if cg := groups[c]; cg != nil {
				if n.Aggregation == judge.AggregatePassFail && cg.own != nil && cg.own.Scoring != nil && cg.own.Scoring.Aggregation != "" && cg.own.Scoring.Aggregation != string(judge.AggregatePassFail) {
					return nil, fmt.Errorf("%s: a subgroup of a pass-fail group must aggregate pass-fail", cg.path)
				}
				child, err := build(cg, cm)
				if err != nil {
					return nil, err
				}
				n.Children = append(n.Children, child)
				continue
			}
			i := testAt[c]
			n.Children = append(n.Children, &judge.ScoreNode{Name: p.Tests[i].Name, Test: i, Accept: cm})
		}
		return n, nil
	}
	secret := groups["data/secret"]
	if secret == nil {
		return nil, errors.New("a scoring problem needs data/secret")
	}
	for _, g := range groups {
		if g.own != nil && g.own.Scoring != nil && !strings.HasPrefix(g.path+"/", "data/secret/") {
			return nil, fmt.Errorf("%s: scoring is only allowed for secret and its subgroups", g.path)
		}
	}
	max := 100.0
	if s, ok, err := groupScore(secret); err != nil {
		return nil, err
	} else if ok {
		max = s
	}
	return build(secret, max)
}

// groupScore is a 2023-07 group's own scoring.score, if it gives one.
func groupScore(g *group) (float64, bool, error) {
	if g.own == nil || g.own.Scoring == nil || g.own.Scoring.Score.Kind == 0 {
		return 0, false, nil
	}
	v := g.own.Scoring.Score.Value
	if v == "unbounded" {
		return 0, false, fmt.Errorf("%s: scoring.score unbounded is not supported by this judge", g.path)
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f != float64(int64(f)) {
		return 0, false, fmt.Errorf("%s: scoring.score %q is not a non-negative integer", g.path, v)
	}
	return f, true, nil
}

// scoreTreeLegacy builds the tree of legacy (problemtools default grader) scoring: the root is
// data/ (sample and secret both count unless grader_flags has ignore_sample); a test scores
// accept_score (1) or reject_score (0); a group aggregates its children with the grader flag
// sum (default), min, max or avg; on_reject: break (default) stops counting at the first
// rejected child.
func scoreTreeLegacy(groups map[string]*group, p *judge.Problem) (*judge.ScoreNode, error) {
	testAt := map[string]int{}
	for i, t := range p.Tests {
		testAt["data/"+t.Name] = i
	}
	var build func(g *group) *judge.ScoreNode
	build = func(g *group) *judge.ScoreNode {
		n := &judge.ScoreNode{Name: strings.TrimPrefix(strings.TrimPrefix(g.path, "data"), "/"), Test: -1,
			Aggregation: judge.AggregateSum, BreakOnReject: g.legacy.onReject == "break"}
		if n.Name == "" {
			n.Name = "data"
		}
		ignoreSample := false
		for _, f := range g.legacy.flags {
			switch f {
			case "min", "max", "avg", "sum":
				n.Aggregation = judge.Aggregation(f)
			case "ignore_sample":
				ignoreSample = true
			}
		}
		for _, c := range childNames(g, p) {
			if cg := groups[c]; cg != nil {
				if ignoreSample && c == "data/sample" {
					continue
				}
				n.Children = append(n.Children, build(cg))
				continue
			}
			i := testAt[c]
			n.Children = append(n.Children, &judge.ScoreNode{Name: p.Tests[i].Name, Test: i, Accept: g.legacy.accept, Reject: g.legacy.reject})
		}
		return n
	}
	return build(groups["data"]), nil
}
