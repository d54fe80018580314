// Package check decides whether a submission's output is right: the Kattis default output
// validator for stdio problems (Tokens) and a JSON value comparison for function problems (JSON).
//
// It is pure computation on the byte slices it is given. It must never do I/O, start processes,
// keep state between calls, or panic on any output a submission can produce; its cost must stay
// linear (or n log n) in the size of the output, which a submission controls.
package check

import (
	"strconv"
	"unicode/utf8"
)

// Result is the outcome of one comparison. A wrong answer is a Result, not an error: an error
// from this package means the judge's own data (flags, expected answer) is broken.
type Result struct {
	OK      bool
	Message string // why it is wrong, for a person; empty when OK
}

func accept() Result { return Result{OK: true} }

func reject(msg string) Result { return Result{Message: msg} }

// maxShown bounds how much of one token or value a message quotes, so that a message stays short
// however long the output is.
const maxShown = 40

// quote renders b for a message: Go-quoted (so invalid UTF-8 and control characters stay
// visible), cut to maxShown runes with the cut marked by … and the full length.
func quote[T ~string | ~[]byte](b T) string {
	head, cut := cutShown(b)
	return strconv.Quote(head) + cut
}

// clip is quote without the quoting, for text that is already printable (numbers, JSON).
func clip[T ~string | ~[]byte](b T) string {
	head, cut := cutShown(b)
	return head + cut
}

func cutShown[T ~string | ~[]byte](b T) (head, cut string) {
	n, i := 0, 0
	for i < len(b) && n < maxShown {
		_, size := utf8.DecodeRuneInString(string(b[i:min(i+utf8.UTFMax, len(b))]))
		i += size
		n++
	}
	if i == len(b) {
		return string(b), ""
	}
	return string(b[:i]), "… (" + strconv.Itoa(len(b)) + " bytes)"
}

// plural is "1 token", "2 tokens".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
