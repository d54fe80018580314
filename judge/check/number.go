package check

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// number is a finite number parsed from a token or a JSON literal.
//
// Tolerance checks are decided on the decimal values as written, not on their float64 roundings,
// so that boundaries are inclusive as a person reads them (1.1 vs 1.0 with tolerance 0.1 is
// right). float64 arithmetic decides every case that is clearly inside or outside; only a
// difference within rounding error of the bound is recomputed exactly, and only for literals
// short enough (maxExact) to keep that cost bounded.
type number struct {
	text string  // the literal
	v    float64 // its value rounded to float64; ±Inf when it overflows float64
	// Set for decimal literals whose exact value can be built cheaply:
	// value = ±(intDigits fracDigits) × 10^(exp10 - len(fracDigits)).
	exact                 bool
	neg                   bool
	intDigits, fracDigits string
	exp10                 int
	roundedAtParse        bool // v overflowed: it is not the literal's value within ordinary rounding
}

// maxExact bounds literal length and exponent for the exact fallback.
const maxExact = 1100

// parseDecimal parses a decimal literal: [+-] digits [. digits] [e [+-] digits] with at least one
// mantissa digit (so "1.", ".5" and "+1" are numbers, as for C's strtod). It reports false for
// anything else, including inf and nan.
func parseDecimal(s string) (number, bool) {
	n, ok := scanDecimal(s)
	if !ok {
		return number{}, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeErr(err) {
		return number{}, false // unreachable for the syntax above; be safe rather than wrong
	}
	n.v, n.roundedAtParse = v, err != nil // overflow; underflow is covered by within's slack
	return n, true
}

// scanDecimal is parseDecimal without computing v.
func scanDecimal(s string) (number, bool) {
	n := number{text: s}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		n.neg = s[i] == '-'
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	n.intDigits = s[start:i]
	if i < len(s) && s[i] == '.' {
		i++
		start = i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		n.fracDigits = s[start:i]
	}
	if n.intDigits == "" && n.fracDigits == "" {
		return number{}, false
	}
	exp, expOK := 0, true
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		expNeg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			expNeg = s[i] == '-'
			i++
		}
		start := i
		for ; i < len(s) && isDigit(s[i]); i++ {
			if exp <= maxExact {
				exp = exp*10 + int(s[i]-'0')
			}
		}
		if i == start {
			return number{}, false
		}
		expOK = exp <= maxExact
		if expNeg {
			exp = -exp
		}
	}
	if i != len(s) {
		return number{}, false
	}
	n.exp10 = exp
	n.exact = expOK && len(s) <= maxExact
	return n, true
}

// parseFloatToken reports whether a whole Kattis token is a float for the default validator:
// what C's sscanf("%lf") reads completely and to a finite value (problemtools' isfloat), i.e. a
// decimal or hexadecimal literal; inf, nan and literals that overflow a double are not floats.
func parseFloatToken(s string) (number, bool) {
	if !looksNumeric(s) {
		return number{}, false
	}
	n, ok := parseDecimal(s)
	if !ok {
		n, ok = parseHex(s)
	}
	if !ok || math.IsInf(n.v, 0) {
		return number{}, false
	}
	return n, true
}

// looksNumeric is a cheap first test for parseFloatToken: most words fail on their first bytes.
func looksNumeric[T ~string | ~[]byte](s T) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	return i < len(s) && (isDigit(s[i]) || s[i] == '.')
}

// parseHex parses C's hexadecimal floating literal: [+-] 0x hexdigits [. hexdigits] [p [+-] digits].
// Its value is taken as float64 (exact is false).
func parseHex(s string) (number, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if i+1 >= len(s) || s[i] != '0' || (s[i+1] != 'x' && s[i+1] != 'X') {
		return number{}, false
	}
	i += 2
	nd := 0
	for ; i < len(s) && isHexDigit(s[i]); i++ {
		nd++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && isHexDigit(s[i]); i++ {
			nd++
		}
	}
	if nd == 0 {
		return number{}, false
	}
	lit := s
	if i == len(s) {
		lit = s + "p0" // Go, unlike C, requires the binary exponent
	} else {
		if s[i] != 'p' && s[i] != 'P' {
			return number{}, false
		}
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start || i != len(s) {
			return number{}, false
		}
	}
	v, err := strconv.ParseFloat(lit, 64)
	if err != nil && !isRangeErr(err) {
		return number{}, false
	}
	return number{text: s, v: v, roundedAtParse: err != nil}, true
}

