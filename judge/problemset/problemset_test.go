package problemset_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/problemset"
	"github.com/judge-dev/judge/problems"
)

func TestLoadTestdata(t *testing.T) {
	p, err := problemset.LoadDir("../../testdata/problems/add")
	require.NoError(t, err)
	assert.Equal(t, "add", p.ID)
	assert.Equal(t, "Add", p.Name)
	assert.Equal(t, judge.Function, p.Mode)
	assert.Equal(t, &judge.FunctionSpec{Name: "add", Params: []string{"json", "json"}, Returns: "json"}, p.Function)
	assert.Equal(t, judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}, p.Limits)
	require.Len(t, p.Tests, 4)
	assert.Equal(t, "sample/01", p.Tests[0].Name)
	assert.True(t, p.Tests[0].Sample)
	assert.Equal(t, "secret/01", p.Tests[1].Name)
	assert.Equal(t, "secret", p.Tests[1].Group)
	assert.False(t, p.Tests[1].Sample)
}

// TestLoadLadder: ladder/ladder.yaml and its n<SIZE>.in rungs, sorted by size (not by name).
func TestLoadLadder(t *testing.T) {
	fsys := pkg(map[string]string{
		"problem.yaml": "name: x\n", "data/sample/1.in": "1", "data/sample/1.ans": "1",
		"ladder/ladder.yaml": "expected:\n  good: n log n\n  naive: n^2\nrepeats: 5\n",
		"ladder/n1000.in":    "k", "ladder/n200.in": "m", "ladder/n400.in": "i", "ladder/n800.in": "j", "ladder/README": "not a rung",
	})
	p, err := problemset.Embedded(fsys).Load("p")
	require.NoError(t, err)
	require.NotNil(t, p.Ladder)
	assert.Equal(t, "n log n", p.Ladder.Good)
	assert.Equal(t, "n^2", p.Ladder.Naive)
	assert.Equal(t, 5, p.Ladder.Repeats)
	var ns []int
	for _, r := range p.Ladder.Rungs {
		ns = append(ns, r.N)
	}
	assert.Equal(t, []int{200, 400, 800, 1000}, ns)
	assert.Equal(t, "k", string(p.Ladder.Rungs[3].Input))

	// Shipped problems with one.
	for _, id := range []string{"merge-sort", "two-sum"} {
		sp, err := problemset.Embedded(problems.FS).Load(id)
		require.NoError(t, err)
		require.NotNil(t, sp.Ladder, id)
		assert.Len(t, sp.Ladder.Rungs, 8, id)
	}
}

func pkg(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for k, v := range files {
		m["p/"+k] = &fstest.MapFile{Data: []byte(v)}
	}
	return m
}

func TestLoadKattisPackage(t *testing.T) {
	fsys := pkg(map[string]string{
		"problem.yaml":                     "name: Hello\nsource: NWERC\nlicense: cc by-sa\nvalidation: custom\nvalidator_flags: float_tolerance 1e-6\nlimits:\n  memory: 512\n",
		".timelimit":                       "3\n",
		"problem_statement/problem.en.tex": "\\problemname{Hello}\n",
		"data/sample/1.in":                 "1", "data/sample/1.ans": "1",
		"data/secret/group2/b.in": "b", "data/secret/group2/b.ans": "b",
		"data/secret/group1/a.in": "a", "data/secret/group1/a.ans": "a",
		"data/secret/c.in": "c", "data/secret/c.ans": "c",
		"output_validators/checker/validate.py": "import sys\n", "output_validators/checker/util.py": "x=1\n",
		"input_validators/iv/iv.py":           "exit(42)\n",
		"submissions/accepted/a.py":           "print(1)\n",
		"submissions/wrong_answer/w.py":       "print(2)\n",
		"submissions/accepted/notes.txt":      "not a submission",
		"submissions/partially_accepted/x.py": "ignored folder",
	})
	p, err := problemset.Embedded(fsys).Load("p")
	require.NoError(t, err)
	assert.Equal(t, judge.Stdio, p.Mode)
	assert.Equal(t, 3*time.Second, p.Limits.Time, ".timelimit is read when problem.yaml has no time")
	assert.Equal(t, 512, p.Limits.MemoryMiB)
	assert.Equal(t, 8, p.Limits.OutputMiB, "Kattis default")
	assert.Equal(t, []string{"float_tolerance", "1e-6"}, p.Validation.Flags)
	require.NotNil(t, p.Validation.Validator)
	assert.Equal(t, "validate.py", p.Validation.Validator.Entry)
	assert.Len(t, p.Validation.Validator.Files, 2)
	require.NotNil(t, p.InputValidator)
	assert.Equal(t, "iv.py", p.InputValidator.Entry)
	names := []string{}
	for _, tc := range p.Tests {
		names = append(names, tc.Name+"@"+tc.Group)
	}
	assert.Equal(t, []string{"sample/1@sample", "secret/c@secret", "secret/group1/a@secret/group1", "secret/group2/b@secret/group2"}, names)
	require.Len(t, p.Submissions, 2)
	assert.Equal(t, judge.Accepted, p.Submissions[0].Expected)
	assert.Equal(t, judge.WrongAnswer, p.Submissions[1].Expected)
}

