// Package similarity finds submissions to one problem that share code, as MOSS does: each
// source is reduced to a normalised token stream (names, strings and numbers neutralised;
// comments, docstrings and layout dropped), fingerprinted by winnowing its k-grams, and every
// pair is scored by the fingerprints it shares, with the line ranges that match. Code every
// candidate is given (the starter, the problem's own solutions) is a common base and never
// counts as a match. It is pure computation on sources: it runs nothing and never decides a
// verdict; a high score is a reason for a person to look, not a finding of copying.
package similarity

import (
	"cmp"
	"slices"
)

// Defaults, chosen on the test data in testdata/ (see similarity_test.go for the scores).
const (
	// DefaultK is the k-gram length in tokens: about one to two statements. Shorter k-grams are
	// idioms everyone writes (`for V in range ( V ) :`).
	DefaultK = 10
	// DefaultW is the winnowing window: any shared run of W+K-1 = 14 tokens is found.
	DefaultW = 5
	// DefaultThreshold is the score from which a pair is listed: on the test data every
	// disguised copy scores 0.56 or more against its original, every independent pair 0.09 or
	// less.
	DefaultThreshold = 0.4
	// DefaultMinShared is the fewest shared fingerprints that make a pair: one or two are
	// chance between short files (two independent 6-line two-sums share one).
	DefaultMinShared = 3
	// commonBatch is the batch size from which a fingerprint in more than half of the
	// submissions is taken for an idiom of the problem rather than a copy.
	commonBatch = 10
)

// Source is one submission's text.
type Source struct {
	Name string
	Text []byte
}

// Options tune a comparison; zero values take the defaults.
type Options struct {
	K, W      int
	Threshold float64
	MinShared int
	// Base is code every candidate had (the starter, the problem's shipped solutions): what
	// matches it is not a match.
	Base [][]byte
}

// Result is the comparison of a batch.
type Result struct {
	Threshold float64 `json:"threshold"`
	K         int     `json:"k"`
	W         int     `json:"w"`
	// BaseFiles counts the files of the common base.
	BaseFiles int `json:"base_files"`
	// Compared counts the pairs compared.
	Compared int `json:"compared"`
	// Pairs are those scoring at least Threshold, highest first.
	Pairs []Pair `json:"pairs"`
}

// Pair is two submissions that share code.
type Pair struct {
	A string `json:"a"`
	B string `json:"b"`
	// Score is the larger of AShare and BShare: padding one copy with dead code lowers its own
	// share, not the other's.
	Score float64 `json:"score"`
	// AShare is the part of A's fingerprints found in B; BShare the other way round.
	AShare  float64 `json:"a_share"`
	BShare  float64 `json:"b_share"`
	Shared  int     `json:"shared_fingerprints"`
	Matches []Match `json:"matches"`
}

// Match is a stretch of A and the stretch of B it matches.
type Match struct {
	A Lines `json:"a_lines"`
	B Lines `json:"b_lines"`
}

// Lines is an inclusive range of 1-based line numbers.
type Lines struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// doc is one source's fingerprints, by hash (the first place each hash occurs).
type doc struct {
	name   string
	toks   []token
	byHash map[uint64]fingerprint
}

