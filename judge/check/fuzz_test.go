package check

import (
	"bytes"
	"encoding/json"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Seed corpora live in testdata/fuzz/<Name>/; f.Add only adds what the files cannot say well.

// fuzzFlags maps fuzzer bits onto a flag set: bit 0 case_sensitive, bit 1 space_change_sensitive,
// bit 2 a tolerance (bits 3-5 pick it, bit 6 drops abs, bit 7 drops rel), bit 8 unordered.
func fuzzFlags(bits uint16) Flags {
	f := Flags{
		CaseSensitive:        bits&1 != 0,
		SpaceChangeSensitive: bits&2 != 0,
		Unordered:            bits&256 != 0,
	}
	if bits&4 != 0 {
		e := []float64{0, 1e-9, 1e-6, 1e-3, 0.1, 0.5, 1, 100}[bits>>3&7]
		f.HasFloatTol, f.AbsTol, f.RelTol = true, e, e
		if bits&64 != 0 {
			f.AbsTol = 0
		}
		if bits&128 != 0 {
			f.RelTol = 0
		}
	}
	return f
}

// maxMessage bounds a message: a few quoted tokens, each at most maxShown runes (4 bytes each
// when escaped) plus a length note.
const maxMessage = 600

func FuzzTokens(f *testing.F) {
	f.Add([]byte("1 2\n"), []byte("1 2\n"), uint16(0))
	f.Fuzz(func(t *testing.T, want, got []byte, bits uint16) {
		fl := fuzzFlags(bits)
		r := Tokens(want, got, fl)
		require.Equal(t, r.OK, r.Message == "", "a message exactly when wrong: %q", r.Message)
		require.LessOrEqual(t, len(r.Message), maxMessage)

		// Without a tolerance, a plain split-and-compare says the same.
		if !fl.HasFloatTol {
			require.Equal(t, refTokens(want, got, fl), r.OK, "%+v: %s", fl, r.Message)
		}
		// For two single numbers, the tolerance check agrees with plain rational arithmetic.
		if fl.HasFloatTol {
			wn, okw := parseFloatToken(string(want))
			gn, okg := parseFloatToken(string(got))
			if okw && okg && wn.exact && gn.exact {
				tol := newTolerance(fl.AbsTol, fl.RelTol)
				require.Equal(t, refWithin(wn, gn, tol), within(wn, gn, tol), "%s vs %s, %+v", wn.text, gn.text, fl)
			}
		}
		// Every output is right against itself, whatever the flags.
		for _, x := range [][]byte{want, got} {
			rx := Tokens(x, x, fl)
			require.True(t, rx.OK, "Tokens(x, x) with %+v: %s", fl, rx.Message)
		}
		if !r.OK {
			return
		}
		// Dropping a strictness flag or widening the tolerance never turns right into wrong.
		loose := fl
		loose.CaseSensitive = false
		require.True(t, Tokens(want, got, loose).OK, "case_sensitive OK but insensitive not")
		loose = fl
		loose.SpaceChangeSensitive = false
		require.True(t, Tokens(want, got, loose).OK, "space_change_sensitive OK but insensitive not")
		loose = fl
		loose.HasFloatTol, loose.AbsTol, loose.RelTol = true, 2*fl.AbsTol+1e-9, 2*fl.RelTol+1e-9
		require.True(t, Tokens(want, got, loose).OK, "OK with %+v but not with wider %+v", fl, loose)
		// Right answers have as many tokens as the answer.
		require.Equal(t, len(fieldsC(want)), len(fieldsC(got)))
		// Re-spacing a right answer keeps it right when space does not matter.
		if !fl.SpaceChangeSensitive {
			respaced := bytes.Join(fieldsC(got), []byte("\r\n\t "))
			require.True(t, Tokens(want, respaced, fl).OK)
		}
	})
}

// refTokens is the default validator without floats, written the obvious way.
func refTokens(want, got []byte, f Flags) bool {
	w, g := fieldsC(want), fieldsC(got)
	if len(w) != len(g) {
		return false
	}
	for i := range w {
		if f.CaseSensitive && !bytes.Equal(w[i], g[i]) || !equalFoldASCII(w[i], g[i]) {
			return false
		}
	}
	if f.SpaceChangeSensitive {
		notSpace := func(r rune) bool { return r >= 256 || !isSpace[r] }
		ws, gs := bytes.FieldsFunc(want, notSpace), bytes.FieldsFunc(got, notSpace)
		// Runs must match one for one, including leading and trailing ones.
		if len(ws) != len(gs) || (len(want) > 0 && isSpace[want[0]]) != (len(got) > 0 && isSpace[got[0]]) {
			return false
		}
		for i := range ws {
			if !bytes.Equal(ws[i], gs[i]) {
				return false
			}
		}
	}
	return true
}

// refWithin is within in big.Rat, from the literals' parts.
func refWithin(want, got number, tol tolerance) bool {
	rat := func(n number) *big.Rat {
		s := "0" + n.intDigits + "." + n.fracDigits + "0e" + strconv.Itoa(n.exp10)
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			panic(s)
		}
		if n.neg {
			r.Neg(r)
		}
		return r
	}
	tolRat := func(f float64) *big.Rat {
		r, _ := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64))
		return r
	}
	w := rat(want)
	d := new(big.Rat).Sub(w, rat(got))
	d.Abs(d)
	rb := new(big.Rat).Mul(tolRat(tol.rel), new(big.Rat).Abs(w))
	return d.Cmp(tolRat(tol.abs)) <= 0 || d.Cmp(rb) <= 0
}

