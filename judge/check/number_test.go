package check

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNumberDecimal(t *testing.T) {
	same := [][]string{
		{"1", "1.0", "1.", "+1", "01.000", "0.1e1", "10e-1", "100000e-5"},
		{"0", "-0", "0.0", ".0", "0e999", "-0.000e-5"},
		{"100000000000000000000", "1e20", "1E+20", "0.01e22"},
		{"-2.5", "-25e-1", "-0.25E1"},
	}
	for _, group := range same {
		first, ok := parseDecimal(group[0])
		require.True(t, ok)
		for _, s := range group[1:] {
			n, ok := parseDecimal(s)
			require.True(t, ok, s)
			assert.Equal(t, first.decimal(), n.decimal(), "%s vs %s", group[0], s)
		}
	}
	for _, pair := range [][2]string{{"1", "-1"}, {"1", "10"}, {"1.5", "15"}, {"100000000000000000001", "1e20"}} {
		a, _ := parseDecimal(pair[0])
		b, _ := parseDecimal(pair[1])
		assert.NotEqual(t, a.decimal(), b.decimal(), "%s vs %s", pair[0], pair[1])
	}
}

func TestParseDecimal(t *testing.T) {
	for _, s := range []string{"1", "-1", "+1", "1.", ".5", "1e5", "1E-5", "1.5e+300", "0001", "1e400", "1e-400"} {
		_, ok := parseDecimal(s)
		assert.True(t, ok, s)
	}
	for _, s := range []string{"", "+", "-", ".", "e5", "1e", "1e+", "1.5.5", "1e5.5", "inf", "nan", "0x10", "1_000", " 1", "1 "} {
		_, ok := parseDecimal(s)
		assert.False(t, ok, s)
	}
}

func TestParseFloatToken(t *testing.T) {
	for _, s := range []string{"1", "-1.5", "0x1A", "0X1.8p1", "-0x.8", "0x1p-3", "1e-400", ".5"} {
		_, ok := parseFloatToken(s)
		assert.True(t, ok, s)
	}
	// Not floats for problemtools: non-finite values and what sscanf would leave a rest of.
	for _, s := range []string{"inf", "nan", "Infinity", "1e999", "-1e999", "0x", "0xg", "0x1p", "0x1.8q", "1e", "abc", "1,5"} {
		_, ok := parseFloatToken(s)
		assert.False(t, ok, s)
	}
}

// The uint64 fast path and the big.Int path of the exact check agree wherever the fast path
// decides, and the fast path decides the everyday cases.
func TestWithinSmallMatchesBig(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	lit := func() string {
		s := strconv.FormatUint(r.Uint64N(1_000_000_000_000), 10)
		if r.IntN(2) == 0 {
			s = "-" + s
		}
		return s + "e" + strconv.Itoa(r.IntN(40)-20)
	}
	decided := 0
	const n = 100000
	for i := 0; i < n; i++ {
		w, _ := parseDecimal(lit())
		g, _ := parseDecimal(lit())
		tol := newTolerance(float64(r.IntN(100))*1e-3, []float64{0, 1e-9, 1e-6, 0.5}[r.IntN(4)])
		ok, dec := withinSmall(w.decimal(), g.decimal(), tol)
		if dec {
			decided++
			require.Equal(t, withinBig(w.decimal(), g.decimal(), tol), ok, "%s vs %s, %+v", w.text, g.text, tol)
		}
	}
	assert.Greater(t, decided, n/4)

	for _, c := range [][2]string{{"1.0", "1.1"}, {"123456.789", "123456.7891"}, {"-0.5", "0.5e-3"}, {"1e20", "1.00000000000000001e20"}} {
		w, _ := parseDecimal(c[0])
		g, _ := parseDecimal(c[1])
		_, dec := withinSmall(w.decimal(), g.decimal(), newTolerance(0.1, 1e-6))
		assert.True(t, dec, "%s vs %s needs big arithmetic", c[0], c[1])
	}
}
