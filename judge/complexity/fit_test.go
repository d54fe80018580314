package complexity

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// synth is t = overhead + scale·f(n), with multiplicative noise of ±noise (seeded).
func synth(c Class, sizes []float64, overhead, scale, noise float64, seed uint64) []Point {
	r := rand.New(rand.NewPCG(seed, 7))
	pts := make([]Point, len(sizes))
	for i, n := range sizes {
		t := overhead + scale*growth(c, n)
		pts[i] = Point{N: n, Seconds: t * (1 + noise*(2*r.Float64()-1))}
	}
	return pts
}

var (
	wide  = []float64{1000, 3000, 10000, 30000, 100000, 300000, 1000000}
	small = []float64{100, 200, 400, 800, 1600, 3200}
	expN  = []float64{10, 12, 14, 16, 18, 20}
)

func TestFitNamesTheClass(t *testing.T) {
	cases := []struct {
		name  string
		class Class
		sizes []float64
		// overhead and scale in seconds
		overhead, scale float64
	}{
		{"constant", Constant, wide, 0.02, 0},
		{"log", Log, wide, 0.001, 0.002},
		{"linear", Linear, wide, 0.001, 2e-7},
		{"linear with a start-up cost", Linear, wide, 0.02, 2e-7},
		{"n log n", NLogN, wide, 0.001, 1e-8},
		{"quadratic", Quadratic, small, 0.001, 5e-8},
		{"cubic", Cubic, small, 0.001, 1e-10},
		{"exponential", Exponential, expN, 0.001, 1e-7},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for seed := range uint64(5) {
				f, err := FitPoints(synth(tc.class, tc.sizes, tc.overhead, tc.scale, 0.03, seed))
				require.NoError(t, err)
				assert.Equal(t, tc.class, f.Class, "seed %d: %s; fits %+v", seed, f, f.Fits)
				assert.Greater(t, f.R2, 0.9, "seed %d", seed)
			}
		})
	}
}

// TestFitCannotTell: over a narrow range (sizes within 2x) neighbouring classes differ by less
// than 5% noise: the fit says so rather than guess.
func TestFitCannotTell(t *testing.T) {
	narrow := []float64{1000, 1200, 1400, 1600, 1800, 2000}
	f, err := FitPoints(synth(NLogN, narrow, 0, 1e-7, 0.05, 1))
	require.NoError(t, err)
	assert.Equal(t, Unknown, f.Class, "%s", f)
	assert.Contains(t, f.Close, NLogN, "the true class is among those named")
	assert.GreaterOrEqual(t, len(f.Close), 2)
	assert.Contains(t, f.String(), "cannot tell: ")
}

func TestFitBadInput(t *testing.T) {
	_, err := FitPoints([]Point{{1, 1}, {2, 2}, {3, 3}})
	assert.ErrorContains(t, err, "at least 4")
	_, err = FitPoints([]Point{{1, 1}, {2, 2}, {2, 3}, {4, 4}})
	assert.ErrorContains(t, err, "twice")
	_, err = FitPoints([]Point{{1, 1}, {2, 0}, {3, 3}, {4, 4}})
	assert.ErrorContains(t, err, "bad point")
	_, err = FitPoints([]Point{{1, 1}, {2, math.NaN()}, {3, 3}, {4, 4}})
	assert.ErrorContains(t, err, "bad point")
}

func TestParseClass(t *testing.T) {
	for s, want := range map[string]Class{
		"O(1)": Constant, "log n": Log, "O(n)": Linear, "n log n": NLogN, "O(n log n)": NLogN,
		"n^2": Quadratic, "O(n²)": Quadratic, "n^3": Cubic, "2^n": Exponential, "O(2ⁿ)": Exponential,
	} {
		got, err := ParseClass(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
		back, err := ParseClass(got.String())
		require.NoError(t, err)
		assert.Equal(t, got, back, "String and ParseClass agree")
	}
	_, err := ParseClass("n!")
	assert.ErrorContains(t, err, "want one of")
}

// A fit written as JSON reads back the same: reports are stored and read again.
func TestClassJSONRoundTrip(t *testing.T) {
	for c := Unknown; c <= Exponential; c++ {
		b, err := json.Marshal(Fit{Class: c, Close: []Class{c}})
		require.NoError(t, err)
		var got Fit
		require.NoError(t, json.Unmarshal(b, &got), string(b))
		assert.Equal(t, c, got.Class, string(b))
		assert.Equal(t, []Class{c}, got.Close)
	}
	var c Class
	assert.Error(t, json.Unmarshal([]byte(`"O(n!)"`), &c))
}

func TestFitWithinNoise(t *testing.T) {
	// A solution whose work is invisible under a test's own cost: 2.4-3.3 ms at every size, as
	// count-set-bits' are (over the 1.25x of flatSpread, so FitPoints alone names no class).
	pts := []Point{{1, 0.0033}, {2, 0.0028}, {4, 0.0026}, {8, 0.0026}, {16, 0.0024}, {32, 0.0028}}
	f, err := FitPoints(pts)
	require.NoError(t, err)
	assert.NotEqual(t, Constant, f.Class)
	f, err = FitWithin(pts, 0.001)
	require.NoError(t, err)
	assert.Equal(t, Constant, f.Class)
	assert.True(t, f.WithinNoise)
	assert.Equal(t, "≈ O(1) (every size within the 1.0 ms its repeats differ by)", f.String())

	// Growth well past the noise keeps its class.
	var lin []Point
	for _, n := range []float64{1000, 2000, 4000, 8000, 16000} {
		lin = append(lin, Point{n, 0.003 + n*1e-6})
	}
	f, err = FitWithin(lin, 0.001)
	require.NoError(t, err)
	assert.False(t, f.WithinNoise)
	assert.NotEqual(t, Constant, f.Class)
	assert.Contains(t, f.String(), "O(n)")
}