func TestLoadErrors(t *testing.T) {
	base := map[string]string{"data/sample/1.in": "1", "data/sample/1.ans": "1"}
	with := func(extra map[string]string) fstest.MapFS {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return pkg(m)
	}
	cases := []struct {
		name string
		fsys fstest.MapFS
		id   string
		msg  string
	}{
		{"unknown id", with(map[string]string{"problem.yaml": "name: x\n"}), "nope", "no such problem"},
		{"traversal in id", with(map[string]string{"problem.yaml": "name: x\n"}), "../p", "not a problem id"},
		{"bad yaml", with(map[string]string{"problem.yaml": "name: [\n"}), "p", "problem.yaml"},
		{"function without name", with(map[string]string{"problem.yaml": "type: function\n"}), "p", "function.name"},
		{"bad adapter", with(map[string]string{"problem.yaml": "type: function\nfunction: {name: f, params: [Graph]}\n"}), "p", "unknown adapter"},
		{"bad syntax name", with(map[string]string{"problem.yaml": "forbidden: {syntax: [lambda]}\n"}), "p", "forbidden.syntax"},
		{"interactive without a validator", with(map[string]string{"problem.yaml": "validation: custom interactive\n"}), "p", "output_validators"},
		{"interactive score", with(map[string]string{"problem.yaml": "validation: custom interactive score\n"}), "p", "score.txt"},
		{"missing answer", pkg(map[string]string{"problem.yaml": "name: x\n", "data/secret/1.in": "1"}), "p", "no .ans"},
		{"no tests", pkg(map[string]string{"problem.yaml": "name: x\n"}), "p", "no tests"},
		{"custom without validator", with(map[string]string{"problem.yaml": "validation: custom\n"}), "p", "output_validators"},
		{"validator function without a validator", with(map[string]string{"problem.yaml": "validator_function: check\n"}), "p", "no custom output validator"},
		{"validator function of a C++ validator", with(map[string]string{"problem.yaml": "validation: custom\nvalidator_function: check\n",
			"output_validators/v/v.cpp": "int main() {}\n"}), "p", "a function is Python"},
		{"validator function with flags", with(map[string]string{"problem.yaml": "validation: custom\nvalidator_function: check\nvalidator_flags: x\n",
			"output_validators/v/v.py": "def check(i, a, o):\n    return True\n"}), "p", "a function takes none"},
		{"validator function with a group's arguments", with(map[string]string{"problem.yaml": "validation: custom\nvalidator_function: check\n",
			"output_validators/v/v.py": "def check(i, a, o):\n    return True\n", "data/sample/testdata.yaml": "output_validator_args: x\n"}), "p", "takes none"},
		{"validator function of an interactive problem", with(map[string]string{"problem.yaml": "validation: custom interactive\nvalidator_function: check\n",
			"output_validators/v/v.py": "def check(i, a, o):\n    return True\n"}), "p", "must be a program"},
		{"validator function not a name", with(map[string]string{"problem.yaml": "validation: custom\nvalidator_function: a.b\n",
			"output_validators/v/v.py": "def check(i, a, o):\n    return True\n"}), "p", "not a Python name"},
		{"ladder with a bad class", with(map[string]string{"problem.yaml": "name: x\n", "ladder/ladder.yaml": "expected: {good: n!, naive: n^2}\n"}), "p", "want one of"},
		{"ladder with too few rungs", with(map[string]string{"problem.yaml": "name: x\n", "ladder/ladder.yaml": "expected: {good: n, naive: n^2}\n",
			"ladder/n10.in": "1", "ladder/n20.in": "2", "ladder/n40.in": "4"}), "p", "need at least 4"},
		{"ladder reference not accepted", with(map[string]string{"problem.yaml": "name: x\n", "ladder/ladder.yaml": "expected: {good: n, naive: n^2}\nreference: submissions/wrong_answer/w.py\n",
			"ladder/n10.in": "1", "ladder/n20.in": "2", "ladder/n40.in": "4", "ladder/n80.in": "8", "submissions/wrong_answer/w.py": "print(0)\n"}), "p", "is not an accepted submission"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := problemset.Embedded(tc.fsys).Load(tc.id)
			require.ErrorIs(t, err, judge.ErrBadInput)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

func TestValidatorFunction(t *testing.T) {
	p, err := problemset.Embedded(pkg(map[string]string{"problem.yaml": "validation: custom\nvalidator_function: check\n",
		"output_validators/v/v.py": "def check(i, a, o):\n    return True\n", "data/sample/1.in": "1", "data/sample/1.ans": "1"})).Load("p")
	require.NoError(t, err)
	require.NotNil(t, p.Validation.Validator)
	assert.Equal(t, "check", p.Validation.Validator.Function)
	assert.Equal(t, "v.py", p.Validation.Validator.Entry)
	two, err := problemset.Embedded(problems.FS).Load("two-sum")
	require.NoError(t, err)
	assert.Equal(t, "validate", two.Validation.Validator.Function, "two-sum's validator is a function")
}

func TestLinkOutsideProblemIsRefused(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "secret.txt")
	require.NoError(t, os.WriteFile(outside, []byte("host secret"), 0o600))
	p := filepath.Join(dir, "p")
	require.NoError(t, os.MkdirAll(filepath.Join(p, "data", "sample"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(p, "problem.yaml"), []byte("name: p\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(p, "data", "sample", "1.in"), []byte("1"), 0o644))
	require.NoError(t, os.Symlink(outside, filepath.Join(p, "data", "sample", "1.ans")))
	_, err := problemset.LoadDir(p)
	require.ErrorIs(t, err, judge.ErrBadInput)
	assert.Contains(t, err.Error(), "outside the problem directory")

	// A link that stays inside is fine.
	require.NoError(t, os.Remove(filepath.Join(p, "data", "sample", "1.ans")))
	require.NoError(t, os.WriteFile(filepath.Join(p, "answer"), []byte("1"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(p, "answer"), filepath.Join(p, "data", "sample", "1.ans")))
	_, err = problemset.LoadDir(p)
	require.NoError(t, err)
}

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{"two-sum": true, "a.b_c": true, "..": false, "a/b": false, "": false, ".hidden": false, "a..b": false} {
		assert.Equal(t, want, problemset.ValidID(id), id)
	}
}

// TestListNamesProblemsAsLoadDoes: a package without a name in problem.yaml is named by its
// statement's title (kattis-hypot: \problemname{Hypotenuse}) in the list too, not left blank.
func TestListNamesProblemsAsLoadDoes(t *testing.T) {
	set := problemset.Dir("../../testdata/problems")
	list, err := set.List()
	require.NoError(t, err)
	require.NotEmpty(t, list)
	for _, s := range list {
		p, err := set.Load(s.ID)
		require.NoError(t, err, s.ID)
		assert.Equal(t, p.Name, s.Name, s.ID)
	}
	hypot, err := set.Load("kattis-hypot")
	require.NoError(t, err)
	assert.Equal(t, "Hypotenuse", hypot.Name)
}
