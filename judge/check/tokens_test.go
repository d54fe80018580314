package check

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTokens(t *testing.T) {
	tol6 := Flags{AbsTol: 1e-6, RelTol: 1e-6, HasFloatTol: true}
	abs := func(e float64) Flags { return Flags{AbsTol: e, HasFloatTol: true} }
	rel := func(e float64) Flags { return Flags{RelTol: e, HasFloatTol: true} }
	cs := Flags{CaseSensitive: true}
	sp := Flags{SpaceChangeSensitive: true}

	tests := []struct {
		name     string
		want     string
		got      string
		flags    Flags
		ok       bool
		msg      string // exact message when not OK
		contains string // or a part of it
	}{
		// Empty and white space.
		{name: "empty vs empty", want: "", got: "", ok: true},
		{name: "empty vs newline", want: "", got: "\n", ok: true},
		{name: "newline vs empty", want: "\n", got: "", ok: true},
		{name: "empty vs newline, space sensitive", want: "", got: "\n", flags: sp,
			msg: `at the end of the output: expected white space "", got "\n" (trailing white space)`},
		{name: "newline vs empty, space sensitive", want: "\n", got: "", flags: sp,
			msg: `at the end of the output: expected white space "\n", got "" (missing final newline)`},
		{name: "empty vs token", want: "", got: "x",
			msg: `expected 0 tokens, got 1 (extra output at line 1, token 1: "x")`},
		{name: "token vs empty", want: "42\n", got: "",
			msg: `expected 1 token, got 0 (output is empty; next expected "42")`},
		{name: "token vs white space only", want: "42\n", got: " \n",
			msg: `expected 1 token, got 0 (output is only white space; next expected "42")`},
		{name: "amount of white space does not matter", want: "1 2\n3\n", got: "  1\t\t2 3   \n\n\n", ok: true},
		{name: "trailing white space ignored", want: "1 2\n", got: "1 2   \n  ", ok: true},
		{name: "missing final newline ignored", want: "1 2\n", got: "1 2", ok: true},
		{name: "leading white space ignored", want: "1", got: "\n\n 1", ok: true},
		{name: "all isspace bytes separate", want: "a b c d e f g", got: "a\tb\nc\vd\fe\rf g", ok: true},
		{name: "NBSP is not white space", want: "a b", got: "a\u00a0b",
			contains: `expected "a", got "a\u00a0b"`},

		// space_change_sensitive.
		{name: "sensitive: identical", want: "1 2\n3\n", got: "1 2\n3\n", flags: sp, ok: true},
		{name: "sensitive: trailing space", want: "1 2\n", got: "1 2 \n", flags: sp,
			msg: `at the end of the output: expected white space "\n", got " \n" (trailing white space)`},
		{name: "sensitive: trailing blank line", want: "1\n", got: "1\n\n", flags: sp,
			msg: `at the end of the output: expected white space "\n", got "\n\n" (trailing white space)`},
		{name: "sensitive: missing final newline", want: "1 2\n", got: "1 2", flags: sp,
			msg: `at the end of the output: expected white space "\n", got "" (missing final newline)`},
		{name: "sensitive: double space", want: "1 2", got: "1  2", flags: sp,
			msg: `line 1, after token 1: expected white space " ", got "  "`},
		{name: "sensitive: tab for space", want: "1 2", got: "1\t2", flags: sp,
			contains: `expected white space " ", got "\t"`},
		{name: "sensitive: leading newline", want: "1", got: "\n1", flags: sp,
			msg: `at the start of the output: expected white space "", got "\n"`},
		{name: "sensitive: line break moved", want: "1 2\n3", got: "1\n2 3", flags: sp,
			msg: `line 1, after token 1: expected white space " ", got "\n"`},
		{name: "sensitive: before first token of a later line", want: "1\n2\n", got: "1\n 2\n", flags: sp,
			msg: `line 1, after token 1: expected white space "\n", got "\n "`},
		{name: "sensitive: still case-insensitive", want: "Yes\n", got: "YES\n", flags: sp, ok: true},
		{name: "sensitive: tokens still compared", want: "1 2\n", got: "1 3\n", flags: sp,
			msg: `line 1, token 2: expected "2", got "3"`},

		// CRLF.
		{name: "CRLF accepted by default", want: "1\n2\n", got: "1\r\n2\r\n", ok: true},
		{name: "CRLF answer, LF output", want: "1\r\n2\r\n", got: "1\n2\n", ok: true},
		{name: "CRLF rejected when space sensitive", want: "1\n2\n", got: "1\r\n2\r\n", flags: sp,
			msg: `line 1, after token 1: expected white space "\n", got "\r\n" (CRLF line ending)`},

		// Tokens and positions.
		{name: "mismatch reports output line and token", want: "1 2\n3 4\n5 12\n", got: "1 2\n3 4\n5 13\n",
			msg: `line 3, token 2: expected "12", got "13"`},
		{name: "line is the output's line", want: "1 2 3", got: "1\n2\n4",
			msg: `line 3, token 1: expected "3", got "4"`},
		{name: "output ends early", want: "1 2 3 4 5", got: "1 2 3 4",
			msg: `expected 5 tokens, got 4 (output ends early; next expected "5")`},
		{name: "extra output", want: "1 2 3 4", got: "1 2 3 4\n5 foo",
			msg: `expected 4 tokens, got 6 (extra output at line 2, token 1: "5")`},
		{name: "prefix token is not enough", want: "12", got: "1", msg: `line 1, token 1: expected "12", got "1"`},

		// Case.
		{name: "case-insensitive by default", want: "Yes", got: "yES", ok: true},
		{name: "case_sensitive", want: "Yes", got: "yes", flags: cs,
			msg: `line 1, token 1: expected "Yes", got "yes" (letter case differs)`},
		{name: "case_sensitive exact", want: "Yes", got: "Yes", flags: cs, ok: true},
		{name: "case folding is ASCII only, like strcasecmp", want: "ÉTÉ", got: "été",
			msg: `line 1, token 1: expected "ÉTÉ", got "été"`},
		{name: "non-letters do not fold", want: "[", got: "{", msg: `line 1, token 1: expected "[", got "{"`},
		{name: "@ is not `", want: "@", got: "`", contains: "expected"},

		// Unicode and odd bytes.
		{name: "unicode token equal", want: "héllo 世界\n", got: "héllo   世界", ok: true},
		{name: "unicode token differs", want: "世界", got: "世間", msg: `line 1, token 1: expected "世界", got "世間"`},
		{name: "invalid UTF-8 compared as bytes", want: "\xff", got: "\xfe", msg: `line 1, token 1: expected "\xff", got "\xfe"`},
		{name: "NUL inside a token counts", want: "a\x00b", got: "a\x00c", contains: `expected "a\x00b"`},

		// Numbers without a tolerance are strings.
		{name: "no tolerance: 1.0 is not 1", want: "1", got: "1.0", msg: `line 1, token 1: expected "1", got "1.0"`},
		{name: "no tolerance: 1e5 is not 100000", want: "100000", got: "1e5", contains: `expected "100000", got "1e5"`},
		{name: "no tolerance: exponent case folds as a string", want: "1e5", got: "1E5", ok: true},
		{name: "big int beyond 2^64 equal", want: "18446744073709551617", got: "18446744073709551617", ok: true},
		{name: "big int beyond 2^64 off by one", want: "18446744073709551617", got: "18446744073709551616",
			msg: `line 1, token 1: expected "18446744073709551617", got "18446744073709551616"`},

		// Floats with a tolerance.
		{name: "tol: equal", want: "0.5", got: "0.5", flags: tol6, ok: true},
		{name: "tol: 1e5 vs 100000", want: "100000", got: "1e5", flags: tol6, ok: true},
		{name: "tol: 1E+05 vs 100000", want: "100000", got: "1E+05", flags: tol6, ok: true},
		{name: "tol: int judge accepts float team", want: "3", got: "3.0000001", flags: tol6, ok: true},
		{name: "tol: rel accepts large", want: "1000000", got: "1000000.9", flags: tol6, ok: true},
		{name: "tol: rel rejects", want: "1000000", got: "1000001.1", flags: tol6,
			msg: `line 1, token 1: expected "1000000", got "1000001.1" (difference 1.1, tolerance 1e-06)`},
		{name: "tol: abs accepts near zero", want: "0", got: "-0.0000009", flags: tol6, ok: true},
		{name: "tol: abs rejects near zero", want: "0", got: "0.0000011", flags: tol6, contains: "difference 1.1e-06"},
		{name: "tol: team not a float", want: "2.5", got: "two", flags: tol6,
			msg: `line 1, token 1: expected a number close to "2.5", got "two"`},
		{name: "tol: team trailing garbage", want: "2.5", got: "2.5x", flags: tol6, contains: "expected a number close to"},
		{name: "tol: team incomplete exponent", want: "2", got: "2e", flags: tol6, contains: "expected a number close to"},
		{name: "tol: string judge token still case-insensitive", want: "Yes 1.5", got: "yes 1.5000001", flags: tol6, ok: true},
		{name: "tol: string judge token respects case_sensitive", want: "Yes", got: "yes",
			flags: Flags{CaseSensitive: true, AbsTol: 1, HasFloatTol: true}, contains: "letter case differs"},
		{name: "tol: leading plus and bare point", want: "0.5", got: "+.5", flags: tol6, ok: true},
		{name: "tol: trailing point", want: "5", got: "5.", flags: tol6, ok: true},
		{name: "tol: hexadecimal float (C strtod)", want: "26", got: "0x1A", flags: tol6, ok: true},
		{name: "tol: hexadecimal float with exponent", want: "0x1.8p1", got: "3", flags: tol6, ok: true},
		{name: "tol: underscores are not C", want: "1000", got: "1_000", flags: tol6, contains: "expected a number close to"},
		{name: "tol: negative numbers", want: "-2.5", got: "-2.5000001", flags: tol6, ok: true},
		{name: "tol: sign matters", want: "-2.5", got: "2.5", flags: tol6, contains: "difference 5"},
		{name: "tol: big ints within relative tolerance", want: "18446744073709551617", got: "18446744073709551616", flags: tol6, ok: true},
		{name: "tol: big ints beyond absolute tolerance", want: "18446744073709551617", got: "18446744073709551616", flags: abs(0.5),
			contains: `expected "18446744073709551617"`},
		{name: "tol: zero tolerance compares values", want: "1.0", got: "1.000", flags: abs(0), ok: true},
		{name: "tol: zero tolerance rejects any difference", want: "1", got: "1.0000000000000000001", flags: abs(0),
			contains: "difference 1e-19, tolerance 0"},
		{name: "tol: exponents", want: "1.5e-300", got: "1.5000000001e-300", flags: rel(1e-9), ok: true},
		{name: "tol: exponents differ", want: "1.5e-300", got: "1.5e-299", flags: rel(1e-9), contains: "difference"},
		{name: "tol: underflow is still a number", want: "0", got: "1e-400", flags: abs(1e-9), ok: true},

		// inf and nan are not floats for problemtools: compared as strings.
		{name: "tol: nan vs nan", want: "nan", got: "NaN", flags: tol6, ok: true},
		{name: "tol: inf vs inf", want: "inf", got: "INF", flags: tol6, ok: true},
		{name: "tol: inf vs infinity", want: "inf", got: "infinity", flags: tol6,
			msg: `line 1, token 1: expected "inf", got "infinity"`},
		{name: "tol: float judge, inf team", want: "1e308", got: "inf", flags: tol6, contains: "expected a number close to"},
		{name: "tol: overflowing judge is a string", want: "1e999", got: "2e999", flags: tol6,
			msg: `line 1, token 1: expected "1e999", got "2e999"`},
		{name: "tol: nan team for float judge", want: "0.5", got: "nan", flags: tol6, contains: "expected a number close to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tokens([]byte(tt.want), []byte(tt.got), tt.flags)
			if tt.ok {
				assert.True(t, r.OK, "message: %s", r.Message)
				assert.Empty(t, r.Message)
				return
			}
			assert.False(t, r.OK)
			if tt.msg != "" {
				assert.Equal(t, tt.msg, r.Message)
			}
			if tt.contains != "" {
				assert.Contains(t, r.Message, tt.contains)
			}
		})
	}
}

