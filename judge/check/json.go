package check

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// defaultJSONTol applies to floats when the problem sets no float_* flag.
var defaultJSONTol = tolerance{abs: 1e-9, rel: 1e-9}

// JSON compares a function's returned value (actual, JSON) with the expected value (JSON).
//
// Strings, bools, null, list lengths and dict key sets must match exactly; true is not 1.
// Numbers, as Python wrote them (a float always has a '.' or an exponent):
//   - expected int: the value must be an int of exactly that value, at any size. A float is
//     wrong even when integral (3.0 for 3), because the type is part of what a function
//     returns, except when the problem sets a float_* flag: then an integral float of exactly
//     that value is accepted (the problem has declared its numbers approximate, and
//     float(x) // 1 style code returns floats). A non-integral float is never an int.
//   - expected float: an int or a float within the tolerance (the float_* flags, else 1e-9
//     absolute or relative), since an int is a valid float in Python.
//
// With f.Unordered a top-level list is compared as a multiset: both sides are sorted by a
// canonical order and matched in that order (O(n log n)). With a tolerance this finds a match
// whenever items differ only in float parts that sort the same way on both sides; items whose
// first differing float lies within tolerance of another item's can be paired wrongly.
//
// Invalid actual JSON is a wrong answer; invalid expected JSON is an error.
func JSON(expected, actual []byte, f Flags) (Result, error) {
	want, err := parseJSON(expected)
	if err != nil {
		return Result{}, fmt.Errorf("check: expected answer: invalid JSON: %w", err)
	}
	got, err := parseJSON(actual)
	if err != nil {
		return reject("returned value is not valid JSON: " + err.Error()), nil
	}
	c := comparer{want: want, got: got, tol: defaultJSONTol, intFromFloat: f.HasFloatTol}
	if f.HasFloatTol {
		c.tol = tolerance{f.AbsTol, f.RelTol}
	}
	if f.Unordered && want.nodes[0].kind == kindArray && got.nodes[0].kind == kindArray {
		return c.multiset(0, 0), nil
	}
	if c.equal(0, 0) {
		return accept(), nil
	}
	return reject(c.msg), nil
}

type comparer struct {
	want, got    *doc
	tol          tolerance
	intFromFloat bool     // an integral float may stand for an int
	path         []string // rendered path elements below $
	msg          string   // set by equal when it returns false
}

func (c *comparer) fail(format string, args ...any) bool {
	c.msg = "at " + c.where() + ": " + fmt.Sprintf(format, args...)
	return false
}

func (c *comparer) where() string {
	p := c.path
	if len(p) > 8 {
		return "$" + strings.Join(p[:3], "") + "…" + strings.Join(p[len(p)-4:], "")
	}
	return "$" + strings.Join(p, "")
}

// equal reports whether the got value at gi matches the wanted value at wi; when not, c.msg says
// where and why.
func (c *comparer) equal(wi, gi uint32) bool {
	w, g := c.want.nodes[wi], c.got.nodes[gi]
	wk, gk := w.kind, g.kind
	if isNumber(wk) && isNumber(gk) {
		return c.number(wi, gi)
	}
	if wk != gk {
		return c.fail("expected %s, got %s", describe(c.want, wi), describe(c.got, gi))
	}
	switch wk {
	case kindBool:
		if w.truth != g.truth {
			return c.fail("expected %s, got %s", show(c.want, wi), show(c.got, gi))
		}
	case kindString:
		if c.want.text(wi) != c.got.text(gi) {
			return c.fail("expected %s, got %s", show(c.want, wi), show(c.got, gi))
		}
	case kindArray:
		if w.count() != g.count() {
			return c.fail("expected a list of %d items, got %d", w.count(), g.count())
		}
		gc := gi + 1
		for k, wc := 0, wi+1; wc < w.next; k, wc = k+1, c.want.nodes[wc].next {
			c.path = append(c.path, "["+strconv.Itoa(k)+"]")
			if !c.equal(wc, gc) {
				return false
			}
			c.path = c.path[:len(c.path)-1]
			gc = c.got.nodes[gc].next
		}
	case kindObject:
		wkeys, gkeys := c.want.sortedKeys(wi), c.got.sortedKeys(gi)
		for i, j := 0, 0; i < len(wkeys) || j < len(gkeys); {
			switch {
			case j == len(gkeys) || i < len(wkeys) && c.want.text(wkeys[i]) < c.got.text(gkeys[j]):
				return c.fail("missing key %s", quote(c.want.text(wkeys[i])))
			case i == len(wkeys) || c.want.text(wkeys[i]) > c.got.text(gkeys[j]):
				return c.fail("unexpected key %s", quote(c.got.text(gkeys[j])))
			}
			i, j = i+1, j+1
		}
		for i, wkey := range wkeys {
			c.path = append(c.path, keyPath(c.want.text(wkey)))
			if !c.equal(wkey+1, gkeys[i]+1) {
				return false
			}
			c.path = c.path[:len(c.path)-1]
		}
	}
	return true
}