// fieldsC splits at C's isspace (bytes.Fields also splits at Unicode spaces).
func fieldsC(b []byte) [][]byte {
	return bytes.FieldsFunc(b, func(r rune) bool { return r < 256 && isSpace[r] })
}

func FuzzJSON(f *testing.F) {
	f.Add([]byte(`[1, 2.5, "x"]`), []byte(`[1, 2.5, "x"]`), uint16(0))
	f.Fuzz(func(t *testing.T, want, got []byte, bits uint16) {
		fl := fuzzFlags(bits)
		r, err := JSON(want, got, fl)
		_, perr := parseJSON(want)
		require.Equal(t, perr != nil, err != nil, "error exactly when the answer is invalid")
		require.LessOrEqual(t, len(r.Message), maxMessage)
		if err == nil {
			require.Equal(t, r.OK, r.Message == "")
		}

		// Without floats, and where encoding/json keeps the value, a plain decode-and-compare
		// says the same.
		if err == nil {
			if ref, ok := refJSON(want, got, fl.Unordered); ok {
				require.Equal(t, ref, r.OK, "%+v: %s", fl, r.Message)
			}
		}

		for _, x := range [][]byte{want, got} {
			_, perr := parseJSON(x)
			// Our JSON is standard JSON; we reject only duplicate keys beyond encoding/json.
			if perr == nil {
				require.True(t, json.Valid(x), "parsed %q that encoding/json rejects", x)
			} else if json.Valid(x) {
				require.Regexp(t, "duplicate key|nested too deeply", perr.Error())
				continue
			}
			if perr != nil {
				continue
			}
			rx, err := JSON(x, x, fl)
			require.NoError(t, err)
			require.True(t, rx.OK, "JSON(x, x) with %+v: %s", fl, rx.Message)

			// Another spelling of the same value (escapes, spacing, key order) is still right.
			if y, ok := respell(x); ok {
				ry, err := JSON(x, y, fl)
				require.NoError(t, err)
				require.True(t, ry.OK, "%q vs its re-encoding %q: %s", x, y, ry.Message)
			}
			// With unordered, a reversed top-level list is right.
			if y, ok := reversed(x); ok {
				fl := fl
				fl.Unordered = true
				ry, err := JSON(x, y, fl)
				require.NoError(t, err)
				require.True(t, ry.OK, "%q vs reversed %q: %s", x, y, ry.Message)
			}
		}
	})
}