// Boundaries are inclusive on the decimal values as written, in both directions of the check
// (abs and rel), and one digit beyond the boundary is rejected.
func TestTokensToleranceBoundaries(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		flags     Flags
		ok        bool
	}{
		{"abs exactly at bound", "1.0", "1.1", Flags{AbsTol: 0.1, HasFloatTol: true}, true},
		{"abs exactly at bound below", "1.0", "0.9", Flags{AbsTol: 0.1, HasFloatTol: true}, true},
		{"abs just over", "1.0", "1.1000000000000001", Flags{AbsTol: 0.1, HasFloatTol: true}, false},
		{"abs 1e-6 at bound", "1", "1.000001", Flags{AbsTol: 1e-6, HasFloatTol: true}, true},
		{"abs 1e-6 just over", "1", "1.0000010000000001", Flags{AbsTol: 1e-6, HasFloatTol: true}, false},
		{"abs 0.3 at bound", "1.0", "1.3", Flags{AbsTol: 0.3, HasFloatTol: true}, true},
		{"rel at bound", "200", "201", Flags{RelTol: 0.005, HasFloatTol: true}, true},
		{"rel just over", "200", "201.00000000001", Flags{RelTol: 0.005, HasFloatTol: true}, false},
		{"rel is relative to the judge value", "201", "200", Flags{RelTol: 0.005, HasFloatTol: true}, true},
		{"rel uses judge not team", "100", "200", Flags{RelTol: 0.5, HasFloatTol: true}, false},
		{"either tolerance suffices", "1000", "1000.5", Flags{AbsTol: 0.1, RelTol: 0.001, HasFloatTol: true}, true},
		{"neither tolerance suffices", "1000", "1001.5", Flags{AbsTol: 0.1, RelTol: 0.001, HasFloatTol: true}, false},
		{"huge magnitudes, tiny abs", "100000000000000000001", "100000000000000000000", Flags{AbsTol: 1e-6, HasFloatTol: true}, false},
		{"huge magnitudes equal", "100000000000000000000", "1e20", Flags{AbsTol: 1e-6, HasFloatTol: true}, true},
		{"tiny magnitudes, zero tolerance", "1e-310", "2e-310", Flags{HasFloatTol: true}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tokens([]byte(tt.want), []byte(tt.got), tt.flags)
			assert.Equal(t, tt.ok, r.OK, "message: %s", r.Message)
		})
	}
}

func TestTokensMessagesStayShort(t *testing.T) {
	long := strings.Repeat("é", 100000)
	tests := []struct {
		name, want, got string
		flags           Flags
	}{
		{"long tokens", long + "a", long + "b", Flags{}},
		{"long extra output", "x", "x " + long, Flags{}},
		{"long white space", "x\n", "x" + strings.Repeat(" ", 100000) + "\n", Flags{SpaceChangeSensitive: true}},
		{"long number", "1", strings.Repeat("9", 100000), Flags{AbsTol: 1, HasFloatTol: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Tokens([]byte(tt.want), []byte(tt.got), tt.flags)
			assert.False(t, r.OK)
			assert.Less(t, len(r.Message), 300, r.Message)
			assert.Contains(t, r.Message, "…")
		})
	}
}