func (c *comparer) number(wi, gi uint32) bool {
	w, g := c.want.nodes[wi], c.got.nodes[gi]
	wt, gt := c.want.text(wi), c.got.text(gi)
	if w.kind == kindInt {
		if g.kind == kindInt {
			if canonicalInt(wt) != canonicalInt(gt) {
				return c.fail("expected %s, got %s", clip(wt), clip(gt))
			}
			return true
		}
		if c.intFromFloat && floatIsInt(g.float(), canonicalInt(wt)) {
			return true
		}
		return c.fail("expected int %s, got float %s", clip(wt), clip(gt))
	}
	wn, _ := parseDecimal(wt)
	gn, _ := parseDecimal(gt)
	if !within(wn, gn, c.tol) {
		return c.fail("expected %s, got %s (difference %s, %s)", clip(wt), clip(gt),
			formatFloat(difference(wn, gn)), c.tol)
	}
	return true
}

// multiset compares two top-level lists as multisets.
func (c *comparer) multiset(wi, gi uint32) Result {
	ws, gs := c.want.elements(wi), c.got.elements(gi)
	slices.SortFunc(ws, func(a, b uint32) int { return order(c.want, a, c.want, b) })
	slices.SortFunc(gs, func(a, b uint32) int { return order(c.got, a, c.got, b) })
	counts := ""
	if len(ws) != len(gs) {
		counts = fmt.Sprintf(" (expected %d items, got %d)", len(ws), len(gs))
	}
	c.path = append(c.path, "[?]")
	i, j := 0, 0
	for i < len(ws) && j < len(gs) {
		if c.equal(ws[i], gs[j]) {
			i, j = i+1, j+1
			continue
		}
		if order(c.want, ws[i], c.got, gs[j]) <= 0 {
			break // ws[i] has no match
		}
		return reject("in any order: unexpected item " + show(c.got, gs[j]) + counts)
	}
	switch {
	case i < len(ws):
		return reject("in any order: missing item " + show(c.want, ws[i]) + counts)
	case j < len(gs):
		return reject("in any order: unexpected item " + show(c.got, gs[j]) + counts)
	}
	return accept()
}

// order is a total order on JSON values, used to sort multisets. Values that are equal under
// the tolerance rules compare equal or sit next to each other: values are ordered by their
// non-number content first and by their numbers (in document order) only after that, so a float
// that differs slightly does not separate an item from its match.
func order(a *doc, i uint32, b *doc, j uint32) int {
	if r := orderPass(a, i, b, j, false); r != 0 {
		return r
	}
	return orderPass(a, i, b, j, true)
}

