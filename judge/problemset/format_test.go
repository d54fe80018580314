package problemset_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/problemset"
)

// verdicts gives each test (by name) a verdict; tests not named are accepted.
func verdicts(p *judge.Problem, failed ...string) func(int) judge.Verdict {
	bad := map[string]bool{}
	for _, f := range failed {
		bad[f] = true
	}
	return func(i int) judge.Verdict {
		if bad[p.Tests[i].Name] {
			return judge.WrongAnswer
		}
		return judge.Accepted
	}
}

func score(p *judge.Problem, failed ...string) float64 {
	s, _ := p.Scoring.Score(verdicts(p, failed...))
	return s
}

func TestLoad2023Package(t *testing.T) {
	p, err := problemset.LoadDir("../../testdata/problems/kattis-scoring")
	require.NoError(t, err)
	assert.Equal(t, "2023-07-draft", p.Format)
	assert.Equal(t, "Triangle Numbers", p.Name, "the English name of the map")
	assert.Contains(t, p.Statement, "# Triangle Numbers", "statement/problem.en.md")
	assert.Equal(t, time.Second, p.Limits.Time)
	assert.Equal(t, judge.Margins{ACToTimeLimit: 2, TimeLimitToTLE: 1.5}, p.Margins)
	require.NotNil(t, p.Scoring)
	assert.Equal(t, 100.0, p.Scoring.Max())
	assert.Equal(t, 100.0, score(p, "sample/1"), "samples are not scored")
	assert.Equal(t, 40.0, score(p, "secret/group2/03"), "group 2 is pass-fail: one WA loses its 60")
	assert.Equal(t, 60.0, score(p, "secret/group1/01"))
	assert.Equal(t, 0.0, score(p, "secret/group1/01", "secret/group2/01"))
	byPath := map[string]*[2]float64{}
	for _, s := range p.Submissions {
		byPath[s.Path] = s.Score
	}
	assert.Equal(t, &[2]float64{100, 100}, byPath["submissions/accepted/formula.py"], "accepted: the maximum")
	assert.Equal(t, &[2]float64{40, 40}, byPath["submissions/time_limit_exceeded/loop.py"], "from submissions.yaml")
	assert.Equal(t, &[2]float64{0, 0}, byPath["submissions/wrong_answer/off_by_one.py"])
}

