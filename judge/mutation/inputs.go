package mutation

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/judge-dev/judge/judge"
)

// Candidate inputs for the differential run: the neighbourhood of the problem's own small tests
// (each changed in one place, then each of those changed once more), so the inputs stay in the
// shapes the author wrote and move to the edges a mutant may mishandle: an empty list, a bound
// of -1 or 0, a number one off. The input validator then drops those the contract forbids.

// maxSeed is the largest test input (bytes) whose neighbourhood is explored.
const maxSeed = 512

// maxListEdit is the longest list (or line count) whose elements are each changed; longer
// ones are only shortened.
const maxListEdit = 6

// Candidates returns up to limit distinct inputs near p's small tests, smallest first. The
// tests themselves are not among them. Under a limit the tests take turns: each gives its next
// neighbour in turn, one-edit neighbours before two-edit ones, so every test's neighbourhood is
// reached. Taking the smallest of all instead spent slicing's 400 on two-edit variants of its
// smallest tests (11,726 candidates in all) and never reached [[42], -1, null, -1], one edit
// from a test, which tells five mutants apart from the reference.
func Candidates(p *judge.Problem, limit int) [][]byte {
	own := map[string]bool{}
	var seeds [][]byte
	for _, t := range p.Tests {
		own[string(t.Input)] = true
		if p.Mode == judge.Function {
			own[string(canonical(t.Input))] = true
		}
		if len(t.Input) <= maxSeed {
			seeds = append(seeds, t.Input)
		}
	}
	next := stdioNeighbours
	if p.Mode == judge.Function {
		next = jsonNeighbours
	}
	// Each seed's neighbours in the order they are made: one edit, then two.
	lists := make([][][]byte, len(seeds))
	for i, s := range seeds {
		first := next(s)
		lists[i] = append(lists[i], first...)
		for _, f := range first {
			lists[i] = append(lists[i], next(f)...)
		}
	}
	seen := map[string]bool{}
	var out [][]byte
	for more := true; more && (limit <= 0 || len(out) < limit); {
		more = false
		for i := range lists {
			if limit > 0 && len(out) >= limit {
				break
			}
			// The seed's next neighbour not yet taken (nor a test, nor too large).
			for len(lists[i]) > 0 {
				b := lists[i][0]
				lists[i] = lists[i][1:]
				if len(b) > 2*maxSeed || seen[string(b)] || own[string(b)] {
					continue
				}
				seen[string(b)] = true
				out = append(out, b)
				break
			}
			more = more || len(lists[i]) > 0
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return smaller(out[i], out[j]) })
	return out
}

// jsonNeighbours changes a function-mode input (a JSON array of arguments) in one place.
func jsonNeighbours(in []byte) [][]byte {
	d := json.NewDecoder(bytes.NewReader(in))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil
	}
	var out [][]byte
	for _, w := range variants(v, 0) {
		b, err := json.Marshal(w)
		if err == nil {
			out = append(out, append(b, '\n'))
		}
	}
	return out
}

// variants are the values one edit away from v. The arguments array itself (depth 0) keeps its
// length: only its elements change.
func variants(v any, depth int) []any {
	var out []any
	switch x := v.(type) {
	case nil:
		out = append(out, json.Number("0"), json.Number("-1"), json.Number("1"))
	case bool:
		out = append(out, !x)
	case json.Number:
		if n, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			for _, m := range []int64{n - 1, n + 1, 0, -1, 1, -n} {
				if m != n {
					out = append(out, json.Number(strconv.FormatInt(m, 10)))
				}
			}
			out = append(out, nil)
		}
	case string:
		if x != "" {
			r := []rune(x)
			out = append(out, "", string(r[1:]), string(r[:len(r)-1]))
		}
	case []any:
		if depth > 0 && len(x) > 0 {
			out = append(out, []any{}, x[1:], x[:len(x)-1])
			if len(x) > 2 {
				out = append(out, x[:len(x)/2])
			}
		}
		if depth == 0 || len(x) <= maxListEdit {
			for i := range x {
				for _, e := range variants(x[i], depth+1) {
					y := append([]any{}, x...)
					y[i] = e
					out = append(out, y)
				}
			}
		}
	case map[string]any:
		if len(x) > 0 && len(x) <= maxListEdit {
			out = append(out, map[string]any{})
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				y := map[string]any{}
				for k2, e := range x {
					if k2 != k {
						y[k2] = e
					}
				}
				out = append(out, y)
				for _, e := range variants(x[k], depth+1) {
					z := map[string]any{}
					for k2, e2 := range x {
						z[k2] = e2
					}
					z[k] = e
					out = append(out, z)
				}
			}
		}
	}
	return out
}

// stdioNeighbours changes a stdin text in one place: an integer token moved by one or set to 0,
// a line dropped, a line's first or last character dropped, the final newline dropped.
func stdioNeighbours(in []byte) [][]byte {
	text := string(in)
	var out [][]byte
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	join := func(ls []string) []byte { return []byte(strings.Join(ls, "")) }
	for i, l := range lines {
		if len(lines) > 1 {
			out = append(out, join(append(append([]string{}, lines[:i]...), lines[i+1:]...)))
		}
		body := strings.TrimSuffix(l, "\n")
		nl := l[len(body):]
		fields := strings.Fields(body)
		if len(fields) <= maxListEdit*2 {
			for j, f := range fields {
				n, err := strconv.ParseInt(f, 10, 64)
				if err != nil {
					continue
				}
				for _, m := range []int64{n - 1, n + 1, 0, 1} {
					if m == n {
						continue
					}
					g := append([]string{}, fields...)
					g[j] = strconv.FormatInt(m, 10)
					ls := append([]string{}, lines...)
					ls[i] = strings.Join(g, " ") + nl
					out = append(out, join(ls))
				}
			}
		}
		if r := []rune(body); len(r) > 0 && (len(lines) <= maxListEdit || i == 0 || i == len(lines)-1) {
			for _, cut := range []string{string(r[1:]), string(r[:len(r)-1])} {
				ls := append([]string{}, lines...)
				ls[i] = cut + nl
				out = append(out, join(ls))
			}
		}
	}
	if strings.HasSuffix(text, "\n") {
		out = append(out, []byte(strings.TrimSuffix(text, "\n")))
	}
	return out
}

// smaller orders inputs by size, then bytes: the first that tells a mutant apart is the
// smallest, and the order is the same on every run.
func smaller(a, b []byte) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return bytes.Compare(a, b) < 0
}

// canonical is a JSON input as the neighbourhood writes it, so a candidate equal to a test is
// known as one whatever the test's spacing.
func canonical(in []byte) []byte {
	d := json.NewDecoder(bytes.NewReader(in))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	return append(b, '\n')
}
