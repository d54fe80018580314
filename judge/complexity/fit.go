// Package complexity estimates a solution's growth class from CPU times measured at growing input
// sizes: it fits the times against O(1), O(log n), O(n), O(n log n), O(n²), O(n³) and O(2ⁿ) and
// names the best class with the fit's quality, or says it cannot tell when two classes fit
// about as well. It is pure arithmetic on measurements: it runs nothing and never touches a
// verdict.
package complexity

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Class is a growth class.
type Class int

const (
	// Unknown is the zero value: no class could be named.
	Unknown Class = iota
	Constant
	Log
	Linear
	NLogN
	Quadratic
	Cubic
	Exponential
)

var classNames = map[Class]string{
	Unknown: "?", Constant: "O(1)", Log: "O(log n)", Linear: "O(n)", NLogN: "O(n log n)",
	Quadratic: "O(n²)", Cubic: "O(n³)", Exponential: "O(2ⁿ)",
}

func (c Class) String() string { return classNames[c] }

// MarshalText writes the class as "O(n log n)".
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a class as MarshalText writes it ("?" is Unknown), or as ParseClass does:
// a stored report is read back.
func (c *Class) UnmarshalText(b []byte) error {
	if string(b) == Unknown.String() {
		*c = Unknown
		return nil
	}
	got, err := ParseClass(string(b))
	if err != nil {
		return err
	}
	*c = got
	return nil
}

// ParseClass reads a class as written in a problem's ladder: "O(n log n)", "n log n", "n^2",
// "O(n²)", "2^n", "1", "log n".
func ParseClass(s string) (Class, error) {
	k := strings.ToLower(strings.Join(strings.Fields(s), ""))
	k = strings.TrimSuffix(strings.TrimPrefix(k, "o("), ")")
	switch k {
	case "1":
		return Constant, nil
	case "logn":
		return Log, nil
	case "n":
		return Linear, nil
	case "nlogn":
		return NLogN, nil
	case "n^2", "n²", "n2":
		return Quadratic, nil
	case "n^3", "n³", "n3":
		return Cubic, nil
	case "2^n", "2ⁿ":
		return Exponential, nil
	}
	return Unknown, fmt.Errorf("complexity class %q: want one of 1, log n, n, n log n, n^2, n^3, 2^n", s)
}

// Point is one measurement: the CPU time at input size N (the fastest of repeats, say).
type Point struct {
	N       float64 `json:"n"`
	Seconds float64 `json:"seconds"`
}

