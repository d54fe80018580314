package check

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// multiset compares two top-level lists as multisets: both are sorted by the same order and
// matched in that order, O(n log n) in the number of items.
func (c *comparer) multiset(wi, gi uint32) Result {
	ws, gs := sortedItems(c.want, wi), sortedItems(c.got, gi)
	counts := ""
	if len(ws) != len(gs) {
		counts = fmt.Sprintf(" (expected %s, got %d)", plural(len(ws), "item"), len(gs))
	}
	i, j := 0, 0
	for i < len(ws) && j < len(gs) {
		if c.matchItems(ws[i], gs[j]) {
			i, j = i+1, j+1
			continue
		}
		if len(ws) == len(gs) && len(ws) <= maxPairwise && len(ws)*len(c.got.src) <= maxPairwiseWork && c.matchPairwise(ws, gs) {
			return accept()
		}
		if compareItems(c.want, ws[i], c.got, gs[j]) <= 0 {
			break // ws[i] has no match
		}
		return reject("in any order: unexpected item " + show(c.got, gs[j].idx) + counts)
	}
	switch {
	case i < len(ws):
		return reject("in any order: missing item " + show(c.want, ws[i].idx) + counts)
	case j < len(gs):
		return reject("in any order: unexpected item " + show(c.got, gs[j].idx) + counts)
	}
	return accept()
}

// matchItems is matches, answering for two small ints from the sort keys alone, since walking
// the documents in sorted order is a cache miss per item.
func (c *comparer) matchItems(w, g item) bool {
	if w.plain == 1 && g.plain == 1 {
		return w.first == g.first
	}
	return c.matches(w.idx, g.idx)
}

// matches is equal for one item, forgetting the path a failure leaves behind.
func (c *comparer) matches(wi, gi uint32) bool {
	ok := c.equal(wi, gi)
	c.path = c.path[:0]
	return ok
}

// maxPairwise and maxPairwiseWork bound the lists that get a quadratic second try: each of n
// wanted items may be compared with every got item, walking up to the whole output.
const (
	maxPairwise     = 1000
	maxPairwiseWork = 1 << 26 // items × output bytes
)

// matchPairwise is the second try for small lists whose sorted pairing failed: each wanted item
// takes the first unmatched item equal to it. It rescues items whose floats sort differently
// on the two sides (points whose x coordinates tie within the tolerance). Any full matching it
// finds is a real one, so it can only turn a wrong verdict right when the answer is right.
func (c *comparer) matchPairwise(ws, gs []item) bool {
	used := make([]bool, len(gs))
	for _, w := range ws {
		found := false
		for k, g := range gs {
			if !used[k] && w.shape == g.shape && c.matchItems(w, g) {
				used[k], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// item is a list item with the start of its sort key precomputed, so that sorting a million
// items mostly compares these small structs instead of walking the document.
type item struct {
	shape uint64 // hash of the item with every number replaced by one placeholder
	first uint64 // its first number (in canonical order) as order-preserving bits; 0 if none
	idx   uint32
	// For an item that is one number which first says exactly: 1 int (of at most 15
	// characters, so below 2^53), 2 float; else 0. Such items need no walk of the document to
	// break a tie.
	plain uint8
}

func sortedItems(d *doc, list uint32) []item {
	items := make([]item, 0, d.nodes[list].count())
	for i := list + 1; i < d.nodes[list].next; i = d.nodes[i].next {
		h := shapeHasher{h: fnvOffset}
		h.add(d, i)
		it := item{shape: h.h, first: floatOrder(h.first), idx: i}
		switch n := d.nodes[i]; {
		case n.kind == kindFloat:
			it.plain = 2
		case n.kind == kindInt && n.end-n.start <= 15:
			it.plain = 1
		}
		items = append(items, it)
	}
	slices.SortFunc(items, func(a, b item) int { return compareItems(d, a, d, b) })
	return items
}

// compareItems orders items by shape, then by their numbers. Items that match under a float
// tolerance have the same shape and close numbers, so they end up next to each other.
func compareItems(a *doc, x item, b *doc, y item) int {
	if r := cmp.Compare(x.shape, y.shape); r != 0 {
		return r
	}
	if r := cmp.Compare(x.first, y.first); r != 0 {
		return r
	}
	if x.plain != 0 && y.plain != 0 {
		return cmp.Compare(x.plain, y.plain) // what orderPass says: same value, int before float
	}
	// Equal shape hashes almost always mean equal shapes, so compare the numbers first and
	// walk the shapes only to break ties (and hash collisions).
	if r := orderPass(a, x.idx, b, y.idx, true); r != 0 {
		return r
	}
	return orderPass(a, x.idx, b, y.idx, false)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// shapeHasher hashes a value's shape (FNV-1a, fixed so that messages are reproducible) and
// notes its first number.
type shapeHasher struct {
	h          uint64
	first      float64
	seenNumber bool
}

func (s *shapeHasher) byte(c byte) { s.h = (s.h ^ uint64(c)) * fnvPrime }

func (s *shapeHasher) int(n int) {
	for k := 0; k < 8; k++ {
		s.byte(byte(n >> (8 * k)))
	}
}

func (s *shapeHasher) text(t string) {
	s.int(len(t))
	for k := 0; k < len(t); k++ {
		s.byte(t[k])
	}
}

func (s *shapeHasher) add(d *doc, i uint32) {
	n := d.nodes[i]
	s.byte(byte(rank(n.kind)))
	switch n.kind {
	case kindBool:
		s.byte(byte(b2i(n.truth)))
	case kindInt, kindFloat:
		if !s.seenNumber {
			s.first, s.seenNumber = n.float(), true
		}
	case kindString:
		s.text(d.text(i))
	case kindArray:
		s.int(n.count())
		for c := i + 1; c < n.next; c = d.nodes[c].next {
			s.add(d, c)
		}
	case kindObject:
		s.int(n.count())
		for _, k := range d.sortedKeys(i) {
			s.text(d.text(k))
			s.add(d, k+1)
		}
	}
}

// floatOrder maps floats to uint64s in the same order (-0 as 0).
func floatOrder(f float64) uint64 {
	if f == 0 {
		f = 0
	}
	b := math.Float64bits(f)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// orderPass is a total order on JSON values that looks only at their numbers (numbers set), in
// canonical order, or only at everything else. It is safe on values of different shapes.
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

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
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