// tolerance is the allowed difference: |want - got| <= abs or <= rel·|want|.
type tolerance struct {
	abs, rel       float64
	absDec, relDec decimal // the same, as the decimals they were written as
}

func newTolerance(abs, rel float64) tolerance {
	return tolerance{abs: abs, rel: rel, absDec: decimalOfFloat(abs), relDec: decimalOfFloat(rel)}
}

// decimalOfFloat is a tolerance as the decimal it was written as: the shortest decimal that
// rounds to it (1e-6, not the binary value just below it).
func decimalOfFloat(f float64) decimal {
	n, _ := parseDecimal(strconv.FormatFloat(f, 'g', -1, 64))
	return n.decimal()
}

func (t tolerance) String() string {
	if t.abs == t.rel {
		return "tolerance " + formatFloat(t.abs)
	}
	return "tolerance abs " + formatFloat(t.abs) + ", rel " + formatFloat(t.rel)
}

// within reports whether got is within tol of want.
func within(want, got number, tol tolerance) bool {
	if want.text == got.text {
		return true
	}
	d := math.Abs(want.v - got.v)
	bound := max(tol.abs, tol.rel*math.Abs(want.v))
	if !want.roundedAtParse && !got.roundedAtParse && !math.IsInf(d, 0) && !math.IsNaN(d) {
		// Rounding errors of parsing and subtracting are below 1e-15 of the magnitudes involved;
		// 1e-12 leaves a wide margin. The absolute term covers subnormals.
		slack := 1e-12*(math.Abs(want.v)+math.Abs(got.v)+bound) + 1e-300
		if d < bound-slack {
			return true
		}
		if d > bound+slack {
			return false
		}
	}
	if !want.exact || !got.exact {
		return d <= bound
	}
	w, g := want.decimal(), got.decimal()
	if w == g {
		return true // the same value spelled differently: 1.0 and 1, 1e20 and 100000000000000000000
	}
	if ok, decided := withinSmall(w, g, tol); decided {
		return ok
	}
	return withinBig(w, g, tol)
}

// decimal is an exact value ±m × 10^exp in a unique form: m without leading or trailing zeros,
// in small when it has at most 19 digits, else as digits in big. Zero is decimal{}.
type decimal struct {
	neg   bool
	small uint64
	big   string
	exp   int
}

// decimal returns an exact number's value (n.exact must be set, to keep exp bounded).
func (n number) decimal() decimal {
	digit := func(k int) byte {
		if k < len(n.intDigits) {
			return n.intDigits[k]
		}
		return n.fracDigits[k-len(n.intDigits)]
	}
	d := decimal{neg: n.neg, exp: n.exp10 - len(n.fracDigits)}
	lo, hi := 0, len(n.intDigits)+len(n.fracDigits)
	for lo < hi && digit(lo) == '0' {
		lo++
	}
	for hi > lo && digit(hi-1) == '0' {
		hi--
		d.exp++
	}
	if lo == hi {
		return decimal{}
	}
	if hi-lo <= 19 {
		for k := lo; k < hi; k++ {
			d.small = d.small*10 + uint64(digit(k)-'0')
		}
		return d
	}
	var b strings.Builder
	for k := lo; k < hi; k++ {
		b.WriteByte(digit(k))
	}
	d.big = b.String()
	return d
}

