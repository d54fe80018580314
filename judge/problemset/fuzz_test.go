package problemset_test

import (
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/problemset"
)

// Seed corpora live in testdata/fuzz/<Name>/ (every shipped problem.yaml among them). A problem
// package is data from whoever wrote it: loading one must end in a problem the judge can run or
// in a bad-input error, never a panic, a hang or limits the judge cannot honour.

var pyIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func FuzzProblemYAML(f *testing.F) {
	f.Add([]byte("name: x\nlimits: {time: 1, memory: 64}\n"), []byte(""))
	f.Fuzz(func(t *testing.T, yaml, timelimit []byte) {
		fsys := fstest.MapFS{
			"p/problem.yaml":      {Data: yaml},
			"p/data/sample/1.in":  {Data: []byte("1\n")},
			"p/data/sample/1.ans": {Data: []byte("1\n")},
		}
		if len(timelimit) > 0 {
			fsys["p/.timelimit"] = &fstest.MapFile{Data: timelimit}
		}
		p, err := problemset.Embedded(fsys).Load("p")
		if err != nil {
			require.ErrorIs(t, err, judge.ErrBadInput, "a broken problem.yaml is bad input")
			return
		}
		require.Greater(t, p.Limits.Time, time.Duration(0), "time limit")
		require.LessOrEqual(t, p.Limits.Time, 60*time.Second, "time limit")
		require.GreaterOrEqual(t, p.Limits.MemoryMiB, 16, "memory limit")
		require.LessOrEqual(t, p.Limits.MemoryMiB, 8192, "memory limit")
		require.Greater(t, p.Limits.OutputMiB, 0, "output limit")
		require.LessOrEqual(t, p.Limits.OutputMiB, 256, "output limit")
		switch p.Mode {
		case judge.Stdio:
			require.Nil(t, p.Function)
		case judge.Function:
			require.NotNil(t, p.Function)
			require.Regexp(t, pyIdent, p.Function.Name)
			for _, a := range append(append([]string{}, p.Function.Params...), p.Function.Returns) {
				require.True(t, judge.Adapters[a], "adapter %q", a)
			}
		default:
			t.Fatalf("mode %q", p.Mode)
		}
		for _, s := range p.Forbidden.Syntax {
			require.True(t, judge.ForbiddenSyntax[s], "forbidden syntax %q", s)
		}
		require.Nil(t, p.Validation.Validator, "there is no output_validators/ in this package")
		require.Len(t, p.Tests, 1)
	})
}

func FuzzTestData(f *testing.F) {
	f.Add("sample/1.in\nsample/1.ans\nsecret/a/2.in\nsecret/a/2.ans", []byte("1 2\n"))
	f.Fuzz(func(t *testing.T, names string, data []byte) {
		fsys := fstest.MapFS{"p/problem.yaml": {Data: []byte("name: x\n")}}
		files := map[string][]byte{}
		for i, name := range strings.Split(names, "\n") {
			name = path.Join("data", name)
			if !fs.ValidPath(name) || !strings.HasPrefix(name, "data/") {
				continue
			}
			content := append([]byte{byte('a' + i%26)}, data...)
			// A name cannot be a file and a folder at once in a real package.
			if conflicts(files, name) {
				continue
			}
			files[name] = content
			fsys["p/"+name] = &fstest.MapFile{Data: content}
		}
		p, err := problemset.Embedded(fsys).Load("p")
		if err != nil {
			require.ErrorIs(t, err, judge.ErrBadInput, "broken test data is bad input")
			return
		}
		require.NotEmpty(t, p.Tests)
		var want []string
		for name := range files {
			if !strings.HasSuffix(name, ".in") {
				continue
			}
			if top := strings.SplitN(name, "/", 3)[1]; top == "sample" || top == "secret" {
				want = append(want, name)
			}
		}
		// Samples first, then secret tests, each in sorted path order (Kattis order).
		sort.Slice(want, func(a, b int) bool {
			sa, sb := strings.HasPrefix(want[a], "data/sample/"), strings.HasPrefix(want[b], "data/sample/")
			if sa != sb {
				return sa
			}
			return want[a] < want[b]
		})
		require.Len(t, p.Tests, len(want))
		for i, tc := range p.Tests {
			base := strings.TrimSuffix(want[i], ".in")
			require.Equal(t, strings.TrimPrefix(base, "data/"), tc.Name)
			require.Equal(t, path.Dir(tc.Name), tc.Group)
			require.Equal(t, strings.HasPrefix(tc.Name, "sample/"), tc.Sample)
			require.Equal(t, files[base+".in"], tc.Input, "input of %s", tc.Name)
			require.Equal(t, files[base+".ans"], tc.Answer, "answer of %s", tc.Name)
		}
	})
}

// conflicts reports whether name is a folder of a file already there, or the other way round.
func conflicts(files map[string][]byte, name string) bool {
	for other := range files {
		if strings.HasPrefix(other, name+"/") || strings.HasPrefix(name, other+"/") {
			return true
		}
	}
	return false
}
