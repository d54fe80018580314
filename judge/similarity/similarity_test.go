package similarity

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpus is one problem's test data: an original, copies of it disguised (renamed, reordered,
// commented, padded with dead code) and solutions written independently of it and of each
// other, with the problem's starter and shipped solutions as the base.
type corpus struct {
	problem string
	srcs    []Source
	base    [][]byte
}

var problems = []string{"merge-sort", "wildcard-match", "two-sum"}

func loadCorpus(t testing.TB, problem string) corpus {
	t.Helper()
	c := corpus{problem: problem}
	dir := filepath.Join("testdata", problem)
	for _, pat := range []string{"original.py", "copies/*.py", "independent/*.py"} {
		files, err := filepath.Glob(filepath.Join(dir, pat))
		require.NoError(t, err)
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			rel, _ := filepath.Rel(dir, f)
			c.srcs = append(c.srcs, Source{Name: filepath.ToSlash(rel), Text: b})
		}
	}
	require.NotEmpty(t, c.srcs)
	starter, err := os.ReadFile(filepath.Join(dir, "starter.py"))
	require.NoError(t, err)
	c.base = append(c.base, starter)
	shipped := filepath.Join("..", "..", "problems", problem, "submissions")
	n := 0
	require.NoError(t, filepath.WalkDir(shipped, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return err
		}
		b, err := os.ReadFile(p)
		c.base = append(c.base, b)
		n++
		return err
	}), "the problem's shipped submissions are the base")
	require.NotZero(t, n, "no shipped submissions under %s", shipped)
	return c
}

func isCopy(name string) bool { return name == "original.py" || strings.HasPrefix(name, "copies/") }

// TestCopiesFlaggedIndependentNot is the point of the package: every disguised copy is listed
// with its original, and no pair involving an independently written solution is.
func TestCopiesFlaggedIndependentNot(t *testing.T) {
	for _, p := range problems {
		t.Run(p, func(t *testing.T) {
			c := loadCorpus(t, p)
			res := Compare(c.srcs, Options{Base: c.base})
			flagged := map[string]Pair{}
			for _, pr := range res.Pairs {
				flagged[pr.A+" ~ "+pr.B] = pr
				assert.True(t, isCopy(pr.A) && isCopy(pr.B), "independent solution flagged: %s ~ %s (%.2f)", pr.A, pr.B, pr.Score)
			}
			for _, s := range c.srcs[1:] {
				if !isCopy(s.Name) {
					continue
				}
				pr, ok := flagged["original.py ~ "+s.Name]
				if assert.True(t, ok, "copy %s not flagged", s.Name) {
					assert.NotEmpty(t, pr.Matches, "%s: no line ranges", s.Name)
				}
			}
			assert.Equal(t, len(c.srcs)*(len(c.srcs)-1)/2, res.Compared)
		})
	}
}

// TestScores logs every pair's score (for the record: go test -run TestScores -v).
func TestScores(t *testing.T) {
	for _, p := range problems {
		c := loadCorpus(t, p)
		res := Compare(c.srcs, Options{Base: c.base, Threshold: 1e-9, MinShared: 1})
		for _, pr := range res.Pairs {
			t.Logf("%-14s %-32s %-32s %.2f (%.2f / %.2f, %d shared)", p, pr.A, pr.B, pr.Score, pr.AShare, pr.BShare, pr.Shared)
		}
		require.NotEmpty(t, res.Pairs)
	}
}

// TestBaseIsNotAMatch: two candidates who both keep the starter's lines, or both hand in the
// problem's own solution renamed, do not match each other; without the base they would.
func TestBaseIsNotAMatch(t *testing.T) {
	c := loadCorpus(t, "merge-sort")
	topDown, err := os.ReadFile("../../problems/merge-sort/submissions/accepted/top_down.py")
	require.NoError(t, err)
	renamed := strings.NewReplacer("left", "lo", "right", "hi", "out", "merged").Replace(string(topDown))
	srcs := []Source{{Name: "a.py", Text: topDown}, {Name: "b.py", Text: []byte("# mine\n" + renamed)}}
	require.NotEmpty(t, Compare(srcs, Options{}).Pairs, "without a base the two are a pair")
	assert.Empty(t, Compare(srcs, Options{Base: c.base}).Pairs, "with the shipped solutions as the base they are not")
	assert.Equal(t, len(c.base), Compare(srcs, Options{Base: c.base}).BaseFiles)
}

