package check

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// defaultJSONTol applies to floats when the problem sets no float_* flag.
const defaultJSONTol = 1e-9

// JSON compares a function's returned value (actual, JSON) with the expected value (JSON).
//
// Strings, bools, null, list lengths and dict key sets must match exactly; true is not 1.
// Numbers, as Python wrote them (a float always has a '.' or an exponent):
//   - expected int: the value must be an int of exactly that value, at any size. A float is
//     wrong even when integral (3.0 for 3), because the type is part of what a function
//     returns, except when the problem sets a float_* flag: then an integral float of exactly
//     that value is accepted (the problem has declared its numbers approximate, and code such
//     as total / 2 gives 3.0). A non-integral float is never an int.
//   - expected float: an int or a float within the tolerance (the float_* flags, else 1e-9
//     absolute or relative), since an int is a valid float in Python.
//
// With f.Unordered a top-level list is compared as a multiset: both sides are sorted by a
// canonical order and matched in that order (O(n log n)). Floats make "equal" approximate, so
// for small lists (up to 1000 items) a failed sorted match gets a second, pairwise try; beyond,
// items whose floats tie within the tolerance but sort differently on the two sides (points
// with nearly equal x) can be reported missing.
//
// CaseSensitive and SpaceChangeSensitive do not apply: strings are values and compare exactly.
// Invalid actual JSON is a wrong answer; invalid expected JSON is an error.
func JSON(expected, actual []byte, f Flags) (Result, error) {
	want, err := parseJSON(expected)
	if err != nil {
		return Result{}, fmt.Errorf("expected answer: invalid JSON: %w", err)
	}
	got, err := parseJSON(actual)
	if err != nil {
		return reject("returned value is not valid JSON: " + err.Error()), nil
	}
	c := comparer{want: want, got: got, tol: newTolerance(defaultJSONTol, defaultJSONTol), intFromFloat: f.HasFloatTol}
	if f.HasFloatTol {
		c.tol = newTolerance(f.AbsTol, f.RelTol)
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
	intFromFloat bool   // an integral float may stand for an int
	path         []step // where equal is, below $; rendered only for a message
	msg          string // set by equal when it returns false
}

// step is one step of a path: a list index, or with key set the expected doc's key node.
type step struct {
	index int
	key   bool
}

func (c *comparer) fail(format string, args ...any) bool {
	c.msg = "at " + c.where() + ": " + fmt.Sprintf(format, args...)
	return false
}

func (c *comparer) where() string {
	var b strings.Builder
	b.WriteString("$")
	for i, s := range c.path {
		if len(c.path) > 8 && i == 3 {
			b.WriteString("…")
		}
		if len(c.path) <= 8 || i < 3 || i >= len(c.path)-4 {
			if s.key {
				b.WriteString(keyPath(c.want.text(uint32(s.index))))
			} else {
				b.WriteString("[" + strconv.Itoa(s.index) + "]")
			}
		}
	}
	return b.String()
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
			return c.fail("expected a list of %s, got %d", plural(w.count(), "item"), g.count())
		}
		gc := gi + 1
		for k, wc := 0, wi+1; wc < w.next; k, wc = k+1, c.want.nodes[wc].next {
			c.path = append(c.path, step{index: k})
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
			c.path = append(c.path, step{index: int(wkey), key: true})
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
	wn, gn := jsonNumber(w, wt), jsonNumber(g, gt)
	if !within(wn, gn, c.tol) {
		return c.fail("expected %s, got %s (difference %s, %s)", clip(wt), clip(gt),
			formatFloat(difference(wn, gn)), c.tol)
	}
	return true
}

// jsonNumber is the number of a number node, whose float64 value the parser already has.
func jsonNumber(n node, text string) number {
	num, _ := scanDecimal(text)
	num.v = n.float()
	num.roundedAtParse = math.IsInf(num.v, 0)
	return num
}

func isNumber(k kind) bool { return k == kindInt || k == kindFloat }

// canonicalInt maps a JSON int literal to one spelling per value (JSON has no leading zeros;
// only -0 needs care). Ints are compared as text so that huge ones cost linear time.
func canonicalInt(s string) string {
	if s == "-0" {
		return "0"
	}
	return s
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
		return "a list of " + plural(n.count(), "item")
	case kindObject:
		return "a dict with " + plural(n.count(), "key")
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
