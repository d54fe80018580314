package main

import (
	"bytes"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A target whose rows were measured prints its figure; one whose rows -modes left out prints
// "-", never a ratio of a missing row (it printed "+Inf MISSED" or "0.00 met").
func TestTargetsOfRowsNotMeasuredAreDashes(t *testing.T) {
	rows := []result{
		{mode: "warm", latencies: []time.Duration{40 * time.Millisecond}},
		{mode: "floor", latencies: []time.Duration{80 * time.Millisecond}},
	}
	var out bytes.Buffer
	printTargets(&out, rows, rows, subject{name: "add20"}, subject{name: "fibonacci"})
	text := out.String()
	assert.Regexp(t, regexp.MustCompile(`warm / floor\s+0\.50 met\s+0\.50 met`), text)
	assert.Regexp(t, regexp.MustCompile(`checkfn / warm\s+-\s+-\s`), text)
	assert.Regexp(t, regexp.MustCompile(`warm / limit\s+-\s+-\s`), text)
	assert.NotContains(t, text, "Inf")
	assert.NotContains(t, text, "NaN")
}

// A -modes name that is no mode's is refused before anything runs (it was counted in the
// budget's weights and never measured).
func TestUnknownModes(t *testing.T) {
	modes := []mode{{name: "warm"}, {name: "isolated"}, {name: "limit"}}
	assert.Empty(t, unknownModes("warm,limit", modes))
	assert.Empty(t, unknownModes("", modes))
	assert.Equal(t, []string{"wram", "cold"}, unknownModes("wram,isolated,cold", modes))
	assert.Equal(t, "warm,isolated,limit", modeNames(modes))
}
