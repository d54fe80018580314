package mutation

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
)

func TestParseSmallInputs(t *testing.T) {
	ins, err := parseSmallInputs([]byte("[1, 2]\n\n[[]]\n"), judge.Function)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte("[1, 2]\n"), []byte("[[]]\n")}, ins, "blank lines skipped, each an .in file's content")

	ins, err = parseSmallInputs([]byte("\"3\\n1 2 3\\n\"\n\"\"\n"), judge.Stdio)
	require.NoError(t, err)
	assert.Equal(t, [][]byte{[]byte("3\n1 2 3\n"), []byte("")}, ins, "stdio: a JSON string is the whole standard input")

	_, err = parseSmallInputs([]byte("[1]\n7\n"), judge.Function)
	assert.ErrorIs(t, err, judge.ErrBadInput)
	assert.ErrorContains(t, err, "line 2 of its output: want a JSON array")

	_, err = parseSmallInputs([]byte("3 1 2\n"), judge.Stdio)
	assert.ErrorContains(t, err, "want a JSON string")

	_, err = parseSmallInputs([]byte(strings.Repeat("[1]\n", MaxSmallInputs+1)), judge.Function)
	assert.ErrorContains(t, err, "more than 20000 inputs")
}

func TestWithDeclared(t *testing.T) {
	p := &judge.Problem{Mode: judge.Function, Tests: []judge.Test{{Input: []byte("[5]\n")}}}
	got := withDeclared(p, [][]byte{[]byte("[100]\n"), []byte("[ 5 ]\n"), []byte("[7]\n")}, [][]byte{[]byte("[7]\n"), []byte("[6]\n")})
	assert.Equal(t, [][]byte{[]byte("[6]\n"), []byte("[7]\n"), []byte("[100]\n")}, got,
		"a test (whatever its spacing) and a repeat dropped, smallest first")
	assert.Equal(t, 2, countIn(p, got, [][]byte{[]byte("[100]\n"), []byte("[ 5 ]\n"), []byte("[7]\n")}))
}