// withinSmall decides within in uint64 arithmetic; decided is false when that would overflow.
func withinSmall(w, g decimal, tol tolerance) (ok, decided bool) {
	if w.big != "" || g.big != "" || tol.absDec.big != "" || tol.relDec.big != "" {
		return false, false
	}
	e := min(w.exp, g.exp)
	wm, okw := scale(w.small, w.exp-e)
	gm, okg := scale(g.small, g.exp-e)
	if !okw || !okg {
		return false, false
	}
	// |want - got| = dm × 10^e
	var dm uint64
	switch {
	case w.neg != g.neg:
		dm = wm + gm
		if dm < wm {
			return false, false
		}
	case wm >= gm:
		dm = wm - gm
	default:
		dm = gm - wm
	}
	r, ok := compareScaled(dm, e, tol.absDec.small, tol.absDec.exp)
	if !ok {
		return false, false
	}
	if r <= 0 {
		return true, true
	}
	hi, rm := bits.Mul64(tol.relDec.small, w.small) // rel·|want| = rm × 10^(rel.exp + w.exp)
	if hi != 0 {
		return false, false
	}
	r, ok = compareScaled(dm, e, rm, tol.relDec.exp+w.exp)
	return r <= 0, ok
}

// scale returns m × 10^k (k >= 0) unless that overflows.
func scale(m uint64, k int) (uint64, bool) {
	for ; m != 0 && k > 0; k-- {
		if m > math.MaxUint64/10 {
			return 0, false
		}
		m *= 10
	}
	return m, true
}

// compareScaled compares a × 10^ea with b × 10^eb.
func compareScaled(a uint64, ea int, b uint64, eb int) (int, bool) {
	if a == 0 || b == 0 {
		return cmp.Compare(a, b), true
	}
	m := min(ea, eb)
	as, aok := scale(a, ea-m)
	bs, bok := scale(b, eb-m)
	switch {
	case !aok && !bok:
		return 0, false // cannot happen: one of them is not scaled
	case !aok:
		return 1, true
	case !bok:
		return -1, true
	}
	return cmp.Compare(as, bs), true
}

// withinBig is withinSmall in big.Int arithmetic, for long literals. Exponents are bounded
// (number.exact), so the integers are too.
func withinBig(w, g decimal, tol tolerance) bool {
	d, e := bigDiff(w, g)
	if compareBig(d, e, tol.absDec.int(), tol.absDec.exp) <= 0 {
		return true
	}
	rw := new(big.Int).Mul(tol.relDec.int(), new(big.Int).Abs(w.int()))
	return compareBig(d, e, rw, tol.relDec.exp+w.exp) <= 0
}

// bigDiff returns |w - g| as d × 10^e.
func bigDiff(w, g decimal) (*big.Int, int) {
	e := min(w.exp, g.exp)
	d := new(big.Int).Sub(scaleBig(w.int(), w.exp-e), scaleBig(g.int(), g.exp-e))
	return d.Abs(d), e
}

func compareBig(a *big.Int, ea int, b *big.Int, eb int) int {
	m := min(ea, eb)
	return scaleBig(new(big.Int).Set(a), ea-m).Cmp(scaleBig(new(big.Int).Set(b), eb-m))
}

// scaleBig multiplies x by 10^k (k >= 0) in place.
func scaleBig(x *big.Int, k int) *big.Int {
	if k == 0 {
		return x
	}
	return x.Mul(x, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
}

func (d decimal) int() *big.Int {
	x := new(big.Int).SetUint64(d.small)
	if d.big != "" {
		x.SetString(d.big, 10)
	}
	if d.neg {
		x.Neg(x)
	}
	return x
}

// difference is |want - got| for messages, exact where within decided exactly.
func difference(want, got number) float64 {
	if !want.exact || !got.exact {
		return math.Abs(want.v - got.v)
	}
	d, e := bigDiff(want.decimal(), got.decimal())
	r := new(big.Rat).SetInt(d)
	p := new(big.Rat).SetInt(scaleBig(big.NewInt(1), abs(e)))
	if e >= 0 {
		r.Mul(r, p)
	} else {
		r.Quo(r, p)
	}
	f, _ := r.Float64()
	return f
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