func orderPass(a *doc, i uint32, b *doc, j uint32, numbers bool) int {
	x, y := a.nodes[i], b.nodes[j]
	if r := cmp.Compare(rank(x.kind), rank(y.kind)); r != 0 {
		return r
	}
	switch x.kind {
	case kindBool:
		return cmp.Compare(b2i(x.truth), b2i(y.truth))
	case kindInt, kindFloat:
		if !numbers {
			return 0
		}
		if r := cmp.Compare(x.float(), y.float()); r != 0 {
			return r
		}
		if x.kind != y.kind {
			return cmp.Compare(x.kind, y.kind)
		}
		if x.kind == kindInt {
			return compareInts(canonicalInt(a.text(i)), canonicalInt(b.text(j)))
		}
		return 0
	case kindString:
		if numbers {
			return 0
		}
		return strings.Compare(a.text(i), b.text(j))
	case kindArray:
		if r := cmp.Compare(x.count(), y.count()); r != 0 {
			return r
		}
		for ci, cj := i+1, j+1; ci < x.next; ci, cj = a.nodes[ci].next, b.nodes[cj].next {
			if r := orderPass(a, ci, b, cj, numbers); r != 0 {
				return r
			}
		}
	case kindObject:
		if r := cmp.Compare(x.count(), y.count()); r != 0 {
			return r
		}
		ak, bk := a.sortedKeys(i), b.sortedKeys(j)
		if !numbers {
			for k := range ak {
				if r := strings.Compare(a.text(ak[k]), b.text(bk[k])); r != 0 {
					return r
				}
			}
		}
		for k := range ak {
			if r := orderPass(a, ak[k]+1, b, bk[k]+1, numbers); r != 0 {
				return r
			}
		}
	}
	return 0
}

// rank orders kinds; int and float share a rank so that 1 and 1.0 sort together.
func rank(k kind) int {
	if k == kindFloat {
		return int(kindInt)
	}
	return int(k)
}

func isNumber(k kind) bool { return k == kindInt || k == kindFloat }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// canonicalInt maps a JSON int literal to one spelling per value (JSON has no leading zeros;
// only -0 needs care). Ints are compared as text so that huge ones cost linear time.
func canonicalInt(s string) string {
	if s == "-0" {
		return "0"
	}
	return s
}

func compareInts(a, b string) int {
	an, bn := strings.HasPrefix(a, "-"), strings.HasPrefix(b, "-")
	switch {
	case an && !bn:
		return -1
	case !an && bn:
		return 1
	case an:
		return -compareInts(a[1:], b[1:])
	}
	if r := cmp.Compare(len(a), len(b)); r != 0 {
		return r
	}
	return strings.Compare(a, b)
}

// floatIsInt reports whether f is exactly the int written canonically as s, as Python's
// f == int(s) does.
func floatIsInt(f float64, s string) bool {
	if math.IsInf(f, 0) || math.IsNaN(f) || f != math.Trunc(f) {
		return false
	}
	if math.Abs(f) < 1<<53 {
		return strconv.FormatInt(int64(f), 10) == s
	}
	i, _ := big.NewFloat(f).Int(nil)
	return i.String() == s
}

// describe names a value's type and shows it, for type mismatches.
func describe(d *doc, i uint32) string {
	n := d.nodes[i]
	switch n.kind {
	case kindNull:
		return "None"
	case kindArray:
		return fmt.Sprintf("a list of %d items", n.count())
	case kindObject:
		return fmt.Sprintf("a dict with %d keys", n.count())
	}
	return pythonName[n.kind] + " " + show(d, i)
}

// show renders a value briefly, Python-style for literals.
func show(d *doc, i uint32) string {
	n := d.nodes[i]
	switch n.kind {
	case kindNull:
		return "None"
	case kindBool:
		if n.truth {
			return "True"
		}
		return "False"
	case kindInt, kindFloat:
		return clip(d.text(i))
	case kindString:
		return quote(d.text(i))
	}
	return clip(d.src[n.start:n.end])
}

// keyPath renders one dict step of a path: .name for identifiers, else ["key"].
func keyPath(k string) string {
	ident := k != ""
	for i := 0; i < len(k); i++ {
		ch := k[i]
		if !(ch == '_' || 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || i > 0 && isDigit(ch)) {
			ident = false
			break
		}
	}
	if ident && len(k) <= maxShown {
		return "." + k
	}
	return "[" + quote(k) + "]"
}