func TestScoreTrees(t *testing.T) {
	tests := map[string]string{
		"data/sample/1.in": "1", "data/sample/1.ans": "1",
		"data/secret/a/1.in": "1", "data/secret/a/1.ans": "1",
		"data/secret/a/2.in": "1", "data/secret/a/2.ans": "1",
		"data/secret/b/1.in": "1", "data/secret/b/1.ans": "1",
		"data/secret/b/2.in": "1", "data/secret/b/2.ans": "1",
		"data/secret/c.in": "1", "data/secret/c.ans": "1",
	}
	with := func(extra map[string]string) *judge.Problem {
		m := map[string]string{}
		for k, v := range tests {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		p, err := problemset.Embedded(pkg(m)).Load("p")
		require.NoError(t, err)
		return p
	}
	t.Run("2023-07 defaults share 100 evenly", func(t *testing.T) {
		p := with(map[string]string{"problem.yaml": "problem_format_version: 2023-07-draft\nname: x\ntype: [scoring]\n"})
		// secret: sum over a, b (pass-fail groups) and the test c: 100/3 each.
		assert.InDelta(t, 100.0, p.Scoring.Max(), 1e-9)
		assert.InDelta(t, 200.0/3, score(p, "secret/a/2"), 1e-9)
	})
	t.Run("2023-07 min and explicit scores", func(t *testing.T) {
		p := with(map[string]string{
			"problem.yaml":                  "problem_format_version: 2023-07-draft\nname: x\ntype: scoring\n",
			"data/secret/a/test_group.yaml": "scoring:\n  score: 50\n  aggregation: min\n",
			"data/secret/b/testdata.yaml":   "scoring:\n  score: 30\n",
		})
		// c gets the 20 left; a is min over its tests (each worth 50).
		assert.Equal(t, 100.0, p.Scoring.Max())
		assert.Equal(t, 50.0, score(p, "secret/a/1"))
		assert.Equal(t, 80.0, score(p, "secret/c"))
	})
	t.Run("legacy sum with ignore_sample and break", func(t *testing.T) {
		p := with(map[string]string{
			"problem.yaml":                "name: x\ntype: scoring\n",
			"data/testdata.yaml":          "grader_flags: ignore_sample\non_reject: continue\n",
			"data/secret/b/testdata.yaml": "on_reject: break\naccept_score: 5\n",
		})
		// a: 1+1, b: 5+5, c: 1.
		assert.Equal(t, 13.0, p.Scoring.Max())
		assert.Equal(t, 12.0, score(p, "secret/a/1"), "continue: the other test still counts")
		assert.Equal(t, 3.0, score(p, "secret/b/1"), "break: nothing after the first reject counts")
		assert.Equal(t, 8.0, score(p, "secret/b/2"))
		assert.Equal(t, 13.0, score(p, "sample/1"), "ignore_sample")
	})
	t.Run("group output validator arguments", func(t *testing.T) {
		p := with(map[string]string{
			"problem.yaml":                "problem_format_version: 2023-07-draft\nname: x\n",
			"data/secret/b/testdata.yaml": "output_validator_args: [float_tolerance, \"0.5\"]\n",
		})
		for _, tc := range p.Tests {
			if tc.Group == "secret/b" {
				assert.Equal(t, []string{"float_tolerance", "0.5"}, tc.ValidatorArgs, tc.Name)
			} else {
				assert.Nil(t, tc.ValidatorArgs, tc.Name)
			}
		}
		assert.Nil(t, p.Scoring)
	})
}

func TestLoadErrors2023(t *testing.T) {
	base := map[string]string{"data/sample/1.in": "1", "data/sample/1.ans": "1", "data/secret/g/1.in": "1", "data/secret/g/1.ans": "1"}
	v := "problem_format_version: 2023-07-draft\nname: x\n"
	cases := []struct{ name, file, content, msg string }{
		{"interactive without its validator", "problem.yaml", v + "type: interactive\n", "needs its output validator"},
		{"interactive function", "problem.yaml", v + "type: [interactive, function]\nfunction: {name: f}\n", "type function does not go with it"},
		{"multi-pass without its validator", "problem.yaml", v + "type: [pass-fail, multi-pass]\n", "multi-pass problem needs its output validator"},
		{"passes without multi-pass", "problem.yaml", v + "limits: {validation_passes: 3}\n", "validation_passes is given but"},
		{"submit-answer", "problem.yaml", v + "type: submit-answer\n", "type submit-answer is not supported"},
		{"unknown key", "problem.yaml", v + "validator: x\n", `key "validator" is not a problem.yaml key`},
		{"unknown limit", "problem.yaml", v + "limits: {cpu: 3}\n", "limits.cpu"},
		{"no python", "problem.yaml", v + "languages: [cpp, java]\n", "does not include python3"},
		{"version", "problem.yaml", "problem_format_version: 2031-01\n", "problem_format_version"},
		{"custom score", "problem.yaml", "validation: custom score\n", "score.txt"},
		{"build script", "output_validator/build", "#!/bin/sh\n", "build script"},
		{"unbounded", "data/secret/testdata.yaml", "scoring: {score: unbounded}\n", "unbounded"},
		{"require_pass", "data/secret/g/test_group.yaml", "scoring: {require_pass: sample}\n", "data/secret/g/test_group.yaml: scoring.require_pass"},
		{"unknown group key", "data/secret/g/testdata.yaml", "points: 3\n", "points"},
		{"per-test file", "data/secret/g/1.yaml", "args: [x]\n", "per-test settings"},
		{"input validator args", "data/testdata.yaml", "input_validator_args: [--max, \"3\"]\n", "input_validator_args"},
		{"bad default flag", "data/secret/g/testdata.yaml", "output_validator_args: [frobnicate]\n", "frobnicate"},
		{"custom grader", "data/testdata.yaml", "grading: custom\n", "custom graders"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := map[string]string{"problem.yaml": v + "type: scoring\n"}
			for k, val := range base {
				m[k] = val
			}
			m[tc.file] = tc.content
			_, err := problemset.Embedded(pkg(m)).Load("p")
			require.ErrorIs(t, err, judge.ErrBadInput)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

// Meta is problem.yaml and the validator, never the tests: what the server asks of every
// problem at start without holding all their data.
func TestMetaReadsNoTests(t *testing.T) {
	set := problemset.Dir("../../testdata/problems")
	p, err := set.Meta("kattis-validateh")
	require.NoError(t, err)
	assert.Empty(t, p.Tests)
	assert.Empty(t, p.Submissions)
	require.NotNil(t, p.Validation.Validator)
	assert.True(t, p.Validation.Validator.Compiled())
	full, err := set.Load("kattis-validateh")
	require.NoError(t, err)
	assert.NotEmpty(t, full.Tests)
	assert.Equal(t, full.Limits, p.Limits)

	_, err = set.Meta("../etc")
	assert.ErrorIs(t, err, judge.ErrBadInput)
}

func TestCompiledPrograms(t *testing.T) {
	p, err := problemset.LoadDir("../../testdata/problems/kattis-validateh")
	require.NoError(t, err)
	v := p.Validation.Validator
	assert.Equal(t, judge.LangCPP, v.Lang)
	assert.Equal(t, "validate.cc", v.Entry)
	assert.Contains(t, v.Files, "validate.h", "headers go along")
	assert.Equal(t, judge.LangPython, p.InputValidator.Lang)

	p, err = problemset.LoadDir("../../testdata/problems/kattis-testlib")
	require.NoError(t, err)
	assert.Equal(t, judge.LangCPP, p.Validation.Validator.Lang)
	assert.Equal(t, "checker.cpp", p.Validation.Validator.Entry, "2023-07 output_validator/ is the program folder")

	cases := map[string]struct {
		files map[string]string
		lang  string
		msg   string
	}{
		"C":     {map[string]string{"output_validators/v/check.c": "int main(){}"}, judge.LangC, ""},
		"mixed": {map[string]string{"output_validators/v/a.c": "", "output_validators/v/b.cpp": ""}, "", "mixes C"},
		"none":  {map[string]string{"output_validators/v/README": ""}, "", "no program"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			m := map[string]string{"problem.yaml": "validation: custom\n", "data/secret/1.in": "1", "data/secret/1.ans": "1"}
			for k, v := range tc.files {
				m[k] = v
			}
			p, err := problemset.Embedded(pkg(m)).Load("p")
			if tc.msg != "" {
				require.ErrorIs(t, err, judge.ErrBadInput)
				assert.Contains(t, err.Error(), tc.msg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.lang, p.Validation.Validator.Lang)
		})
	}
}

// A statement in several languages shows the English one, as the name does.
func TestStatementPrefersEnglish(t *testing.T) {
	p, err := problemset.Embedded(pkg(map[string]string{
		"problem.yaml":             "problem_format_version: 2023-07-draft\nname: {de: Hallo, en: Hello}\n",
		"statement/problem.de.tex": "\\problemname{Hallo}\n",
		"statement/problem.en.tex": "\\problemname{Hello}\n",
		"data/sample/1.in":         "1",
		"data/sample/1.ans":        "1",
	})).Load("p")
	require.NoError(t, err)
	assert.Contains(t, p.Statement, "Hello")
}

// The interactive, multi-pass and custom-score packages read as their formats say.
func TestInteractiveMultiPassAndScorePackages(t *testing.T) {
	p, err := problemset.LoadDir("../../testdata/problems/kattis-interactive")
	require.NoError(t, err)
	assert.True(t, p.Validation.Interactive)
	assert.Equal(t, "Guess the Number", p.Name)
	assert.Equal(t, judge.LangPython, p.Validation.Validator.Lang)
	assert.Zero(t, p.Passes)

	p, err = problemset.LoadDir("../../testdata/problems/kattis-interactive-cc")
	require.NoError(t, err)
	assert.True(t, p.Validation.Interactive)
	assert.Equal(t, judge.LangCPP, p.Validation.Validator.Lang)
	assert.Equal(t, []string{"slack", "1"}, p.Validation.ValidatorArgs())

	p, err = problemset.LoadDir("../../testdata/problems/kattis-multipass")
	require.NoError(t, err)
	assert.False(t, p.Validation.Interactive)
	assert.Equal(t, 2, p.Passes)

	p, err = problemset.LoadDir("../../testdata/problems/kattis-score")
	require.NoError(t, err)
	assert.True(t, p.Validation.CustomScore)
	assert.True(t, p.Validation.ScoreRequired)
	require.NotNil(t, p.Scoring)
	for _, s := range p.Submissions {
		assert.Nil(t, s.Score, "with validators' scores no maximum is demanded of %s", s.Path)
	}

	_, err = problemset.LoadDir("../../testdata/problems/kattis-validateh")
	require.NoError(t, err)
}
