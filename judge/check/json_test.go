package check

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSON(t *testing.T) {
	tol := Flags{AbsTol: 1e-6, RelTol: 1e-6, HasFloatTol: true}
	un := Flags{Unordered: true}

	tests := []struct {
		name     string
		want     string
		got      string
		flags    Flags
		ok       bool
		msg      string // exact message when not OK
		contains string
	}{
		// Scalars.
		{name: "int", want: "5", got: "5", ok: true},
		{name: "int differs", want: "5", got: "6", msg: "at $: expected 5, got 6"},
		{name: "negative zero int", want: "0", got: "-0", ok: true},
		{name: "white space around values", want: " [1, 2]\n", got: "[1,2]", ok: true},
		{name: "big int beyond 2^64", want: "123456789012345678901234567890", got: "123456789012345678901234567890", ok: true},
		{name: "big int off by one", want: "18446744073709551617", got: "18446744073709551616",
			msg: "at $: expected 18446744073709551617, got 18446744073709551616"},
		{name: "big negative int", want: "-18446744073709551617", got: "-18446744073709551617", ok: true},
		{name: "int expected, float given", want: "3", got: "3.0", msg: "at $: expected int 3, got float 3.0"},
		{name: "int expected, integral float with tolerance flag", want: "3", got: "3.0", flags: tol, ok: true},
		{name: "int expected, exponent float with tolerance flag", want: "100000", got: "1e5", flags: tol, ok: true},
		{name: "int expected, non-integral float even with tolerance", want: "3", got: "3.0000000001", flags: tol,
			msg: "at $: expected int 3, got float 3.0000000001"},
		{name: "big int expected, float that rounds to it is not it", want: "18446744073709551617", got: "1.8446744073709552e19", flags: tol,
			contains: "expected int 18446744073709551617"},
		{name: "2^64 expected, float holding exactly 2^64", want: "18446744073709551616", got: "1.8446744073709552e19", flags: tol, ok: true},
		{name: "float expected, int given", want: "3.0", got: "3", ok: true},
		{name: "float expected, close float", want: "0.1", got: "0.10000000000000002", ok: true},
		{name: "float 0.1+0.2", want: "0.3", got: "0.30000000000000004", ok: true},
		{name: "float outside default 1e-9", want: "1.0", got: "1.00000001",
			msg: "at $: expected 1.0, got 1.00000001 (difference 1e-08, tolerance 1e-09)"},
		{name: "float within flag tolerance", want: "1.0", got: "1.0000001", flags: tol, ok: true},
		{name: "float at flag boundary", want: "1.0", got: "1.1", flags: Flags{AbsTol: 0.1, HasFloatTol: true}, ok: true},
		{name: "only abs flag: rel is off", want: "1000000.0", got: "1000000.5", flags: Flags{AbsTol: 0.1, HasFloatTol: true},
			msg: "at $: expected 1000000.0, got 1000000.5 (difference 0.5, tolerance abs 0.1, rel 0)"},
		{name: "huge floats relative", want: "1e300", got: "1.0000000001e300", ok: true},
		{name: "tiny floats absolute", want: "1e-300", got: "0.0", ok: true},
		{name: "true is not 1", want: "true", got: "1", msg: "at $: expected bool True, got int 1"},
		{name: "1 is not true", want: "1", got: "true", msg: "at $: expected int 1, got bool True"},
		{name: "0 is not false", want: "0", got: "false", contains: "expected int 0, got bool False"},
		{name: "bools", want: "false", got: "true", msg: "at $: expected False, got True"},
		{name: "null", want: "null", got: "null", ok: true},
		{name: "null is not 0", want: "null", got: "0", msg: "at $: expected None, got int 0"},
		{name: "empty list is not null", want: "null", got: "[]", msg: "at $: expected None, got a list of 0 items"},
		{name: "string", want: `"abc"`, got: `"abc"`, ok: true},
		{name: "string differs", want: `"abc"`, got: `"abd"`, msg: `at $: expected "abc", got "abd"`},
		{name: "strings are case sensitive", want: `"Yes"`, got: `"yes"`, msg: `at $: expected "Yes", got "yes"`},
		{name: "string is not a number", want: "5", got: `"5"`, msg: `at $: expected int 5, got str "5"`},
		{name: "escapes decode", want: `"é\n"`, got: `"\u00e9\n"`, ok: true},
		{name: "surrogate pair decodes", want: `"😀"`, got: `"\ud83d\ude00"`, ok: true},
		{name: "lone surrogates stay distinct", want: `"\ud800"`, got: `"\udc00"`, contains: "expected"},
		{name: "lone surrogate is not U+FFFD", want: `"\ud800"`, got: `"\ufffd"`, contains: "expected"},
		{name: "escaped slash", want: `"a/b"`, got: `"a\/b"`, ok: true},

		// Structure.
		{name: "nested", want: `{"a": [1, {"b": [true, null, "x"]}], "c": 2.5}`,
			got: `{"c": 2.5, "a": [1, {"b": [true, null, "x"]}]}`, ok: true},
		{name: "nested path", want: `[{"val": 1}, {"val": 2}, {"val": 4}]`, got: `[{"val": 1}, {"val": 2}, {"val": 5}]`,
			msg: "at $[2].val: expected 4, got 5"},
		{name: "path with odd key", want: `{"my key": [1]}`, got: `{"my key": [2]}`, msg: `at $["my key"][0]: expected 1, got 2`},
		{name: "key order does not matter", want: `{"a": 1, "b": 2}`, got: `{"b": 2, "a": 1}`, ok: true},
		{name: "missing key", want: `{"a": 1, "b": 2}`, got: `{"a": 1}`, msg: `at $: missing key "b"`},
		{name: "unexpected key", want: `{"a": 1}`, got: `{"a": 1, "z": 2}`, msg: `at $: unexpected key "z"`},
		{name: "same count, different key", want: `{"a": 1, "b": 2}`, got: `{"a": 1, "c": 2}`, msg: `at $: missing key "b"`},
		{name: "escaped key matches", want: `{"é": 1}`, got: `{"\u00e9": 1}`, ok: true},
		{name: "escaped keys sort", want: `{"&": 1, "": 0, "b": 2}`, got: `{"b": 2, "\u0026": 1, "": 0}`, ok: true},
		{name: "list length", want: "[1, 2, 3]", got: "[1, 2]", msg: "at $: expected a list of 3 items, got 2"},
		{name: "list order matters", want: "[1, 2]", got: "[2, 1]", msg: "at $[0]: expected 1, got 2"},
		{name: "tuple is a list already", want: "[0, 1]", got: "[0, 1]", ok: true},
		{name: "list vs dict", want: "[]", got: "{}", msg: "at $: expected a list of 0 items, got a dict with 0 keys"},
		{name: "deep nesting", want: strings.Repeat("[", 500) + "1" + strings.Repeat("]", 500),
			got: strings.Repeat("[", 500) + "2" + strings.Repeat("]", 500), contains: "…[0][0][0][0]: expected 1, got 2"},

		// Unordered.
		{name: "unordered: permutation", want: "[3, 1, 2]", got: "[1, 2, 3]", flags: un, ok: true},
		{name: "unordered: duplicates counted", want: "[1, 1, 2]", got: "[1, 2, 2]", flags: un,
			msg: "in any order: missing item 1"},
		{name: "unordered: duplicates equal", want: "[2, 1, 2, 1]", got: "[1, 1, 2, 2]", flags: un, ok: true},
		{name: "unordered: one missing", want: "[1, 2, 3]", got: "[3, 1]", flags: un,
			msg: "in any order: missing item 2 (expected 3 items, got 2)"},
		{name: "unordered: one extra", want: "[1, 2]", got: "[2, 9, 1]", flags: un,
			msg: "in any order: unexpected item 9 (expected 2 items, got 3)"},
		{name: "unordered: replaced", want: "[1, 2, 3]", got: "[1, 4, 3]", flags: un, msg: "in any order: missing item 2"},
		{name: "unordered: only the top level", want: "[[1, 2], [3, 4]]", got: "[[3, 4], [1, 2]]", flags: un, ok: true},
		{name: "unordered: inner lists keep order", want: "[[1, 2], [3, 4]]", got: "[[4, 3], [1, 2]]", flags: un,
			msg: "in any order: missing item [3, 4]"},
		{name: "unordered: dicts", want: `[{"a": 1}, {"b": 2}]`, got: `[{"b": 2}, {"a": 1}]`, flags: un, ok: true},
		{name: "unordered: mixed kinds", want: `[null, "x", 1, true, [], {}]`, got: `[{}, [], true, 1, "x", null]`, flags: un, ok: true},
		{name: "unordered: floats within tolerance", want: "[0.3, 0.1]", got: "[0.1, 0.30000000000000004]", flags: un, ok: true},
		{name: "unordered: float items matched by non-float parts first",
			want: `[[1.0, "b"], [1.0000000001, "a"]]`, got: `[[1.0000000001, "b"], [1.0, "a"]]`, flags: un, ok: true},
		{name: "unordered: near-tie in the first float, second try pairs them",
			want: "[[1.0, 5.0], [1.0000000000001, 3.0]]", got: "[[1.0000000000001, 5.0], [1.0, 3.0]]", flags: un, ok: true},
		{name: "unordered: second try still rejects a wrong answer",
			want: "[[1.0, 5.0], [1.0000000000001, 3.0]]", got: "[[1.0000000000001, 5.0], [1.0, 4.0]]", flags: un,
			msg: "in any order: unexpected item [1.0, 4.0]"},
		{name: "unordered: int and float", want: "[2.0, 1]", got: "[1, 2]", flags: un, ok: true},
		{name: "unordered: true is not 1", want: "[1, true]", got: "[true, true]", flags: un, contains: "in any order"},
		{name: "unordered: top level not a list compares normally", want: `{"a": [1, 2]}`, got: `{"a": [2, 1]}`, flags: un,
			msg: "at $.a[0]: expected 1, got 2"},
		{name: "unordered: got not a list", want: "[1]", got: "1", flags: un, msg: "at $: expected a list of 1 item, got int 1"},
		{name: "unordered: empty", want: "[]", got: "[]", flags: un, ok: true},

		// Invalid actual JSON.
		{name: "invalid: empty", want: "1", got: "", msg: "returned value is not valid JSON: empty"},
		{name: "invalid: python repr", want: "[1]", got: "(1,)", contains: "not valid JSON"},
		{name: "invalid: NaN", want: "1.0", got: "NaN", contains: "not valid JSON"},
		{name: "invalid: Infinity", want: "1.0", got: "Infinity", contains: "not valid JSON"},
		{name: "invalid: single quotes", want: `"a"`, got: `'a'`, contains: "not valid JSON"},
		{name: "invalid: trailing data", want: "1", got: "1 2", contains: "after the value"},
		{name: "invalid: trailing comma", want: "[1]", got: "[1,]", contains: "not valid JSON"},
		{name: "invalid: leading zero", want: "1", got: "01", contains: "not valid JSON"},
		{name: "invalid: duplicate key", want: `{"a": 1}`, got: `{"a": 1, "a": 1}`, contains: `duplicate key "a"`},
		{name: "invalid: raw newline in string", want: `"a"`, got: "\"a\nb\"", contains: "control character"},
		{name: "invalid: too deep", want: "1", got: strings.Repeat("[", 20000), contains: "nested too deeply"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := JSON([]byte(tt.want), []byte(tt.got), tt.flags)
			require.NoError(t, err)
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

func TestJSONInvalidExpected(t *testing.T) {
	for _, in := range []string{"", "[1,", "{'a': 1}", "NaN", `{"a": 1, "a": 2}`, "1 2"} {
		t.Run(in, func(t *testing.T) {
			_, err := JSON([]byte(in), []byte("1"), Flags{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "expected answer: invalid JSON")
		})
	}
}

func TestJSONMessagesStayShort(t *testing.T) {
	long := `"` + strings.Repeat("x", 100000) + `"`
	big := strings.Repeat("9", 100000)
	tests := []struct{ name, want, got string }{
		{"long strings", long, long[:len(long)-2] + `y"`},
		{"long ints", big, big[:len(big)-1] + "8"},
		{"long key", `{` + long + `: 1}`, `{}`},
		{"long list item", "[" + long + "]", "[1]"},
		{"long unordered item", "[[" + big + "]]", "[[1]]"},
		{"long invalid output", "1", "[" + strings.Repeat("1,", 100000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := JSON([]byte(tt.want), []byte(tt.got), Flags{Unordered: true})
			require.NoError(t, err)
			assert.False(t, r.OK)
			assert.Less(t, len(r.Message), 300, r.Message)
		})
	}
}