// Compare scores every pair of srcs and returns those at or above the threshold.
func Compare(srcs []Source, opt Options) Result {
	k, w, threshold := cmp.Or(opt.K, DefaultK), cmp.Or(opt.W, DefaultW), cmp.Or(opt.Threshold, DefaultThreshold)
	minShared := cmp.Or(opt.MinShared, DefaultMinShared)
	res := Result{Threshold: threshold, K: k, W: w, BaseFiles: len(opt.Base), Pairs: []Pair{}}

	// Every k-gram of the base, not only its winnowed ones: which k-grams winnowing selects
	// depends on their neighbours, and a base line copied into a new context must still match.
	base := map[uint64]bool{}
	for _, b := range opt.Base {
		for _, fp := range fingerprints(tokenize(string(b)), k, 1) {
			base[fp.hash] = true
		}
	}
	docs := make([]doc, len(srcs))
	holders := map[uint64][]int{} // hash -> docs holding it
	for i, s := range srcs {
		d := doc{name: s.Name, toks: tokenize(string(s.Text)), byHash: map[uint64]fingerprint{}}
		for _, fp := range fingerprints(d.toks, k, w) {
			if _, seen := d.byHash[fp.hash]; seen || base[fp.hash] {
				continue
			}
			d.byHash[fp.hash] = fp
			holders[fp.hash] = append(holders[fp.hash], i)
		}
		docs[i] = d
	}
	if len(srcs) >= commonBatch {
		for h, ds := range holders {
			if 2*len(ds) > len(srcs) {
				delete(holders, h)
				for _, i := range ds {
					delete(docs[i].byHash, h)
				}
			}
		}
	}

	// Count shared fingerprints through the inverted index: only pairs that share something
	// cost anything.
	shared := map[[2]int]int{}
	for _, ds := range holders {
		for x := 0; x < len(ds); x++ {
			for y := x + 1; y < len(ds); y++ {
				shared[[2]int{ds[x], ds[y]}]++
			}
		}
	}
	res.Compared = len(srcs) * (len(srcs) - 1) / 2
	for ab, n := range shared {
		a, b := docs[ab[0]], docs[ab[1]]
		as, bs := float64(n)/float64(len(a.byHash)), float64(n)/float64(len(b.byHash))
		score := max(as, bs)
		if score < threshold || n < minShared {
			continue
		}
		res.Pairs = append(res.Pairs, Pair{A: a.name, B: b.name, Score: score, AShare: as, BShare: bs, Shared: n, Matches: matches(a, b, k+w)})
	}
	slices.SortFunc(res.Pairs, func(x, y Pair) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B))
	})
	return res
}

// matches turns the fingerprints a and b share into stretches of lines: each shared
// fingerprint is grown backwards and forwards over the tokens both files have in common (the
// winnowed fingerprints are only a sample of a matching run), and runs that follow each other
// in both files closely (within gap tokens) are joined.
func matches(a, b doc, gap int) []Match {
	type run struct{ a0, a1, b0, b1 int } // token ranges [a0, a1) and [b0, b1)
	var hits [][2]int
	for h, fa := range a.byHash {
		if fb, ok := b.byHash[h]; ok {
			hits = append(hits, [2]int{fa.pos, fb.pos})
		}
	}
	slices.SortFunc(hits, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	var runs []run
	for _, h := range hits {
		if n := len(runs); n > 0 {
			r := runs[n-1]
			if h[0] < r.a1 && h[1]-h[0] == r.b0-r.a0 {
				continue // inside the run already grown
			}
		}
		r := run{h[0], h[0], h[1], h[1]}
		for r.a0 > 0 && r.b0 > 0 && a.toks[r.a0-1].text == b.toks[r.b0-1].text {
			r.a0, r.b0 = r.a0-1, r.b0-1
		}
		for r.a1 < len(a.toks) && r.b1 < len(b.toks) && a.toks[r.a1].text == b.toks[r.b1].text {
			r.a1, r.b1 = r.a1+1, r.b1+1
		}
		if n := len(runs); n > 0 {
			p := &runs[n-1]
			if r.a0 <= p.a1+gap && r.b0 >= p.b0 && r.b0 <= p.b1+gap {
				p.a0, p.a1, p.b0, p.b1 = min(p.a0, r.a0), max(p.a1, r.a1), min(p.b0, r.b0), max(p.b1, r.b1)
				continue
			}
		}
		runs = append(runs, r)
	}
	out := make([]Match, 0, len(runs))
	for _, r := range runs {
		// A newline token carries the line it ends: a run that starts with one starts on the
		// next line.
		for r.a1-r.a0 > 1 && a.toks[r.a0].text == newlineTok {
			r.a0, r.b0 = r.a0+1, r.b0+1
		}
		out = append(out, Match{
			A: Lines{a.toks[r.a0].line, a.toks[r.a1-1].line},
			B: Lines{b.toks[r.b0].line, b.toks[r.b1-1].line},
		})
	}
	return out
}
