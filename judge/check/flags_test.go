package check

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Flags
		wantErr string
	}{
		{name: "empty", in: "", want: Flags{}},
		{name: "only spaces", in: "  \t\n ", want: Flags{}},
		{name: "case_sensitive", in: "case_sensitive", want: Flags{CaseSensitive: true}},
		{name: "space_change_sensitive", in: "space_change_sensitive", want: Flags{SpaceChangeSensitive: true}},
		{name: "unordered", in: "unordered", want: Flags{Unordered: true}},
		{name: "float_tolerance sets both", in: "float_tolerance 1e-6",
			want: Flags{AbsTol: 1e-6, RelTol: 1e-6, HasFloatTol: true}},
		{name: "float_absolute_tolerance", in: "float_absolute_tolerance 0.5",
			want: Flags{AbsTol: 0.5, HasFloatTol: true}},
		{name: "float_relative_tolerance", in: "float_relative_tolerance 1E-3",
			want: Flags{RelTol: 1e-3, HasFloatTol: true}},
		{name: "zero tolerance still counts as set", in: "float_tolerance 0",
			want: Flags{HasFloatTol: true}},
		{name: "later flag overrides", in: "float_tolerance 1e-6 float_relative_tolerance 1e-4",
			want: Flags{AbsTol: 1e-6, RelTol: 1e-4, HasFloatTol: true}},
		{name: "all of them", in: "case_sensitive space_change_sensitive float_absolute_tolerance 2 float_relative_tolerance 3 unordered",
			want: Flags{CaseSensitive: true, SpaceChangeSensitive: true, AbsTol: 2, RelTol: 3, HasFloatTol: true, Unordered: true}},
		{name: "repeated flag is harmless", in: "case_sensitive case_sensitive", want: Flags{CaseSensitive: true}},
		{name: "unknown flag is named", in: "case_sensitive ignore_case", wantErr: `unknown flag "ignore_case"`},
		{name: "flags are case sensitive", in: "CASE_SENSITIVE", wantErr: `unknown flag "CASE_SENSITIVE"`},
		{name: "missing value", in: "float_tolerance", wantErr: "float_tolerance needs a value"},
		{name: "value not a number", in: "float_tolerance abc", wantErr: `"abc" is not a finite number`},
		{name: "value is the next flag", in: "float_tolerance case_sensitive", wantErr: `"case_sensitive" is not a finite number`},
		{name: "negative", in: "float_absolute_tolerance -1", wantErr: `"-1" is not a finite number >= 0`},
		{name: "nan", in: "float_tolerance nan", wantErr: "not a finite number"},
		{name: "inf", in: "float_tolerance inf", wantErr: "not a finite number"},
		{name: "stray value", in: "1e-6", wantErr: `unknown flag "1e-6"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFlags(tt.in)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Equal(t, Flags{}, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseFlagList(t *testing.T) {
	got, err := ParseFlagList([]string{"case_sensitive", "float_tolerance", "1e-9"})
	require.NoError(t, err)
	assert.Equal(t, Flags{CaseSensitive: true, AbsTol: 1e-9, RelTol: 1e-9, HasFloatTol: true}, got)

	got, err = ParseFlagList(nil)
	require.NoError(t, err)
	assert.Equal(t, Flags{}, got)

	// A word holding a space is one (unknown) word, as it is for problemtools' argv.
	_, err = ParseFlagList([]string{"case_sensitive space_change_sensitive"})
	require.ErrorContains(t, err, `unknown flag "case_sensitive space_change_sensitive"`)
}