// refJSON compares two valid JSON texts without floats through encoding/json; ok is false
// when it cannot say.
func refJSON(want, got []byte, unordered bool) (equal, ok bool) {
	w, okw := refDecode(want)
	g, okg := refDecode(got)
	if !okw {
		return false, false
	}
	if !okg {
		_, err := parseJSON(got)
		return false, err != nil // invalid output is wrong; valid but not decodable: cannot say
	}
	wl, wIsList := w.([]any)
	gl, gIsList := g.([]any)
	if unordered && wIsList && gIsList {
		canon := func(l []any) []string {
			out := make([]string, len(l))
			for i, v := range l {
				b, _ := json.Marshal(v)
				out[i] = string(b)
			}
			slices.Sort(out)
			return out
		}
		return slices.Equal(canon(wl), canon(gl)), true
	}
	wb, _ := json.Marshal(w)
	gb, _ := json.Marshal(g)
	return bytes.Equal(wb, gb), true
}

// refDecode decodes x when encoding/json keeps its value exactly and it holds no float:
// valid UTF-8, no surrogate escapes, no duplicate keys (our parser rejects those).
func refDecode(x []byte) (any, bool) {
	d, err := parseJSON(x)
	if err != nil || !utf8.Valid(x) || loneSurrogateEscape.Match(x) {
		return nil, false
	}
	for _, n := range d.nodes {
		if n.kind == kindFloat {
			return nil, false
		}
	}
	dec := json.NewDecoder(bytes.NewReader(x))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, false
	}
	return normalizeZero(v), true
}

// normalizeZero spells the int -0 as 0, as Python reads it.
func normalizeZero(v any) any {
	switch t := v.(type) {
	case json.Number:
		if t == "-0" {
			return json.Number("0")
		}
	case []any:
		for i := range t {
			t[i] = normalizeZero(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = normalizeZero(t[k])
		}
	}
	return v
}

var loneSurrogateEscape = regexp.MustCompile(`(?i)\\ud[89a-f]`)

// respell re-encodes x with encoding/json, where that keeps the value (it turns invalid UTF-8
// and surrogate escapes into U+FFFD).
func respell(x []byte) ([]byte, bool) {
	if !utf8.Valid(x) || loneSurrogateEscape.Match(x) {
		return nil, false
	}
	d := json.NewDecoder(bytes.NewReader(x))
	d.UseNumber()
	var v any
	if d.Decode(&v) != nil {
		return nil, false
	}
	y, err := json.Marshal(v)
	return y, err == nil
}

func reversed(x []byte) ([]byte, bool) {
	var items []json.RawMessage
	if json.Unmarshal(x, &items) != nil {
		return nil, false
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	y, err := json.Marshal(items)
	return y, err == nil
}

func FuzzParseFlags(f *testing.F) {
	f.Add("case_sensitive float_tolerance 1e-6")
	f.Fuzz(func(t *testing.T, s string) {
		fl, err := ParseFlags(s)
		fl2, err2 := ParseFlagList(strings.Fields(s))
		require.Equal(t, err == nil, err2 == nil)
		require.Equal(t, fl, fl2)
		if err != nil {
			require.Equal(t, Flags{}, fl)
			require.Contains(t, err.Error(), "parse flags: ")
			return
		}
		assert.True(t, fl.AbsTol >= 0 && fl.RelTol >= 0, "tolerances are >= 0: %+v", fl)
		assert.True(t, fl.HasFloatTol || fl.AbsTol == 0 && fl.RelTol == 0)
		// Written back out, the flags parse to the same thing.
		back, err := ParseFlags(render(fl))
		require.NoError(t, err)
		require.Equal(t, fl, back)
	})
}

func render(f Flags) string {
	var w []string
	if f.CaseSensitive {
		w = append(w, "case_sensitive")
	}
	if f.SpaceChangeSensitive {
		w = append(w, "space_change_sensitive")
	}
	if f.HasFloatTol {
		w = append(w, "float_absolute_tolerance", strconv.FormatFloat(f.AbsTol, 'g', -1, 64),
			"float_relative_tolerance", strconv.FormatFloat(f.RelTol, 'g', -1, 64))
	}
	if f.Unordered {
		w = append(w, "unordered")
	}
	return strings.Join(w, " ")
}