// ClassFit is how well one class explains the points: t ≈ A + B·f(n), B ≥ 0.
type ClassFit struct {
	Class Class   `json:"class"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
	// R2 is the coefficient of determination, on relative errors: 1 is a perfect fit.
	R2 float64 `json:"r2"`
	// rss is the weighted residual sum of squares.
	rss float64
}

// Fit is the estimate for one set of points.
type Fit struct {
	// Class is the best class, or Unknown when it cannot tell (see Close).
	Class Class   `json:"class"`
	R2    float64 `json:"r2"`
	// Close names the classes that fit about as well as the best one; when it is not empty,
	// Class is Unknown and the estimate is "one of these".
	Close []Class `json:"close,omitempty"`
	// Fits are every class tried, best first.
	Fits []ClassFit `json:"fits"`
	// Noise is how far apart repeats of one size were (FitWithin); when every size's time is
	// within it of every other's, the points are flat (Class O(1)) whatever fits best.
	Noise float64 `json:"noise,omitempty"`
	// WithinNoise says the class is O(1) because of Noise.
	WithinNoise bool `json:"within_noise,omitempty"`
}

// closeRatio: a class whose residuals are within this factor of the best one's is as good an
// explanation. Over a ladder of 2 decades n and n log n differ by less than 2x, about what a
// loaded machine's noise does: at 1.5 merge-sort's reference was once named O(n) outright.
const closeRatio = 3

// flatSpread: times that vary less than this (max/min) over the whole ladder are O(1).
const flatSpread = 1.25

// FitPoints fits the points (at least 4 sizes, distinct, all times positive). An error means the
// points cannot be fitted, e.g. too few.
func FitPoints(pts []Point) (Fit, error) {
	if len(pts) < 4 {
		return Fit{}, fmt.Errorf("complexity: %d sizes measured, need at least 4", len(pts))
	}
	pts = slices.Clone(pts)
	slices.SortFunc(pts, func(a, b Point) int { return cmp.Compare(a.N, b.N) })
	lo, hi := math.Inf(1), 0.0
	for i, p := range pts {
		if p.N < 1 || p.Seconds <= 0 || math.IsNaN(p.Seconds) || math.IsInf(p.Seconds, 0) {
			return Fit{}, fmt.Errorf("complexity: bad point n=%g t=%g", p.N, p.Seconds)
		}
		if i > 0 && p.N == pts[i-1].N {
			return Fit{}, fmt.Errorf("complexity: size %g measured twice", p.N)
		}
		lo, hi = min(lo, p.Seconds), max(hi, p.Seconds)
	}
	var fits []ClassFit
	for c := Constant; c <= Exponential; c++ {
		if f, ok := fitClass(c, pts); ok {
			fits = append(fits, f)
		}
	}
	slices.SortStableFunc(fits, func(a, b ClassFit) int { return cmp.Compare(a.rss, b.rss) })
	out := Fit{Fits: fits}
	if hi/lo < flatSpread {
		out.Class, out.R2 = Constant, 1
		return out, nil
	}
	best := fits[0]
	out.Class, out.R2 = best.Class, best.R2
	for _, f := range fits[1:] {
		if f.Class != Constant && f.rss <= closeRatio*best.rss+1e-12 {
			out.Close = append(out.Close, f.Class)
		}
	}
	if len(out.Close) > 0 {
		out.Close = append([]Class{best.Class}, out.Close...)
		slices.Sort(out.Close)
		out.Class = Unknown
	}
	return out, nil
}

// Grows says the points grow by some class for certain: the best class is not O(1), and when
// it cannot tell, no class it names is.
func (f Fit) Grows() bool {
	if f.Class != Unknown {
		return f.Class > Constant
	}
	return len(f.Close) > 0 && !slices.Contains(f.Close, Constant)
}

// Growth is how many times the best class's fitted curve rises from size lo to size hi (1 when
// it is flat or there is no fit).
func (f Fit) Growth(lo, hi float64) float64 {
	if len(f.Fits) == 0 || f.Class == Constant {
		return 1
	}
	b := f.Fits[0]
	at := func(n float64) float64 { return b.A + b.B*growth(b.Class, n) }
	if y := at(lo); y > 0 {
		return at(hi) / y
	}
	return 1
}

// FitWithin fits the points as FitPoints does, and calls them flat when the largest and the
// smallest are no further apart than noise: the spread of repeated measurements of one size.
// That noise is the machine's own (a test's fork and page faults cost a few ms here, ten times
// that where faults are slow), so no fixed threshold could tell it from growth everywhere.
func FitWithin(pts []Point, noise float64) (Fit, error) {
	f, err := FitPoints(pts)
	if err != nil || noise <= 0 {
		return f, err
	}
	f.Noise = noise
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		lo, hi = min(lo, p.Seconds), max(hi, p.Seconds)
	}
	if hi-lo <= noise && f.Class != Constant {
		f.Class, f.R2, f.Close, f.WithinNoise = Constant, 1, nil, true
	}
	return f, nil
}

// String reads "≈ O(n²) (R² 0.99)" or "cannot tell: O(n) or O(n log n)".
func (f Fit) String() string {
	if f.WithinNoise {
		return fmt.Sprintf("≈ %s (every size within the %.1f ms its repeats differ by)", f.Class, f.Noise*1e3)
	}
	if f.Class == Unknown {
		if len(f.Close) == 0 {
			return "cannot tell"
		}
		names := make([]string, len(f.Close))
		for i, c := range f.Close {
			names[i] = c.String()
		}
		return "cannot tell: " + strings.Join(names, " or ")
	}
	return fmt.Sprintf("≈ %s (R² %.2f)", f.Class, f.R2)
}

func growth(c Class, n float64) float64 {
	switch c {
	case Constant:
		return 0
	case Log:
		return math.Log2(n)
	case Linear:
		return n
	case NLogN:
		return n * math.Log2(n)
	case Quadratic:
		return n * n
	case Cubic:
		return n * n * n
	case Exponential:
		return math.Pow(2, n)
	}
	return math.NaN()
}

// fitClass fits t = A + B·f(n) by least squares on relative errors (weights 1/t²: the largest
// sizes must not decide alone), with A ≥ 0 and B ≥ 0. ok is false when f overflows.
func fitClass(c Class, pts []Point) (ClassFit, bool) {
	var sw, sf, st, sff, sft float64
	for _, p := range pts {
		f := growth(c, p.N)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return ClassFit{}, false
		}
		w := 1 / (p.Seconds * p.Seconds)
		sw += w
		sf += w * f
		st += w * p.Seconds
		sff += w * f * f
		sft += w * f * p.Seconds
	}
	var a, b float64
	if den := sw*sff - sf*sf; c != Constant && den > 0 {
		b = (sw*sft - sf*st) / den
		a = (st - b*sf) / sw
	}
	switch {
	case c == Constant || b <= 0:
		a, b = st/sw, 0 // no growth: the constant fit
	case a < 0:
		a, b = 0, sft/sff // through the origin
	}
	var rss, tot float64
	for _, p := range pts {
		r := (p.Seconds - (a + b*growth(c, p.N))) / p.Seconds
		rss += r * r
	}
	// R² against the best constant, in the same relative terms.
	k := st / sw
	for _, p := range pts {
		r := (p.Seconds - k) / p.Seconds
		tot += r * r
	}
	r2 := 1.0
	if tot > 0 {
		r2 = 1 - rss/tot
	}
	return ClassFit{Class: c, A: a, B: b, R2: r2, rss: rss}, true
}
