package judge

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxSourceBytes caps a submission's size; real solutions are a few KiB.
const MaxSourceBytes = 256 << 10

// Submission is a candidate's source file.
type Submission struct {
	Filename string // shown in reports and tracebacks; base name only
	Source   []byte
}

// CheckSource rejects a source that cannot be a Python solution before any sandbox exists.
func CheckSource(s Submission) error {
	switch {
	case len(s.Source) == 0 || len(bytes.TrimSpace(s.Source)) == 0:
		return fmt.Errorf("check source %s: the file is empty: %w", s.Filename, ErrBadInput)
	case len(s.Source) > MaxSourceBytes:
		return fmt.Errorf("check source %s: %d bytes is over the %d KiB limit for a solution: %w",
			s.Filename, len(s.Source), MaxSourceBytes>>10, ErrBadInput)
	case bytes.IndexByte(s.Source, 0) >= 0:
		line := bytes.Count(s.Source[:bytes.IndexByte(s.Source, 0)], []byte("\n")) + 1
		return fmt.Errorf("check source %s: NUL byte at line %d (is this a binary file?): %w",
			s.Filename, line, ErrBadInput)
	case !utf8.Valid(s.Source):
		return fmt.Errorf("check source %s: not valid UTF-8 at line %d (save the file as UTF-8): %w",
			s.Filename, invalidUTF8Line(s.Source), ErrBadInput)
	}
	return nil
}

func invalidUTF8Line(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[n:]
	}
	return line
}
