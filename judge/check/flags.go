package check

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Flags are the Kattis validator_flags plus the judge's function-mode flag `unordered`.
type Flags struct {
	CaseSensitive, SpaceChangeSensitive bool
	AbsTol, RelTol                      float64 // 0 = not set; float_tolerance E sets both
	HasFloatTol                         bool    // some float_* flag was given (even with E = 0)
	Unordered                           bool    // function mode: the top-level array is a multiset
}

// ParseFlags parses validator_flags written as one string, e.g. "case_sensitive float_tolerance 1e-6".
func ParseFlags(s string) (Flags, error) {
	return ParseFlagList(strings.Fields(s))
}

// ParseFlagList parses validator_flags given as words. As in problemtools, a later flag overrides
// an earlier one (float_tolerance E then float_relative_tolerance F gives abs E, rel F).
func ParseFlagList(words []string) (Flags, error) {
	var f Flags
	for i := 0; i < len(words); i++ {
		switch w := words[i]; w {
		case "case_sensitive":
			f.CaseSensitive = true
		case "space_change_sensitive":
			f.SpaceChangeSensitive = true
		case "unordered":
			f.Unordered = true
		case "float_tolerance", "float_absolute_tolerance", "float_relative_tolerance":
			if i+1 == len(words) {
				return Flags{}, fmt.Errorf("parse flags: %s needs a value", w)
			}
			i++
			e, err := parseTolerance(words[i])
			if err != nil {
				return Flags{}, fmt.Errorf("parse flags: %s: %w", w, err)
			}
			f.HasFloatTol = true
			if w != "float_relative_tolerance" {
				f.AbsTol = e
			}
			if w != "float_absolute_tolerance" {
				f.RelTol = e
			}
		default:
			return Flags{}, fmt.Errorf("parse flags: unknown flag %q", w)
		}
	}
	return f, nil
}

func parseTolerance(s string) (float64, error) {
	e, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(e) || math.IsInf(e, 0) || e < 0 {
		return 0, fmt.Errorf("%q is not a finite number >= 0", s)
	}
	return e, nil
}