// TestMatchLines: reordered functions match where they now are.
func TestMatchLines(t *testing.T) {
	c := loadCorpus(t, "merge-sort")
	var orig, reordered Source
	for _, s := range c.srcs {
		switch s.Name {
		case "original.py":
			orig = s
		case "copies/reordered.py":
			reordered = s
		}
	}
	res := Compare([]Source{orig, reordered}, Options{Base: c.base})
	require.Len(t, res.Pairs, 1)
	// merge() is lines 4-16 of the original and 16-28 of the copy (+12), split() 19-21 and
	// 11-13 (-8), merge_sort() 24-28 and 4-8 (-20). A match's first line may be the line before
	// a function, where its first k-gram starts.
	var sawMerge, sawSplit, sawSort bool
	for _, m := range res.Pairs[0].Matches {
		assert.LessOrEqual(t, m.A.From, m.A.To)
		assert.LessOrEqual(t, m.B.From, m.B.To)
		switch {
		case m.A.To <= 16:
			sawMerge = true
			assert.Equal(t, m.A.To+12, m.B.To, "%+v", m)
		case m.A.From >= 19 && m.A.To <= 24:
			sawSplit = true
			assert.Equal(t, m.A.From-8, m.B.From, "%+v", m)
		case m.A.From >= 24:
			sawSort = true
			assert.Equal(t, m.A.From-20, m.B.From, "%+v", m)
			assert.Equal(t, m.A.To-20, m.B.To, "%+v", m)
		default:
			t.Errorf("unexpected match %+v", m)
		}
	}
	assert.True(t, sawMerge && sawSplit && sawSort, "matches %+v", res.Pairs[0].Matches)
}

func TestTokenize(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"names and literals", "total = price * 3 + f'{x}'\n", "V = V * N + S ;"},
		{"keywords kept", "for i in range(n):\n    if not i: break\n", "for V in V ( V ) : ; if not V : break ;"},
		{"comments and blank lines vanish", "# c\n\nx = 1  # one\n\n", "V = N ;"},
		{"docstring dropped", "def f():\n    \"\"\"Doc\n    more.\"\"\"\n    return None\n", "def V ( ) : ; return None ;"},
		{"brackets join lines", "x = [1,\n     2]\n", "V = [ N , N ] ;"},
		{"continuation", "x = 1 + \\\n    2\n", "V = N + N ;"},
		{"operators longest first", "a //= b ** -1\nc != d\n", "V //= V ** - N ; V != V ;"},
		{"semicolon ends a statement", "a = 1; b = 2\n", "V = N ; V = N ;"},
		{"string prefixes and escapes", "s = rb'\\'' + \"a#b\"\n", "V = S + S ;"},
		{"numbers", "x = 0x1F + 1_000 + 1.5e-3 + 2j\n", "V = N + N + N + N ;"},
		{"unterminated string stops at the line", "s = 'abc\nt = 1\n", "V = S ; V = N ;"},
		{"unicode names", "größe = 1\n", "V = N ;"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tc.src) {
				got = append(got, tok.text)
			}
			assert.Equal(t, tc.want, strings.Join(got, " "))
		})
	}
	// Lines are those of the source, across strings spanning lines.
	toks := tokenize("a = '''x\ny'''\nb = 2\n")
	require.NotEmpty(t, toks)
	assert.Equal(t, 3, toks[len(toks)-2].line)
}

// batch200 is 200 submissions: the test data cycled, each made distinct.
func batch200(b testing.TB) ([]Source, [][]byte) {
	var all []Source
	var base [][]byte
	for _, p := range problems {
		c := loadCorpus(b, p)
		all = append(all, c.srcs...)
		base = append(base, c.base...)
	}
	srcs := make([]Source, 200)
	for i := range srcs {
		s := all[i%len(all)]
		srcs[i] = Source{Name: fmt.Sprintf("%03d-%s", i, s.Name), Text: append([]byte(fmt.Sprintf("seed_%d = %d\n", i, i)), s.Text...)}
	}
	return srcs, base
}

func BenchmarkCompare200(b *testing.B) {
	srcs, base := batch200(b)
	b.ResetTimer()
	for range b.N {
		Compare(srcs, Options{Base: base})
	}
}
