package judge

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
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
	if err := checkFilename(s.Filename); err != nil {
		return err
	}
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

// maxFilename is the longest file name most file systems accept.
const maxFilename = 255

// checkFilename accepts a plain file name: it is shown in reports and tracebacks and becomes the
// program's sys.argv[0], so it must not climb out of a folder or carry control characters.
func checkFilename(name string) error {
	bad := func(why string) error {
		return fmt.Errorf("check source: file name %q %s: %w", name, why, ErrBadInput)
	}
	switch {
	case name == "" || name == "." || name == "..":
		return bad("is not a file name")
	case len(name) > maxFilename:
		return bad(fmt.Sprintf("is over %d bytes", maxFilename))
	case !utf8.ValidString(name):
		return bad("is not valid UTF-8")
	case strings.ContainsAny(name, `/\`):
		return bad("holds a folder separator: give the file name only")
	case strings.ContainsFunc(name, unicode.IsControl):
		return bad("holds a control character")
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
