package check

import (
	"math"
	"math/big"
	"strconv"
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
type tolerance struct{ abs, rel float64 }

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
	if want.exact && got.exact {
		// Equal values spelled differently (1.0 and 1, 1e20 and 100000000000000000000) are
		// common and need no big arithmetic.
		if want.normal() == got.normal() {
			return true
		}
		return withinExact(want, got, tol)
	}
	return d <= bound
}

// normalDecimal is a value's unique spelling: digits without leading or trailing zeros and the
// power of ten they are multiplied by.
type normalDecimal struct {
	neg    bool
	digits string
	exp    int
}

func (n number) normal() normalDecimal {
	digits, exp := n.intDigits+n.fracDigits, n.exp10-len(n.fracDigits)
	digits = trimLeftZeros(digits)
	end := len(digits)
	for end > 0 && digits[end-1] == '0' {
		end--
	}
	exp += len(digits) - end
	if end == 0 {
		return normalDecimal{} // zero, whatever its sign and exponent
	}
	return normalDecimal{neg: n.neg, digits: digits[:end], exp: exp}
}

// difference is |want - got| for messages, exact where within decided exactly.
func difference(want, got number) float64 {
	if want.exact && got.exact {
		d, _ := new(big.Rat).Sub(want.rat(), got.rat()).Float64()
		return math.Abs(d)
	}
	return math.Abs(want.v - got.v)
}

func withinExact(want, got number, tol tolerance) bool {
	w, g := want.rat(), got.rat()
	d := new(big.Rat).Sub(w, g)
	d.Abs(d)
	if d.Cmp(ratOfFloat(tol.abs)) <= 0 {
		return true
	}
	rb := new(big.Rat).Abs(w)
	rb.Mul(rb, ratOfFloat(tol.rel))
	return d.Cmp(rb) <= 0
}

func (n number) rat() *big.Rat {
	r := new(big.Rat)
	digits := trimLeftZeros(n.intDigits + n.fracDigits)
	if digits == "" {
		return r
	}
	m, _ := new(big.Int).SetString(digits, 10)
	e := n.exp10 - len(n.fracDigits)
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil)
	if e >= 0 {
		r.SetInt(m.Mul(m, p))
	} else {
		r.SetFrac(m, p)
	}
	if n.neg {
		r.Neg(r)
	}
	return r
}

// ratOfFloat returns the tolerance as the decimal it was written as: the shortest decimal that
// rounds to it (1e-6, not the binary value just below it).
func ratOfFloat(f float64) *big.Rat {
	n, ok := parseDecimal(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok || !n.exact {
		return new(big.Rat).SetFloat64(f)
	}
	return n.rat()
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func trimLeftZeros(s string) string {
	i := 0
	for i < len(s) && s[i] == '0' {
		i++
	}
	return s[i:]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
